"""Which of the installation's languages a request may be served in."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .models import OrganizationSettings


def organization_for_request(request):
    """The organization behind the request's hostname, or None."""
    try:
        return OrganizationSettings.for_request(request)
    except OrganizationSettings.DoesNotExist:
        return None


def organization_languages(request):
    org = organization_for_request(request)
    if org is None or not org.languages:
        return [settings.LANGUAGE_CODE]
    return list(org.languages)


def organization_home(request):
    """The organization's home page in the current language (or Polish, else None);
    looked up once per request (the menu, the news links and the footer share it)."""
    cache_name = "_localized_home"
    if request is not None and hasattr(request, cache_name):
        return getattr(request, cache_name)
    site = Site.find_for_request(request) if request is not None else None
    home = None
    if site is not None:
        homes = (
            Page.objects.filter(
                translation_key=site.root_page.translation_key,
                depth=2,
                locale__language_code__in=[get_language(), settings.LANGUAGE_CODE],
            )
            .live()
            .select_related("locale")
        )
        by_language = {page.locale.language_code: page for page in homes}
        home = by_language.get(get_language()) or by_language.get(settings.LANGUAGE_CODE)
    if request is not None:
        setattr(request, cache_name, home)
    return home


def shows_untranslated(request):
    """Whether the organization lists and serves content not yet translated into the
    visitor's language (OrganizationSettings.show_untranslated); yes where it is unknown."""
    org = organization_for_request(request) if request is not None else None
    return org is None or org.show_untranslated

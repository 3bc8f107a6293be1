"""Which language a request or a page is in."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.models import Page


def best_language(request, available):
    """The visitor's most preferred language among `available` (Accept-Language), else Polish."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in trans_real.parse_accept_lang_header(header):
        if code == "*":
            break
        base = code.split("-")[0].lower()
        if base in available:
            return base
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in available else available[0]


def content_language(context):
    """The language of the page being shown; the visitor's where there is no page."""
    page = (context or {}).get("page")
    locale = getattr(page, "locale", None)
    return locale.language_code if locale is not None else translation.get_language()


def live_translations(request, page):
    """{language code: live page} of `page` in every language it is published in, itself
    included; looked up once per request (the language switcher and the <head> share it)."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    cache = getattr(request, "_live_translations", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._live_translations = cache
    if page.pk not in cache:
        cache[page.pk] = {
            found.locale.language_code: found
            for found in page.get_translations(inclusive=True).live().select_related("locale")
        }
    return cache[page.pk]

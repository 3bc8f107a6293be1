"""Which of the installation's languages a request may be served in."""

from django.conf import settings
from django.utils.translation import trans_real

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

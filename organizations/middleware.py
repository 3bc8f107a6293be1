from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_path

from core.languages import best_language

from .branding import remember_branding
from .languages import organization_for_request


class OrganizationLanguageMiddleware:
    """Serve an organization's site only in the languages it publishes in.

    `/en/…` on a site that publishes in Polish and Ukrainian redirects to the same
    path in the visitor's best language of those two.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language:
            org = organization_for_request(request)
            if org is not None:
                remember_branding(request, org)
                if language not in org.languages:
                    target = best_language(request, org.languages)
                    prefix = f"/{language}/"
                    rest = request.get_full_path()[len(prefix) :]
                    return HttpResponseRedirect(f"/{target}/{rest}")
        return self.get_response(request)

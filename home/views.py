import logging

from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from core.languages import best_language
from organizations.branding import branding_for
from organizations.languages import organization_languages

logger = logging.getLogger(__name__)


def language_redirect(request):
    """`/` sends the visitor to the best of the organization's languages for them."""
    language = best_language(request, organization_languages(request))
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def server_error(request, template_name="500.html"):
    """The 500 page, in the organization's look, rendered without touching the database."""
    try:
        context = {"branding": branding_for(request), "LANGUAGE_CODE": get_language()}
        html = loader.get_template(template_name).render(context)
    except Exception:
        logger.exception("The 500 page itself failed to render")
        html = "<!doctype html><title>Error</title><h1>Server error (500)</h1>"
    return HttpResponseServerError(html)


def robots_txt(request):
    """Crawlers may read the whole site but the admin and search results; the sitemap is
    the one of the site asked for."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/search/" for code in organization_languages(request)),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

import logging
import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.static import serve

from core.languages import best_language
from organizations import icons
from organizations.branding import branding_for
from organizations.languages import organization_for_request, organization_languages

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


def search_address(language):
    """The search's address in `language` (`/pl/szukaj/`)."""
    with translation.override(language):
        return reverse("search")


def robots_txt(request):
    """Crawlers may read the whole site but the admin and search results; the sitemap is
    the one of the site asked for."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {search_address(code)}" for code in organization_languages(request)),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _icon_response(data, content_type):
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={icons.CACHE_SECONDS}"
    return response


def favicon(request):
    """/favicon.ico: the organization's logo (or initials) as the browsers' tab icon."""
    return _icon_response(icons.favicon_ico(organization_for_request(request)), "image/x-icon")


def icon(request, size):
    """/icon-<size>.png and /apple-touch-icon.png: the organization's square app icon."""
    if size not in icons.PNG_SIZES:
        raise Http404
    return _icon_response(icons.icon_png(organization_for_request(request), size), "image/png")


# What a browser may show of /media/ as it is: the raster images Wagtail accepted (each
# checked by its content on upload) and their renditions. Anything else found there is sent
# as a download, and nothing served from there may run a script or load anything.
INLINE_MEDIA_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}
MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"
# Documents only through Wagtail's view (/documents/<id>/<name>), which checks a
# collection's privacy and serves them as downloads (config.settings WAGTAILDOCS_*).
MEDIA_FOLDERS_NOT_SERVED = {"documents"}


def serve_media(request, path):
    """An uploaded file, as the web server in front serves it in production (README)."""
    path = posixpath.normpath(path).lstrip("/")
    if path.split("/", 1)[0] in MEDIA_FOLDERS_NOT_SERVED:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = MEDIA_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if response.get("Content-Type", "").split(";")[0].strip() not in INLINE_MEDIA_TYPES:
        response["Content-Disposition"] = "attachment"
    return response

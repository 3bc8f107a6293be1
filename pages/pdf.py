"""A page as a PDF to download, at the page's address + `pdf/`.

Visitors get the page as the organization published it: logo, title, lead, photos with
their credits, body, funding notice, and the page's address with a QR code to it. It is
built from templates/pdf/ with the page's own block templates, in the page's language,
rendered by WeasyPrint with the fonts the project ships (static/fonts/noto-sans/), and
kept in the cache per page revision and language.

WeasyPrint never fetches anything over the network: `LocalFilesOnly` reads the site's
media and static files from storage and refuses every other address.
"""

import hashlib
import mimetypes
import posixpath
from functools import partial
from urllib.parse import unquote, urljoin, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.loader import select_template
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.coreutils import camelcase_to_underscore, string_to_ascii
from wagtail.url_routing import RouteResult
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.storage import RENDITIONS_FOLDER, public_base_url, rendition_storage
from organizations.models import OrganizationSettings
from organizations.translations import untranslated_parts_of_page

# Part of the cache key: raise it when a change to the templates or the stylesheet
# should reach the PDFs already in the cache.
VERSION = 2
# A published revision gets a new key at once; this bounds how long a change made in the
# organization settings (logo, funding notice) takes to reach a PDF already cached.
CACHE_SECONDS = 60 * 60 * 24
# Browsers and proxies keep the PDF briefly, then ask again with its ETag (a cheap 304).
BROWSER_CACHE_SECONDS = 60 * 10


def route(page):
    """What `BasePage.route()` returns for `<page>/pdf/`: the PDF of a live, public page."""
    if not page.live or page.get_view_restrictions().exists():
        raise Http404
    return RouteResult(PageAsPdf(page))


class PageAsPdf:
    """The page as Wagtail's serve view sees it for `…/pdf/`: everything is the page's own
    (its view restrictions, for Wagtail's hooks) except `serve()`, which gives the PDF."""

    def __init__(self, page):
        self.page = page

    def __getattr__(self, name):
        return getattr(self.page, name)

    def check_request_method(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return None

    def serve(self, request, *args, **kwargs):
        return pdf_response(self.page, request)


def pdf_response(page, request):
    """The PDF as a download named after the page's slug, from the cache when it is there."""
    key = cache_key(page)
    etag = f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        pdf = cache.get(key)
        if pdf is None:
            pdf = render_pdf(page, request)
            cache.set(key, pdf, CACHE_SECONDS)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, filename(page))
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response


def cache_key(page):
    """Publishing a new revision gives a new key, so no PDF needs to be invalidated."""
    language = page.locale.language_code
    return f"page-pdf:v{VERSION}:{page.pk}:{page.live_revision_id}:{language}"


def filename(page):
    return f"{slugify(string_to_ascii(page.slug)) or f'page-{page.pk}'}.pdf"


def render_pdf(page, request=None):
    """The page as PDF bytes: WeasyPrint's work of a fraction of a second for an article."""
    url = page.get_full_url(request)
    html = page_html(page, request)
    document = HTML(string=html, base_url=url, url_fetcher=LocalFilesOnly(url))
    # Tagged (headings, paragraphs, figures with their alt text) for screen readers.
    return document.write_pdf(pdf_tags=True)


def page_html(page, request=None):
    """The HTML that WeasyPrint lays out, in the page's language.

    `pdf/<page_type>.html` (e.g. pdf/article_page.html) where a page type has one,
    else pdf/page.html.
    """
    organization = OrganizationSettings.for_page(page)
    url = page.get_full_url(request)
    template = select_template(
        [f"pdf/{camelcase_to_underscore(type(page).__name__)}.html", "pdf/page.html"]
    )
    with translation.override(page.locale.language_code):
        notice = organization.funding_notice if organization else None
        context = {
            "page": page,
            "organization": organization,
            "funding_notice": notice.in_current_language() if notice else None,
            "page_url": url,
            "qr_code": qr_code_svg(url),
            "untranslated": untranslated_parts_of_page(page),
        }
        return template.render(context, request)


def qr_code_svg(url):
    """An inline SVG of a QR code that leads to `url`, sized by the stylesheet."""
    code = segno.make(url, error="m", micro=False)
    # segno's own markup: the address is drawn as modules, never written out as text.
    return mark_safe(
        code.svg_inline(
            omitsize=True, svgclass="qr-code", title=gettext("QR code with the page's address")
        )
    )


class LocalFilesOnly(URLFetcher):
    """Gives WeasyPrint the site's media and static files, read from storage; refuses the
    rest, so that a PDF never makes a request to another server (or to this one).

    `base_url` is the page's address, which the document's relative links are resolved
    against: only files under STATIC_URL of the page's own site are served, and media that
    visitors can fetch too: under MEDIA_URL of the page's own site (the local disk), or in
    the renditions' folder at the bucket's public address (object storage, where originals
    and documents are private), read with the storage's credentials, not over the web.
    """

    def __init__(self, base_url):
        super().__init__()
        sources = {}
        for storage, folder in ((default_storage, ""), (rendition_storage, RENDITIONS_FOLDER)):
            public = public_base_url(storage)
            if public is not None:
                read = partial(read_media_file, storage)
                sources.setdefault(urljoin(base_url, public), (folder, read))
        sources.setdefault(urljoin(base_url, settings.STATIC_URL), ("", read_static_file))
        self.sources = [(prefix, folder, read) for prefix, (folder, read) in sources.items()]

    def fetch(self, url, headers=None):
        for prefix, folder, read in self.sources:
            name = file_name(url, prefix)
            if name is not None and name.startswith(folder):
                mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, read(name), {"Content-Type": mime_type})
        raise ValueError(f"A PDF loads only the site's media and static files, not {url}")


def file_name(url, prefix):
    """The file's name in its storage for a `url` under `prefix`; None for any other URL."""
    if not url.startswith(prefix):
        return None
    name = posixpath.normpath(unquote(urlsplit(url[len(prefix) :]).path))
    if name in (".", "..") or name.startswith(("/", "../")):
        return None
    return name


def read_media_file(storage, name):
    with storage.open(name) as file:
        return file.read()


def read_static_file(name):
    # The app's own static folders first (development, tests), then the collected files
    # (production, where {% static %} names carry a hash).
    found = finders.find(name)
    if found:
        with open(found, "rb") as file:
            return file.read()
    with staticfiles_storage.open(name) as file:
        return file.read()

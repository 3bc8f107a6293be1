"""The page cache: what anonymous visitors get, kept whole and served without rendering.

A public page's anonymous GET response is stored in Django's cache (Redis in production,
local memory in `make run`) under its scheme, host, path and query string; the language is
part of the path. It is served again until anything the page may show changes:

- every stored page carries the *generations* of its host, of the default site and of
  the whole installation it was made under; changing a page, a page's translation, or
  anything of an organization (snippets, settings, registrations) bumps its site's
  generation, anything shared (images, documents, tags, sites, redirects) the
  installation's; a stored page whose generations are not the current ones is never
  served again, and is replaced or expires by itself;
- `PAGE_CACHE_SECONDS` bounds the life of a stored page (what depends on the clock, such
  as "upcoming", is at most that late); 0 turns the page cache off.

Never stored: requests with a session or messages cookie (logged-in staff, previews,
a visitor in the middle of something), anything but a 200 answer to a GET, responses
that set a cookie, vary on the cookie, use the CSRF token (a page with a form a visitor
posts) or say private / no-cache / no-store (`django.views.decorators.cache.never_cache`;
the search view, which counts searches, uses it). Each response says `X-Page-Cache: hit`
or `miss`, for tests and measurements.

Stored pages are gzip-compressed once, when stored, and sent compressed to every browser
that accepts it. Only these public pages are compressed: a page with a CSRF token or
anything personal is sent as it is, so that no secret is ever in a compressed response an
attacker could measure (BREACH).

A stored page is found with one cache read (its generations come in the same read), by
`PageCacheMiddleware`, the first middleware, whose stored response carries every header
the other middleware add; and in production before Django handles the request at all, by
`FastPath` around the WSGI application (config/wsgi.py), as WhiteNoise serves static
files: the same keys, the same rules, a fraction of the work.

Pages of the admin and Django's admin are never stored; which models change what is
decided by `sites_changed_by`.
"""

import gzip
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, has_vary_header, patch_vary_headers
from wagtail.models import Page, Site

GENERATION = "page-cache:generation:{}"
HOSTNAMES = "page-cache:hostnames"
EVERYTHING = "*"
DEFAULT_SITE = "default"

NEVER_STORED_PATHS = ("/admin/", "/django-admin/", "/documents/", "/_util/")
PRIVATE_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Cookies that make a visitor's page their own.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
MAX_QUERY_STRING = 300
# Headers made for each answer from a stored page, not kept with it.
PER_ANSWER_HEADERS = {"content-length", "content-encoding", "x-page-cache"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
COMPRESS_LEVEL = 6

# Models whose rows are written while pages are read or that no page shows: writing them
# changes nothing a visitor sees. (Renditions are made while a page renders.)
UNSEEN_MODELS = {
    "wagtailimages.rendition",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.uploadedfile",
    "wagtailsearch.indexentry",
    "wagtailadmin.editingsession",
    "wagtailusers.userprofile",
    "sessions.session",
    "contenttypes.contenttype",
    "auth.permission",
    "admin.logentry",
    # What visitors search for, counted as they search (search.terms): only the admin's
    # report shows it.
    "search.searchtermday",
}
# Apps whose models a public page may show.
SEEN_APPS = {
    "home",
    "news",
    "events",
    "search",
    "pages",
    "partners",
    "organizations",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtail_localize",
    "taggit",
}


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# Reading and storing


def site_hostnames():
    """The hostnames of the sites, kept in the cache until a site changes."""
    hostnames = cache.get(HOSTNAMES)
    if hostnames is None:
        hostnames = set(Site.objects.values_list("hostname", flat=True))
        cache.set(HOSTNAMES, hostnames, None)
    return hostnames


def page_key(request):
    return f"page-cache:page:{request.scheme}:{request.get_host()}:{request.get_full_path()}"


def lookup(request):
    """(the stored page or None, the generations a page of this request depends on now):
    its site's (the default site's for a hostname no site has) and the installation's,
    read with the page in one cache read."""
    host = request.get_host()
    hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    site_key = GENERATION.format(hostname)
    default_key, everything_key = GENERATION.format(DEFAULT_SITE), GENERATION.format(EVERYTHING)
    key = page_key(request)
    found = cache.get_many([key, site_key, default_key, everything_key, HOSTNAMES])
    hostnames = found.get(HOSTNAMES)
    if hostnames is None:
        hostnames = site_hostnames()
    if hostname not in hostnames:
        site_key = default_key
    generations = f"{found.get(site_key, 0)}.{found.get(everything_key, 0)}"
    stored = found.get(key)
    if stored is not None and stored[0] != generations:
        stored = None
    return stored, generations


def may_be_cached(request):
    return (
        request.method == "GET"
        and not request.path.startswith(NEVER_STORED_PATHS)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def may_be_stored(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED") or has_vary_header(response, "Cookie"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & PRIVATE_CACHE_CONTROL


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def stored_page(response, generations):
    """What is kept of a public response: (generations, headers, gzip-compressed body)."""
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    patch_vary_headers(response, ("Accept-Encoding",))
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in PER_ANSWER_HEADERS
    )
    return generations, headers, gzip.compress(response.content, COMPRESS_LEVEL, mtime=0)


def answer(stored, compressed, state):
    """(headers, body) of a stored page, compressed or not, saying `state` (hit, miss)."""
    _generations, headers, body = stored
    if compressed:
        headers = (*headers, ("Content-Encoding", "gzip"))
    else:
        body = gzip.decompress(body)
    headers = (*headers, ("Content-Length", str(len(body))))
    if state:
        headers = (*headers, ("X-Page-Cache", state))
    return headers, body


class PageCacheMiddleware:
    """Serves stored pages before anything else runs; stores what may be stored.

    The first middleware, so that a stored page costs one cache read and no database
    query, and is stored with the headers every other middleware adds (those of
    SecurityMiddleware included: a page asked for over HTTPS is kept apart from the same
    page over HTTP, which SECURE_SSL_REDIRECT redirects and so never stores).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_cached(request):
            return self.get_response(request)
        seconds = timeout()
        stored, generations = lookup(request) if seconds else (None, "")
        if stored is not None:
            headers, body = answer(stored, accepts_gzip(request), "hit")
            response = HttpResponse(body)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if not may_be_stored(request, response):
            return response
        stored = stored_page(response, generations)
        if seconds:
            cache.set(page_key(request), stored, seconds)
            response["X-Page-Cache"] = "miss"
        if accepts_gzip(request):
            response.content = stored[2]
            response["Content-Encoding"] = "gzip"
            response["Content-Length"] = str(len(stored[2]))
        return response


class FastPath:
    """The WSGI application, with stored pages served before Django handles the request:
    no middleware, URL resolving or signals, only the checks of `may_be_cached` and one
    cache read. Anything else (static files, every miss) goes to the application."""

    def __init__(self, application):
        self.application = application
        self.static_prefix = settings.STATIC_URL or "/static/"

    def __call__(self, environ, start_response):
        stored = None
        if (
            environ.get("REQUEST_METHOD") == "GET"
            and not environ.get("PATH_INFO", "").startswith(self.static_prefix)
            and timeout()
        ):
            request = WSGIRequest(environ)
            try:
                if may_be_cached(request):
                    stored, _generations = lookup(request)
            except DisallowedHost:
                stored = None  # Django answers it (400)
        if stored is None:
            return self.application(environ, start_response)
        headers, body = answer(stored, accepts_gzip(request), "hit")
        start_response("200 OK", list(headers))
        return [body]


# Invalidation


def bump(*hosts):
    for host in hosts:
        key = GENERATION.format(host)
        # add() then incr(): incr() on a key that expired or never was raises ValueError.
        cache.add(key, 0, None)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, None)


def host_keys(site):
    keys = [site.hostname]
    if site.is_default_site:
        keys.append(DEFAULT_SITE)
    return keys


def sites_of_path(path):
    """The sites a page at `path` belongs to: the site whose home page it is under, or
    under a translation of (each language's home page is a sibling of the site's root)."""
    home = path[: Page.steplen * 2]
    home_key = Page.objects.filter(path=home).values_list("translation_key", flat=True).first()
    return [
        site
        for site in Site.objects.select_related("root_page")
        if path.startswith(site.root_page.path) or site.root_page.translation_key == home_key
    ]


def page_of(instance):
    """The page a row belongs to (a registration's event, a question's page), if any."""
    for field in instance._meta.concrete_fields:
        if field.many_to_one and issubclass(field.related_model, Page):
            page_id = getattr(instance, field.attname)
            if page_id:
                return Page.objects.filter(pk=page_id).only("path").first()
    return None


def sites_changed_by(instance):
    """The sites whose pages may show `instance`; None: any site's."""
    if isinstance(instance, Page):
        return sites_of_path(instance.path)
    if isinstance(instance, Site):
        cache.delete(HOSTNAMES)
        return None
    site_id = getattr(instance, "site_id", None)
    if site_id:
        return list(Site.objects.filter(pk=site_id))
    page = page_of(instance)
    if page is not None:
        return sites_of_path(page.path)
    return None


def is_seen(model):
    label = model._meta.label_lower
    return model._meta.app_label in SEEN_APPS and label not in UNSEEN_MODELS


def invalidate(instance):
    sites = sites_changed_by(instance)
    if sites is None:
        bump(EVERYTHING)
    else:
        bump(*[key for site in sites for key in host_keys(site)])


def on_change(sender, instance, raw=False, **kwargs):
    if raw or not timeout() or not is_seen(sender):
        return
    invalidate(instance)


def on_relation_change(sender, instance, action, **kwargs):
    if action.startswith("post_") and timeout() and is_seen(type(instance)):
        invalidate(instance)


def connect():
    post_save.connect(on_change, dispatch_uid="page-cache-save")
    post_delete.connect(on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(on_relation_change, dispatch_uid="page-cache-m2m")

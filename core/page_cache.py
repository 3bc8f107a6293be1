"""The page cache: what anonymous visitors get, kept whole and served without rendering.

A public page's anonymous GET response is stored in Django's cache (Redis in production,
local memory in `make run`) under its host, path and query string; the language is part
of the path. It is served again until anything the page may show changes:

- every stored page carries the *generation* of its host, of the default site and of
  the whole installation; changing a page, a page's translation, or anything of an
  organization (snippets, settings, registrations) bumps its site's generation, anything
  shared (images, documents, tags, sites, redirects) the installation's; what was stored
  under an older generation is never read again and expires by itself;
- `PAGE_CACHE_SECONDS` bounds the life of a stored page (what depends on the clock, such
  as "upcoming", is at most that late); 0 turns the page cache off.

Never stored: requests with a session or messages cookie (logged-in staff, previews,
a visitor in the middle of something), anything but a 200 answer to a GET, responses
that set a cookie, vary on the cookie, use the CSRF token (a page with a form a visitor
posts) or say private / no-cache / no-store (`django.views.decorators.cache.never_cache`;
the search view, which counts searches, uses it). Each response says `X-Page-Cache: hit`
or `miss`, for tests and measurements.

Pages of the admin and Django's admin are never stored; which models change what is
decided by `sites_changed_by`.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import cc_delim_re, has_vary_header
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


def host_generations(host):
    """The generations a page of this host depends on: its site's (the default site's for
    a hostname no site has) and the installation's."""
    hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    site_key = GENERATION.format(hostname)
    keys = [site_key, GENERATION.format(DEFAULT_SITE), GENERATION.format(EVERYTHING), HOSTNAMES]
    found = cache.get_many(keys)
    hostnames = found.get(HOSTNAMES)
    if hostnames is None:
        hostnames = site_hostnames()
    if hostname not in hostnames:
        site_key = GENERATION.format(DEFAULT_SITE)
    return f"{found.get(site_key, 0)}.{found.get(GENERATION.format(EVERYTHING), 0)}"


def page_key(request, generations):
    return f"page-cache:page:{generations}:{request.get_host()}:{request.get_full_path()}"


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


class PageCacheMiddleware:
    """Serves stored pages before anything else runs; stores what may be stored.

    Goes right after SecurityMiddleware and WhiteNoise, so a stored page costs two
    cache reads and no database query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = timeout()
        if not seconds or not may_be_cached(request):
            return self.get_response(request)
        key = page_key(request, host_generations(request.get_host()))
        stored = cache.get(key)
        if stored is not None:
            stored["X-Page-Cache"] = "hit"
            return stored
        response = self.get_response(request)
        if may_be_stored(request, response):
            # Rendered once here; what is kept is the finished response, headers included.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, seconds)
        return response


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

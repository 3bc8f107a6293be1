from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import OrganizationSitemap
from organizations import admin_guards
from translations import urls as translation_urls

urlpatterns = [
    # Matched before Wagtail's admin: the cross-organization checks Wagtail leaves out, and
    # wagtail-localize's "Translate" as a request for translation.
    *translation_urls.urlpatterns,
    *admin_guards.urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": {"pages": OrganizationSitemap}}),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("apple-touch-icon.png", home_views.icon, {"size": 180}, name="apple_touch_icon"),
    path("icon-<int:size>.png", home_views.icon, name="site_icon"),
    path("", home_views.language_redirect, name="language_redirect"),
]

if getattr(settings, "SERVE_MEDIA", settings.DEBUG):
    # Uploaded files in development and in the demo (config.settings.demo, DEBUG off); in
    # production the web server serves them the same way (README, Production).
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", home_views.serve_media)
    )

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "home.views.server_error"

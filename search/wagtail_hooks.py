"""Promoted search results (Settings menu) and the *Search terms* report (Reports menu), where
Wagtail's own search promotions put them."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views
from .viewsets import SearchPromotionViewSet

register_snippet(SearchPromotionViewSet)


@hooks.register("register_admin_urls")
def register_search_terms_urls():
    urls = [
        path("", admin_views.SearchTermsReportView.as_view(), name="index"),
        path(
            "results/",
            admin_views.SearchTermsReportView.as_view(results_only=True),
            name="results",
        ),
    ]
    return [
        path("reports/search-terms/", include((urls, "search_terms"), namespace="search_terms"))
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_search_terms(request.user)


@hooks.register("register_reports_menu_item")
def search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms:index"),
        name="search-terms",
        icon_name="search",
        order=1300,
    )

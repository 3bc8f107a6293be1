"""*Reports → Background tasks* (core.admin_views), for administrators."""

from django.urls import include, path, reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.rich_text.pages import PageLinkHandler

from .admin_views import BackgroundTasksReportView
from .page_links import loaded_pages, localized


@hooks.register("register_admin_urls")
def register_background_tasks_urls():
    urls = [
        path("", BackgroundTasksReportView.as_view(), name="index"),
        path("results/", BackgroundTasksReportView.as_view(results_only=True), name="results"),
    ]
    return [
        path(
            "reports/background-tasks/",
            include((urls, "background_tasks"), namespace="background_tasks"),
        )
    ]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def background_tasks_menu_item():
    return AdministratorsMenuItem(
        _("Background tasks"),
        reverse("background_tasks:index"),
        name="background-tasks",
        icon_name="warning",
        order=1400,
    )


class LoadedPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, reading the pages core.page_links loaded for the body."""

    @classmethod
    def get_many(cls, attrs_list):
        return loaded_pages(attrs_list, super().get_many)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(localized(page).url)}">' if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]


@hooks.register("register_rich_text_features", order=100)
def page_links_loaded_once_per_body(features):
    # After Wagtail's own (order 0), which it replaces.
    features.register_link_type(LoadedPageLinkHandler)

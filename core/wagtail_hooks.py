"""*Reports → Background tasks* (core.admin_views), for administrators."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import BackgroundTasksReportView


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

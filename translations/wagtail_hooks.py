"""The translation workflow in the admin: a Translations menu (the queue and the status
board) and totals on the dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail_localize.models import Translation

from . import status, urls
from .changes import changes_of
from .machine import warn_of_unreviewed
from .views import staff_organizations


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "translations/",
            include((urls.admin_urlpatterns, "translations"), namespace="translations"),
        )
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return staff_organizations(request.user).exists()


@hooks.register("register_admin_menu_item")
def translations_menu():
    return SubmenuMenuItem(
        gettext_lazy("Translations"),
        Menu(
            items=[
                StaffMenuItem(
                    gettext_lazy("To translate"),
                    reverse("translations:queue"),
                    name="translation-queue",
                    icon_name="list-ul",
                    order=100,
                ),
                StaffMenuItem(
                    gettext_lazy("Status"),
                    reverse("translations:board"),
                    name="translation-status",
                    icon_name="table",
                    order=200,
                ),
                StaffMenuItem(
                    gettext_lazy("PO files"),
                    reverse("translations:po_files"),
                    name="translation-po-files",
                    icon_name="download",
                    order=300,
                ),
            ]
        ),
        name="translations",
        icon_name="globe",
        order=260,
    )


class TranslationTotalsPanel(Component):
    """Per organization and language, how many pages and snippets are in each state."""

    name = "translation_totals"
    order = 150
    template_name = "translations/dashboard_panel.html"

    def __init__(self, organizations):
        self.organizations = organizations

    def get_context_data(self, parent_context):
        return {
            "organizations": [
                (org, status.totals(status.board(org), org.languages)) for org in self.organizations
            ],
            "states": status.STATES,
            "board_url": reverse("translations:board"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_totals(request, panels):
    organizations = list(staff_organizations(request.user))
    if organizations and len(organizations) <= 3:
        panels.append(TranslationTotalsPanel(organizations))


@hooks.register("register_page_header_buttons")
def changed_in_the_original(page, user, next_url=None, view_name=None):
    """From a translation's editor to what changed in its original since it was translated."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )
    if translation is None or not changes_of(translation):
        return []
    return [
        PageMenuItem(
            gettext_lazy("Changed in the original"),
            reverse("translations:changes", args=[translation.pk]),
            icon_name="doc-full",
            priority=30,
            page=page,
        )
    ]


# Before wagtail-localize's hooks (order 0), which serve the translation editor.
@hooks.register("before_edit_page", order=-20)
def machine_output_to_review_on_page(request, page):
    return warn_of_unreviewed(request, page)


@hooks.register("before_edit_snippet", order=-20)
def machine_output_to_review_on_snippet(request, instance):
    return warn_of_unreviewed(request, instance)

"""The translation workflow in the admin: a Translations menu (the queue and the status
board) and totals on the dashboard."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail_localize.models import Translation

from organizations.snippet_listing import TRANSLATION_STATES_HOOK

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


# The Languages column of the snippet listings shows each language's state as the board does.
hooks.register(TRANSLATION_STATES_HOOK, status.snippet_cells)


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


def synced_translation(instance):
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


@hooks.register("register_page_header_buttons")
def changed_in_the_original(page, user, next_url=None, view_name=None):
    """From a translation's editor to what changed in its original since it was translated."""
    translation = synced_translation(page)
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


def tell_what_changed(request, instance):
    """wagtail-localize's translation editor (which serves a synced translation instead of
    the page editor, without its header buttons) says which passages changed in the
    original and links to them beside the translator's earlier words: the editor itself
    shows such a passage only as untranslated."""
    if request.method != "GET" or getattr(instance, "translation_key", None) is None:
        return None
    translation = synced_translation(instance)
    changes = changes_of(translation) if translation is not None else []
    if changes:
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                ngettext(
                    "%(count)d passage of the original changed after it was translated.",
                    "%(count)d passages of the original changed after they were translated.",
                    len(changes),
                )
                % {"count": len(changes)},
                reverse("translations:changes", args=[translation.pk]),
                gettext("Changed in the original"),
            ),
        )
    return None


# Before wagtail-localize's own hooks (order 0), which serve its translation editor.
hooks.register("before_edit_page", tell_what_changed, order=-5)
hooks.register("before_edit_snippet", tell_what_changed, order=-5)

"""The registrations in the admin menu and in an event's page header, and events that keep
their registrations: an event people registered for is neither deleted nor moved to another
organization, by the admin's views, its bulk actions or its API (events.guards)."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import log
from wagtail.models import Page

from organizations.forms import ChangeFormatter

from . import admin_views
from .admin_api import GuardedPagesAdminAPIViewSet
from .guards import refusal_to_delete, refusal_to_move
from .models import EventPage


@hooks.register("insert_editor_js")
def question_fields_js():
    """Shows a question's "Choices" and "Default value" only for the types that use them."""
    return format_html('<script src="{}"></script>', static("events/admin/question_fields.js"))


@hooks.register("register_admin_urls")
def register_registration_urls():
    urls = [
        path("", admin_views.IndexView.as_view(), name="index"),
        path("erase/", admin_views.EraseView.as_view(), name="erase"),
        path("log/", admin_views.AccessLogView.as_view(), name="log"),
        path("<int:event_id>/", admin_views.EventRegistrationsView.as_view(), name="event"),
        path(
            "<int:event_id>/export.csv",
            admin_views.ExportView.as_view(),
            {"format": "csv"},
            name="export_csv",
        ),
        path(
            "<int:event_id>/export.xlsx",
            admin_views.ExportView.as_view(),
            {"format": "xlsx"},
            name="export_xlsx",
        ),
        path("<int:event_id>/message/", admin_views.MessageView.as_view(), name="message"),
        path(
            "<int:event_id>/<int:registration_id>/confirm/",
            admin_views.ConfirmRegistrationView.as_view(),
            name="confirm",
        ),
        path(
            "<int:event_id>/<int:registration_id>/cancel/",
            admin_views.CancelRegistrationView.as_view(),
            name="cancel",
        ),
    ]
    return [
        path(
            "registrations/",
            include((urls, "event_registrations"), namespace="event_registrations"),
        )
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_registrations(request.user)


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return RegistrationsMenuItem(
        gettext_lazy("Registrations"),
        reverse("event_registrations:index"),
        name="registrations",
        icon_name="form",
        order=250,
    )


@hooks.register("register_page_header_buttons")
def registrations_of_the_event(page, user, next_url=None, view_name=None):
    """A way from an event in the page editor to its registrations, for those who see them."""
    if page.specific_class is not EventPage or not admin_views.may_see_registrations(user):
        return []
    # The event in the default language holds the registrations of all its translations.
    pool = (
        admin_views.events_of(admin_views.organizations_of(user))
        .filter(translation_key=page.translation_key)
        .values_list("pk", flat=True)
        .first()
    )
    if pool is None:
        return []
    return [
        PageMenuItem(
            gettext_lazy("Registrations"),
            reverse("event_registrations:event", args=[pool]),
            icon_name="form",
            priority=25,
            page=page,
        )
    ]


ORGANIZER_EMAIL_CHANGED = "events.organizer_email"


@hooks.register("register_log_actions")
def register_organizer_email_action(actions):
    @actions.register_action(ORGANIZER_EMAIL_CHANGED)
    class OrganizerEmailChanged(ChangeFormatter):
        label = gettext_lazy("Change the address notified about registrations")
        message = gettext_lazy(
            "Address notified about registrations changed from “%(before)s” to “%(after)s”"
        )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def log_where_registrations_are_sent(request, page):
    # In the event's history: who sent the registrants' names and addresses elsewhere.
    change = getattr(page, "organizer_email_change", None)
    if change is not None:
        log(page, ORGANIZER_EMAIL_CHANGED, user=request.user, data=change)


@hooks.register("construct_admin_api")
def guard_page_actions_of_the_admin_api(router):
    router.register_endpoint("pages", GuardedPagesAdminAPIViewSet)


@hooks.register("before_delete_page")
def keep_events_with_registrations(request, page):
    refusal = refusal_to_delete(page)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_bulk_action")
def keep_events_with_registrations_in_bulk(request, action_type, objects, action):
    if not issubclass(action.model, Page):
        return None
    if action_type == "delete":
        refusals = [refusal_to_delete(page) for page in objects]
    elif action_type == "move":
        # Bulk moves put each page last under the destination.
        destination = action.get_execution_context()["destination"]
        refusals = [refusal_to_move(page, destination) for page in objects]
    else:
        return None
    refusals = [refusal for refusal in refusals if refusal is not None]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(action.next_url)


@hooks.register("before_move_page")
def keep_registrations_within_their_organization(request, page, destination):
    refusal = refusal_to_move(page, destination)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect("wagtailadmin_explore", page.get_parent().pk)

"""The registrations in the admin menu and in an event's page header, and events that keep
their registrations: an event people registered for is neither deleted nor moved to another
organization."""

import operator
from functools import reduce

from django.db.models import Q
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from organizations.models import OrganizationSettings

from . import admin_views
from .models import EventPage, Registration


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


def registrations_under(pages):
    """Registrations of events among the pages or below them."""
    if not pages:
        return Registration.objects.none()
    return Registration.objects.filter(
        reduce(operator.or_, (Q(event__path__startswith=page.path) for page in pages))
    )


def cascaded(page, action):
    """The page with the translations and aliases Wagtail acts on along with it."""
    pages = {page}
    for fn in hooks.get_hooks("construct_translated_pages_to_cascade_actions"):
        more = fn([page], action)
        if isinstance(more, dict):
            for extra in more.values():
                pages.update(extra)
    return list(pages)


def refusal_to_delete(page):
    return _(
        "“%(title)s” cannot be deleted: people have registered for it (or for an event "
        "below it), and their registrations are kept until the organization's retention "
        "period ends. Unpublish it instead."
    ) % {"title": page.get_admin_display_title()}


@hooks.register("before_delete_page")
def keep_events_with_registrations(request, page):
    if registrations_under(cascaded(page, "delete")).exists():
        messages.error(request, refusal_to_delete(page))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_events_with_registrations_in_bulk(request, action_type, objects, action):
    if action_type != "delete" or not issubclass(action.model, Page):
        return None
    kept = [page for page in objects if registrations_under(cascaded(page, "delete")).exists()]
    if not kept:
        return None
    for page in kept:
        messages.error(request, refusal_to_delete(page))
    return redirect(action.next_url)


@hooks.register("before_move_page")
def keep_registrations_within_their_organization(request, page, destination):
    # Moving a page elsewhere in its own site is harmless; into another organization's
    # site it would hand the people registered for its events to that organization.
    if not registrations_under(cascaded(page, "move")).exists():
        return None
    source = OrganizationSettings.for_page(page)
    target = OrganizationSettings.for_page(destination)
    if source is not None and target is not None and source.pk == target.pk:
        return None
    messages.error(
        request,
        _(
            "“%(title)s” cannot be moved to another organization: people have registered "
            "for it, and their data stays with the organization they registered with."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)

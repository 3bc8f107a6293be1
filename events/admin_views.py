"""The registrations of an organization's events in the admin, for its registrations group.

Who registered is personal data that editing an event does not give access to: a user sees
the registrations of the organizations on whose site one of their groups holds
`events.view_registration` ("<Organization> registrations", made by create_organization),
and a superuser those of every organization. Everything here is looked up within those
organizations' events, so an id of another organization's event or registration is not
found (404). What staff see, export, change, send or erase is written to the access log.
"""

import operator
import uuid
from dataclasses import dataclass
from functools import reduce

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from core.tasks import enqueue_on_commit
from organizations.membership import site_ids_with_permission
from organizations.models import OrganizationSettings

from .apps import REGISTRATIONS_PERMISSION
from .choices import AccessAction, RegistrationMode, RegistrationStatus
from .emails import SUBJECT_MAX_LENGTH
from .exports import RegistrationTable, csv_response, xlsx_response
from .models import EventPage, Registration, RegistrationAccessLog
from .registration import (
    Result,
    cancel_registration,
    confirm_registration,
    erase_registrations,
)
from .tasks import send_participant_message

LOG_PAGE_SIZE = 100
# Registrations shown at a time in an event's list (an export has them all).
REGISTRATIONS_PAGE_SIZE = 100


# --- Who sees which organization's registrations ---------------------------------------


def registration_site_ids(user):
    """Ids of the sites (organizations) whose registrations the user may see and manage."""
    return site_ids_with_permission(user, REGISTRATIONS_PERMISSION)


def may_see_registrations(user):
    return bool(registration_site_ids(user))


@dataclass(frozen=True)
class Organization:
    site: Site
    name: str
    root_path: str

    def owns(self, page):
        return page.path.startswith(self.root_path)


def organizations_of(user):
    """The organizations whose registrations the user may see, by name."""
    ids = registration_site_ids(user)
    if not ids:
        return []
    names = dict(
        OrganizationSettings.objects.filter(site_id__in=ids).values_list("site_id", "name")
    )
    sites = Site.objects.filter(pk__in=ids).select_related("root_page")
    return sorted(
        (
            Organization(
                site=site, name=names.get(site.pk) or str(site), root_path=site.root_page.path
            )
            for site in sites
        ),
        key=lambda organization: organization.name,
    )


def within(organizations):
    """A filter of pages: those in the organizations' trees."""
    if not organizations:
        return Q(pk__in=[])
    return reduce(operator.or_, (Q(path__startswith=org.root_path) for org in organizations))


def events_of(organizations):
    """The organizations' events in the default language: each owns its event's registrations
    (whatever language people registered in), see events.pool.pool_event."""
    return EventPage.objects.filter(
        within(organizations), locale__language_code=settings.LANGUAGE_CODE
    )


def organization_of(event, organizations):
    return next((org for org in organizations if org.owns(event)), None)


def log_access(user, event, action, rows, organization=None):
    RegistrationAccessLog.objects.create(
        site=organization.site if organization else None,
        user=user,
        username=user.get_username(),
        event=event,
        event_title=event.title[:255],
        action=action,
        rows=rows,
    )


# --- Views -------------------------------------------------------------------------------


class RegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    """Refused to anyone who may see no organization's registrations."""

    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_registrations(request.user):
            raise PermissionDenied
        self.organizations = organizations_of(request.user)
        self.find_objects()
        return super().dispatch(request, *args, **kwargs)

    def find_objects(self):
        """Look up what the URL names, among the user's organizations' objects only."""

    def index_breadcrumbs(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("event_registrations:index"), "label": _("Registrations")},
        ]


class IndexView(RegistrationsView):
    """The organization's events that take registrations, with their numbers."""

    template_name = "events/admin/index.html"
    page_title = gettext_lazy("Registrations")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Registrations")}]

    def events(self):
        has_registrations = Registration.objects.values("event_id")
        counted = {
            status: Count("registrations", filter=Q(registrations__status=status))
            for status in RegistrationStatus.values
        }
        events = (
            events_of(self.organizations)
            .filter(Q(registration_mode=RegistrationMode.FORM) | Q(pk__in=has_registrations))
            .defer_streamfields()
            .annotate(**counted)
            .order_by("-start", "pk")
        )
        return [(event, organization_of(event, self.organizations)) for event in events]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=self.events(),
            several_organizations=len(self.organizations) > 1,
            **kwargs,
        )


class EventView(RegistrationsView):
    """A view of one event's registrations: the event is looked up among the user's
    organizations' events only."""

    def find_objects(self):
        self.event = get_object_or_404(
            events_of(self.organizations).defer_streamfields(), pk=self.kwargs["event_id"]
        )
        self.organization = organization_of(self.event, self.organizations)

    def event_url(self):
        return reverse("event_registrations:event", args=[self.event.pk])

    def get_breadcrumbs_items(self):
        # The last item is what the header shows as the page's title.
        return [
            *self.index_breadcrumbs(),
            {"url": self.event_url(), "label": self.event.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def log(self, action, rows):
        log_access(self.request.user, self.event, action, rows, self.organization)

    def counts(self):
        found = dict(
            self.event.registrations.order_by()
            .values_list("status")
            .annotate(number=Count("pk"))
            .values_list("status", "number")
        )
        return {status: found.get(status, 0) for status in RegistrationStatus.values}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, organization=self.organization, **kwargs)


class EventRegistrationsView(EventView):
    """Who registered for the event, with their answers; confirm or cancel one of them."""

    template_name = "events/admin/event.html"

    def get_page_title(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [*self.index_breadcrumbs(), {"url": "", "label": self.event.title}]

    def get(self, request, *args, **kwargs):
        status = request.GET.get("status")
        if status not in RegistrationStatus.values:
            status = None
        registrations = self.event.registrations.order_by("pk")
        if status:
            registrations = registrations.filter(status=status)
        shown = Paginator(registrations, REGISTRATIONS_PAGE_SIZE).get_page(request.GET.get("p"))
        table = RegistrationTable.build(self.event, list(shown))
        self.log(AccessAction.VIEW, len(table.rows))
        counts = self.counts()
        return self.render_to_response(
            self.get_context_data(
                table=table,
                shown=shown,
                counts=counts,
                status_filters=[
                    (value, label, counts[value]) for value, label in RegistrationStatus.choices
                ],
                status=status,
                total=sum(counts.values()),
                WAITING=RegistrationStatus.WAITING,
                CANCELLED=RegistrationStatus.CANCELLED,
            )
        )


class ExportView(EventView):
    """The event's registrations as a CSV or XLSX file."""

    def get(self, request, *args, **kwargs):
        registrations = list(self.event.registrations.order_by("pk"))
        table = RegistrationTable.build(self.event, registrations)
        filename = f"registrations-{slugify(self.event.slug)}.{kwargs['format']}"
        if kwargs["format"] == "xlsx":
            response = xlsx_response(table, filename, self.event.title)
            self.log(AccessAction.EXPORT_XLSX, len(registrations))
        else:
            response = csv_response(table, filename)
            self.log(AccessAction.EXPORT_CSV, len(registrations))
        return response


class ChangeRegistrationView(EventView):
    """Asks, then confirms or cancels one registration of the event (POST only changes it)."""

    template_name = "events/admin/change_registration.html"
    # Set by the subclasses.
    allowed_statuses = ()
    action = None

    def registration(self):
        return get_object_or_404(
            Registration, pk=self.kwargs["registration_id"], event_id=self.event.pk
        )

    def get(self, request, *args, **kwargs):
        registration = self.registration()
        if registration.status not in self.allowed_statuses:
            messages.error(request, self.not_allowed_message(registration))
            return redirect(self.event_url())
        return self.render_to_response(
            self.get_context_data(
                registration=registration,
                question=self.question(registration),
                button=self.button_label(),
                serious=self.action == AccessAction.CANCEL,
            )
        )

    def post(self, request, *args, **kwargs):
        registration = self.registration()
        if registration.status not in self.allowed_statuses:
            messages.error(request, self.not_allowed_message(registration))
            return redirect(self.event_url())
        outcome = self.perform(registration)
        self.report(outcome)
        return redirect(self.event_url())


class ConfirmRegistrationView(ChangeRegistrationView):
    allowed_statuses = (RegistrationStatus.WAITING,)
    action = AccessAction.CONFIRM

    def get_page_title(self):
        return _("Confirm a registration")

    def question(self, registration):
        return _(
            "Give %(name)s a place at the event? They are on the waiting list; they get the "
            "place even if that goes beyond the number of places."
        ) % {"name": registration.name}

    def button_label(self):
        return _("Yes, confirm")

    def not_allowed_message(self, registration):
        return _("Only a person on the waiting list can be confirmed.")

    def perform(self, registration):
        return confirm_registration(registration)

    def report(self, outcome):
        if outcome.result == Result.DUPLICATE:
            messages.error(
                self.request,
                _(
                    "%(name)s has registered again with the same e-mail address; "
                    "that registration stands."
                )
                % {"name": outcome.registration.name},
            )
            return
        self.log(self.action, 1)
        messages.success(
            self.request,
            _("%(name)s has a place at the event.") % {"name": outcome.registration.name},
        )


class CancelRegistrationView(ChangeRegistrationView):
    allowed_statuses = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    action = AccessAction.CANCEL

    def get_page_title(self):
        return _("Cancel a registration")

    def question(self, registration):
        return _(
            "Cancel the registration of %(name)s? Their place goes to the first person on the "
            "waiting list."
        ) % {"name": registration.name}

    def button_label(self):
        return _("Yes, cancel the registration")

    def not_allowed_message(self, registration):
        return _("This registration has already been cancelled.")

    def perform(self, registration):
        return cancel_registration(registration, by_staff=True)

    def report(self, outcome):
        if outcome.result == Result.ALREADY_CANCELLED:
            messages.error(self.request, self.not_allowed_message(outcome.registration))
            return
        self.log(self.action, 1)
        messages.success(
            self.request,
            _("The registration of %(name)s has been cancelled.")
            % {"name": outcome.registration.name},
        )
        if outcome.promoted:
            messages.success(
                self.request,
                _("Moved from the waiting list to a place: %(names)s.")
                % {"names": ", ".join(person.name for person in outcome.promoted)},
            )


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=SUBJECT_MAX_LENGTH,
    )
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 12}))
    # Set on the second step, once staff have seen to whom it goes.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class MessageView(EventView):
    """An e-mail to every confirmed participant: written, checked, then enqueued (one task
    per participant, each sent once) and sent by the worker."""

    template_name = "events/admin/message.html"

    def get_page_title(self):
        return _("E-mail the confirmed participants")

    def recipients(self):
        return self.event.registrations.filter(
            status=RegistrationStatus.CONFIRMED, anonymised_at__isnull=True
        ).order_by("pk")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=MessageForm()))

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST)
        recipients = list(self.recipients())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if not recipients:
            messages.error(request, _("Nobody has a confirmed place at this event yet."))
            return self.render_to_response(self.get_context_data(form=form))
        if not form.cleaned_data["confirmed"]:
            checked = MessageForm(initial={**form.cleaned_data, "confirmed": True})
            return self.render_to_response(
                self.get_context_data(
                    form=checked, preview=form.cleaned_data, count=len(recipients)
                )
            )
        message_key = uuid.uuid4().hex
        with transaction.atomic():
            for registration in recipients:
                enqueue_on_commit(
                    send_participant_message,
                    registration.pk,
                    message_key,
                    form.cleaned_data["subject"],
                    form.cleaned_data["body"],
                )
            self.log(AccessAction.MESSAGE, len(recipients))
        messages.success(
            request,
            ngettext(
                "The e-mail is on its way to %(count)d participant.",
                "The e-mail is on its way to %(count)d participants.",
                len(recipients),
            )
            % {"count": len(recipients)},
        )
        return redirect(self.event_url())


class EraseForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class EraseView(RegistrationsView):
    """Erase a person's data: every registration with their e-mail address at the
    organization's events (an e-mail still queued for them then finds no one).

    The address travels in POST bodies only, never in a URL (which ends up in logs). The
    access log records how many registrations of which events were looked up and erased,
    not whose. The places erased registrations held go to the waiting lists.
    """

    template_name = "events/admin/erase.html"
    page_title = gettext_lazy("Erase a person's data")

    def get_breadcrumbs_items(self):
        return [*self.index_breadcrumbs(), {"url": "", "label": self.get_page_title()}]

    def found(self, email):
        return Registration.objects.filter(
            event__in=events_of(self.organizations), email__iexact=email
        )

    def per_event(self, registrations):
        """[(event, number of the person's registrations)], by event date."""
        numbers = dict(
            registrations.order_by().values_list("event_id").annotate(number=Count("pk"))
        )
        events = EventPage.objects.filter(pk__in=numbers).defer_streamfields().order_by("start")
        return [(event, numbers[event.pk]) for event in events]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=EraseForm()))

    def post(self, request, *args, **kwargs):
        form = EraseForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        email = form.cleaned_data["email"]
        if not form.cleaned_data["confirmed"]:
            found = self.per_event(self.found(email))
            for event, number in found:
                log_access(
                    request.user,
                    event,
                    AccessAction.LOOK_UP,
                    number,
                    organization_of(event, self.organizations),
                )
            return self.render_to_response(
                self.get_context_data(
                    form=EraseForm(initial={"email": email, "confirmed": True}),
                    email=email,
                    found=found,
                    looked_up=True,
                )
            )
        with transaction.atomic():
            ids = list(self.found(email).values_list("pk", flat=True))
            erased = self.per_event(Registration.objects.filter(pk__in=ids))
            erase_registrations(ids)
            for event, number in erased:
                log_access(
                    request.user,
                    event,
                    AccessAction.ERASE,
                    number,
                    organization_of(event, self.organizations),
                )
        total = sum(number for _event, number in erased)
        messages.success(
            request,
            ngettext(
                "Erased %(count)d registration with this e-mail address.",
                "Erased %(count)d registrations with this e-mail address.",
                total,
            )
            % {"count": total},
        )
        return redirect("event_registrations:erase")


class AccessLogView(RegistrationsView):
    """Who looked at, exported, changed or erased registrations: for superusers only, as it
    spans every organization."""

    template_name = "events/admin/access_log.html"
    page_title = gettext_lazy("Registration access log")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.index_breadcrumbs(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        entries = RegistrationAccessLog.objects.select_related("site").order_by(
            "-created_at", "-pk"
        )
        site = self.request.GET.get("site")
        if site and site.isdigit():
            entries = entries.filter(site_id=int(site))
        page = Paginator(entries, LOG_PAGE_SIZE).get_page(self.request.GET.get("p"))
        names = {org.site.pk: org.name for org in self.organizations}
        return super().get_context_data(
            entries=[(entry, names.get(entry.site_id, "")) for entry in page],
            log_page=page,
            organizations=self.organizations,
            site=site,
            **kwargs,
        )

"""The reminder a registrant gets the day before an event: who is owed one and when.

The daily job (`manage.py maintain_tasks`, core.periodic) asks, for its moment `now`, which
confirmed registrations are for an event starting tomorrow (Warsaw's calendar day), and
enqueues one e-mail for each (events.tasks). The e-mail (events.emails, in the language
the person registered in, with the date, time, place and the cancel link) is written when it
is sent and sent at most once per registration (core.tasks.send_once); the worker checks
again that it is still owed, so that a registration cancelled, an event cancelled or
unpublished, or an organization that turned reminders off in the meantime gets nothing.
"""

import datetime

from django.utils import timezone

from core.dates import WARSAW
from organizations.models import OrganizationSettings

from .choices import EventStatus, RegistrationStatus
from .models.registrations import Registration


def tomorrow(now):
    """[start, end) of the day after `now`'s day, in Warsaw."""
    day = timezone.localtime(now, WARSAW).date() + datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=WARSAW)
    end = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=WARSAW
    )
    return start, end


def owed_reminders(now):
    """Registrations that may still be reminded at `now`: confirmed, not anonymised, with an
    address, of a live event taking place as announced that has not started."""
    return (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            anonymised_at__isnull=True,
            event__live=True,
            event__status=EventStatus.SCHEDULED,
            event__start__gt=now,
        )
        .exclude(email="")
        .select_related("event")
    )


def sends_reminders(event):
    """Whether the event's organization sends reminders (Organization settings →
    Registrations)."""
    organization = OrganizationSettings.for_page(event)
    return organization is not None and organization.registration_reminders


def registrations_to_remind(now):
    """The registrations owed a reminder by the daily job at `now`: those of events starting
    tomorrow, of organizations that send reminders."""
    start, end = tomorrow(now)
    found = owed_reminders(now).filter(event__start__gte=start, event__start__lt=end)
    sending = {}
    chosen = []
    for registration in found:
        if registration.event_id not in sending:
            sending[registration.event_id] = sends_reminders(registration.event)
        if sending[registration.event_id]:
            chosen.append(registration)
    return chosen


def reminder_owed(registration, now):
    """Whether the reminder about `registration` is still to be sent at `now`."""
    return owed_reminders(now).filter(pk=registration.pk).exists() and sends_reminders(
        registration.event
    )

"""Delete or anonymise the registrations of events that ended long enough ago.

Each organization says in its settings how many days after an event its registrations are
kept, and whether they are then deleted or anonymised (the numbers stay, the people go).
Safe to run from cron, as often as wanted: nothing is asked, a second run finds nothing more
to do, and two runs at once do not both count the same registrations (each event's
registrations are changed under the lock of the event's row that the registration service
takes too, and only rows that still need it are counted).

    0 3 * * *  cd /srv/cms && .venv/bin/python manage.py purge_registrations
"""

import datetime
import operator
from functools import reduce

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from events.choices import AccessAction
from events.models import EventPage, Registration, RegistrationAccessLog
from events.models.event_page import over_by
from events.models.registrations import new_cancel_token
from events.pool import lock_pool
from organizations.models import OrganizationSettings, RegistrationRetention

LOG_USERNAME = "purge_registrations"
ANONYMOUS_NAME = "—"


def anonymous_email(pk):
    return f"anonymised-{pk}@invalid"


def ended_events(org, cutoff):
    """The organization's events (in any language) that ended before `cutoff`."""
    roots = list(org.root_pages().values_list("path", flat=True))
    if not roots:
        return EventPage.objects.none()
    return EventPage.objects.filter(
        reduce(operator.or_, (Q(path__startswith=path) for path in roots)), over_by(cutoff)
    )


def due(org, event_ids):
    """The registrations of the events that the organization's retention still applies to."""
    registrations = Registration.objects.filter(event_id__in=event_ids)
    if org.registration_retention == RegistrationRetention.ANONYMISE:
        registrations = registrations.filter(anonymised_at__isnull=True)
    return registrations


def purge_event(org, event_id, now):
    """Delete or anonymise the event's registrations that are due; return (event, how many)."""
    with transaction.atomic():
        # The lock events.registration takes before changing an event's registrations: a
        # second run waits here, then finds nothing left to do.
        event = lock_pool(event_id)
        ids = list(due(org, [event.pk]).values_list("pk", flat=True))
        if org.registration_retention == RegistrationRetention.ANONYMISE:
            done = sum(
                # Each row only if still not anonymised (SQLite has no row lock to wait
                # on); the cancellation link of the e-mails sent stops working.
                Registration.objects.filter(pk=pk, anonymised_at__isnull=True).update(
                    name=ANONYMOUS_NAME,
                    email=anonymous_email(pk),
                    answers={},
                    anonymised_at=now,
                    updated_at=now,
                    cancel_token=new_cancel_token(),
                )
                for pk in ids
            )
        else:
            _total, per_model = Registration.objects.filter(pk__in=ids).delete()
            done = per_model.get(Registration._meta.label, 0)
        if done:
            RegistrationAccessLog.objects.create(
                site=org.site,
                user=None,
                username=LOG_USERNAME,
                event=event,
                event_title=event.title[:255],
                action=AccessAction.PURGE,
                rows=done,
            )
    return event, done


class Command(BaseCommand):
    help = (
        "Delete or anonymise the registrations of events that ended more than the "
        "organization's retention period ago (organization settings, Registrations tab). "
        "Safe to run from cron; --dry-run only reports."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be deleted or anonymised, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        organizations = OrganizationSettings.objects.select_related(
            "site", "site__root_page"
        ).order_by("name")
        for org in organizations:
            cutoff = now - datetime.timedelta(days=org.registration_retention_days)
            events = ended_events(org, cutoff)
            pending = due(org, events.values("pk"))
            event_ids = sorted(set(pending.values_list("event_id", flat=True)))
            if dry_run:
                number, event_count = pending.count(), len(event_ids)
            else:
                results = [purge_event(org, event_id, now) for event_id in event_ids]
                number = sum(done for _event, done in results)
                event_count = sum(1 for _event, done in results if done)
            self.stdout.write(self.report(org, number, event_count, dry_run))

    def report(self, org, number, event_count, dry_run):
        anonymise = org.registration_retention == RegistrationRetention.ANONYMISE
        kept = f"kept {org.registration_retention_days} days after the event"
        if not number:
            return f"{org.name}: nothing to purge ({kept})."
        verb = "anonymise" if anonymise else "delete"
        done = f"would {verb}" if dry_run else ("anonymised" if anonymise else "deleted")
        return (
            f"{org.name}: {done} {number} registration{'s' if number != 1 else ''} "
            f"of {event_count} event{'s' if event_count != 1 else ''} ({kept})."
        )

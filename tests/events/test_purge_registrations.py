"""`manage.py purge_registrations` (run from cron): some days after an event, each
organization's registrations are deleted or anonymised, as its settings say."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections

from events.choices import AccessAction, RegistrationStatus
from events.models import Registration, RegistrationAccessLog
from events.tasks import send_registration_email
from tests.events.helpers import add_event, in_days, register, translate_event
from tests.utils import needs_postgresql, run_worker

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    call_command("purge_registrations", *args, stdout=out)
    return out.getvalue()


def retention(org, days, then):
    org.registration_retention_days = days
    org.registration_retention = then
    org.save()


def event_ended(index, title, days_ago, **fields):
    """An event that ended `days_ago` days ago (at noon, Warsaw time)."""
    start = in_days(-days_ago, 10)
    return add_event(
        index, title, start, start + datetime.timedelta(hours=2), registration_mode="form", **fields
    )


def people(event, count, prefix="osoba"):
    registrations = []
    for n in range(count):
        registration = register(
            event,
            f"{prefix.capitalize()} {n}",
            f"{prefix}{n}@example.org",
            status=RegistrationStatus.CONFIRMED if n % 3 else RegistrationStatus.CANCELLED,
            dieta="wegańska",
        )
        registrations.append(registration)
    return registrations


def purge_log(event):
    return list(
        RegistrationAccessLog.objects.filter(event=event).values_list(
            "user", "username", "action", "rows"
        )
    )


@pytest.fixture
def events_a(org_a, index_a):
    """Alfa keeps registrations 30 days: one event is past that, one not yet, one is ahead."""
    retention(org_a, 30, "delete")
    old = event_ended(index_a, "Stare warsztaty", 45)
    recent = event_ended(index_a, "Niedawne spotkanie", 10)
    upcoming = add_event(index_a, "Przyszłe forum", in_days(5), registration_mode="form")
    return {
        "old": (old, people(old, 3)),
        "recent": (recent, people(recent, 2, "niedawna")),
        "upcoming": (upcoming, people(upcoming, 2, "przyszla")),
    }


@pytest.fixture
def events_b(org_b, index_b):
    """Beta anonymises after 7 days."""
    retention(org_b, 7, "anonymise")
    old = event_ended(index_b, "Forum Beta", 8)
    return {"old": (old, people(old, 3, "beta"))}


def queue_emails():
    """An e-mail not yet sent for every registration."""
    for pk in Registration.objects.values_list("pk", flat=True):
        send_registration_email.enqueue(pk, "confirmed")


def written_to():
    return sorted(message.to[0] for message in mail.outbox)


def test_registrations_past_the_retention_period_are_deleted_with_their_emails(
    events_a, task_queue
):
    old, old_people = events_a["old"]
    queue_emails()

    output = purge()
    run_worker()

    assert not Registration.objects.filter(event=old).exists()
    kept_people = []
    for key in ("recent", "upcoming"):
        event, kept = events_a[key]
        assert Registration.objects.filter(event=event).count() == len(kept)
        kept_people += kept
    assert written_to() == sorted(r.email for r in kept_people)  # none to the people gone
    assert purge_log(old) == [(None, "purge_registrations", AccessAction.PURGE, 3)]
    assert "Fundacja Alfa: deleted 3 registrations of 1 event (kept 30 days after the event)." in (
        output
    )


def test_registrations_are_anonymised_when_the_organization_says_so(events_b, task_queue):
    old, before = events_b["old"]
    queue_emails()

    output = purge()
    run_worker()

    after = list(Registration.objects.filter(event=old).order_by("pk"))
    assert [r.pk for r in after] == [r.pk for r in before]  # the numbers stay…
    assert [r.status for r in after] == [r.status for r in before]
    for registration, original in zip(after, before, strict=True):
        assert registration.name == "—"  # …the people go
        assert registration.email == f"anonymised-{registration.pk}@invalid"
        assert registration.answers == {}
        assert registration.anonymised_at is not None
        assert registration.cancel_token != original.cancel_token  # the old link is dead
        assert registration.consent_text == original.consent_text  # what they agreed to
    assert written_to() == []  # the e-mails still queued for them go nowhere
    assert purge_log(old) == [(None, "purge_registrations", AccessAction.PURGE, 3)]
    assert "Stowarzyszenie Beta: anonymised 3 registrations of 1 event (kept 7 days" in output


def test_each_organization_follows_its_own_settings(events_a, events_b):
    output = purge()

    assert not Registration.objects.filter(event=events_a["old"][0]).exists()
    assert Registration.objects.filter(event=events_b["old"][0]).count() == 3
    assert "Fundacja Alfa: deleted 3" in output
    assert "Stowarzyszenie Beta: anonymised 3" in output


def test_a_longer_retention_keeps_the_registrations(org_a, events_a):
    retention(org_a, 60, "delete")

    output = purge()

    assert Registration.objects.filter(event=events_a["old"][0]).count() == 3
    assert "Fundacja Alfa: nothing to purge (kept 60 days after the event)." in output
    assert not RegistrationAccessLog.objects.exists()


def test_dry_run_reports_and_changes_nothing(events_a, events_b):
    before = sorted(Registration.objects.values_list("pk", "name", "email", "anonymised_at"))

    output = purge("--dry-run")

    assert "Fundacja Alfa: would delete 3 registrations of 1 event" in output
    assert "Stowarzyszenie Beta: would anonymise 3 registrations of 1 event" in output
    assert sorted(Registration.objects.values_list("pk", "name", "email", "anonymised_at")) == (
        before
    )
    assert not RegistrationAccessLog.objects.exists()


def test_running_again_finds_nothing_more_and_logs_nothing_more(events_a, events_b):
    purge()
    anonymised = sorted(Registration.objects.values_list("pk", "email", "cancel_token"))
    logged = RegistrationAccessLog.objects.count()

    output = purge()

    assert "Fundacja Alfa: nothing to purge" in output
    assert "Stowarzyszenie Beta: nothing to purge" in output
    assert sorted(Registration.objects.values_list("pk", "email", "cancel_token")) == anonymised
    assert RegistrationAccessLog.objects.count() == logged == 2


def test_registrations_made_through_a_translation_are_purged_with_the_event(org_a, index_a):
    retention(org_a, 30, "delete")
    old = event_ended(index_a, "Stare warsztaty", 45)
    translate_event(old, "uk", title="Старі майстер-класи")
    # Registrations always point at the event in the default language, whatever the
    # language of the page the visitor used.
    register(old, "Олена", "olena@example.org", language="uk")

    purge()

    assert not Registration.objects.filter(event=old).exists()


def test_an_event_that_ended_just_inside_the_period_is_kept(org_a, index_a):
    retention(org_a, 30, "delete")
    edge = event_ended(index_a, "Na granicy", 29)
    people(edge, 2)

    purge()

    assert Registration.objects.filter(event=edge).count() == 2


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_do_not_count_the_same_registrations_twice(org_a, org_b, index_a):
    retention(org_a, 30, "anonymise")
    old = event_ended(index_a, "Stare warsztaty", 45)
    people(old, 20)

    start = threading.Barrier(2)

    def run():
        try:
            start.wait()
            return purge()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = list(pool.map(lambda _n: run(), range(2)))

    assert all(r.anonymised_at for r in Registration.objects.filter(event=old))
    assert sum(RegistrationAccessLog.objects.filter(event=old).values_list("rows", flat=True)) == 20
    assert sum("anonymised 20 registrations" in output for output in outputs) == 1

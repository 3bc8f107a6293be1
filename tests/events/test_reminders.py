"""The day before an event, each person with a confirmed place gets one reminder, in the
language they registered in, with the date, time, place and their cancel link: sent by the
worker from the daily job (`manage.py maintain_tasks`), never twice, never for a cancelled
registration or event, and not at all where the organization turned reminders off."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events.choices import RegistrationStatus
from events.models import Registration
from organizations.models import OrganizationSettings
from tests.events.helpers import MEETING_URL, add_event, t, translate_event, warsaw
from tests.utils import run_daily_job, run_worker, settings_form, settings_url

pytestmark = pytest.mark.django_db

# The daily job runs early in the morning; the events are the next day.
NOW = warsaw(2030, 5, 13, 5, 50)
TOMORROW_EVENING = warsaw(2030, 5, 14, 18, 0)
UK_TITLE = "Поговорімо про інтеграцію"
UK_VENUE = "соціальна кав'ярня PERS"


@pytest.fixture
def at_now(monkeypatch):
    """Django's clock stopped at NOW (the job, the worker, the pages and rows made)."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def make_event(index, title, start=TOMORROW_EVENING, **fields):
    return add_event(
        index,
        title,
        start,
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        city="Toruń",
        registration_mode="form",
        capacity=40,
        **fields,
    )


def registration(event, email, language="pl", status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(
        event=event,
        status=status,
        name="Anna Kowalska",
        email=email,
        language=language,
        consent_text="Zgadzam się",
        consent_version="1",
    )


@pytest.fixture
def talk(at_now, index_a):
    event = make_event(index_a, "Porozmawiajmy o integracji")
    translate_event(event, "uk", title=UK_TITLE, venue_name=UK_VENUE)
    return event


def test_each_confirmed_registrant_is_reminded_once_in_their_language(
    talk, index_a, django_capture_on_commit_callbacks
):
    polish = registration(talk, "pl@example.org")
    ukrainian = registration(talk, "uk@example.org", language="uk")
    registration(talk, "odwolana@example.org", status=RegistrationStatus.CANCELLED)
    registration(talk, "czeka@example.org", status=RegistrationStatus.WAITING)
    later = make_event(index_a, "Za dwa dni", TOMORROW_EVENING + datetime.timedelta(days=1))
    registration(later, "pojutrze@example.org")

    output = run_daily_job(django_capture_on_commit_callbacks)
    again = run_daily_job(django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["pl@example.org", "uk@example.org"]
    assert "2 reminder(s) of tomorrow's events queued for registrants." in output
    assert "0 reminder(s) of tomorrow's events queued for registrants." in again
    [in_polish] = [m for m in mail.outbox if m.to == [polish.email]]
    [in_ukrainian] = [m for m in mail.outbox if m.to == [ukrainian.email]]
    assert in_polish.subject == t("pl", "Tomorrow: %(event)s", event=talk.title)
    assert in_ukrainian.subject == t("uk", "Tomorrow: %(event)s", event=UK_TITLE)
    # The date and time as the person's language writes them, the place, the cancel link at
    # the event's address in that language.
    uk_event = talk.get_translations().get(locale__language_code="uk").specific
    for message, event, language, venue in [
        (in_polish, talk, "pl", "kawiarnia społeczna PERS"),
        (in_ukrainian, uk_event, "uk", UK_VENUE),
    ]:
        assert f"{t(language, 'When')}: {event.date_text(language)}" in message.body
        assert f"{t(language, 'Where')}: {venue}" in message.body
        assert "18:00" in event.date_text(language)
        registered = polish if language == "pl" else ukrainian
        cancel = event.get_full_url() + event.reverse_subpage(
            "cancel", args=[registered.cancel_token]
        )
        assert cancel in message.body
        assert message.attachments == []
    assert "/uk/" in uk_event.get_full_url()
    cancel_line = "Cannot come after all? Please cancel, so that someone else can have your place:"
    assert t("uk", cancel_line) in in_ukrainian.body
    assert t("uk", cancel_line) != cancel_line


def test_a_registration_cancelled_after_the_job_gets_no_reminder(
    talk, task_queue, django_capture_on_commit_callbacks
):
    kept = registration(talk, "zostaje@example.org")
    leaving = registration(talk, "rezygnuje@example.org")
    run_daily_job(django_capture_on_commit_callbacks)
    leaving.status = RegistrationStatus.CANCELLED
    leaving.save()

    run_worker()

    assert [m.to for m in mail.outbox] == [[kept.email]]


def test_a_cancelled_event_and_an_unpublished_one_send_no_reminders(
    at_now, index_a, django_capture_on_commit_callbacks
):
    cancelled = make_event(index_a, "Odwołane", status="cancelled")
    registration(cancelled, "a@example.org")
    withdrawn = make_event(index_a, "Wycofane")
    registration(withdrawn, "b@example.org")
    withdrawn.unpublish()

    output = run_daily_job(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert "0 reminder(s) of tomorrow's events queued" in output


def test_an_organization_that_turned_reminders_off_sends_none_and_others_still_do(
    client, at_now, index_a, index_b, org_a, editor_a, django_capture_on_commit_callbacks
):
    registration(make_event(index_a, "Spotkanie A"), "alfa@example.org")
    registration(make_event(index_b, "Spotkanie B"), "beta@example.org")
    client.force_login(editor_a)
    form = settings_form(org_a)
    del form["registration_reminders"]  # the box unticked
    assert client.post(settings_url(org_a), form).status_code == 302
    assert not OrganizationSettings.objects.get(site=org_a.site).registration_reminders

    run_daily_job(django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["beta@example.org"]]


def test_the_reminder_of_an_online_event_carries_the_meeting_link_to_confirmed_people_only(
    at_now, index_a, django_capture_on_commit_callbacks
):
    online = make_event(index_a, "Webinar", format="online", meeting_url=MEETING_URL)
    registration(online, "ma-miejsce@example.org")
    registration(online, "czeka@example.org", status=RegistrationStatus.WAITING)

    run_daily_job(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["ma-miejsce@example.org"]
    assert MEETING_URL in message.body

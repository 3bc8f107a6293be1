"""The e-mails about registrations: to the person in the language they registered in (with
the meeting link and a calendar file only when they have a place), to the organizer only
at the organization's own domains; enqueued with the registration, sent by the worker
exactly once, also when the mail server was down at first (more of the queue itself:
tests/events/test_email_tasks.py)."""

import datetime
import re
from smtplib import SMTPServerDisconnected
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from icalendar import Calendar

from events.choices import RegistrationStatus
from events.models import Registration
from events.registration import cancel_registration, confirm_registration, register
from events.tasks import send_registration_email
from tests.events.helpers import (
    HOST_ADDRESS,
    MEETING_URL,
    add_event,
    form_data,
    in_days,
    main_of,
    path_of,
    t,
    translate_event,
)
from tests.utils import make_due, run_worker, tasks_of

pytestmark = pytest.mark.django_db

SECRET = "secret-room-4711"


class MailServerDown(BaseEmailBackend):
    """An SMTP server that cannot be reached."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def webinar(index_a):
    """A hybrid meeting with one place and a waiting list, in Polish and Ukrainian."""
    event = add_event(
        index_a,
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        format="hybrid",
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        city="Toruń",
        meeting_url=MEETING_URL,
        registration_mode="form",
        capacity=1,
        waiting_list=True,
    )
    translate_event(event, "uk", title="Поговорімо про інтеграцію")
    return event


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run what the code does after the commit (sending e-mails), as a real request would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def sign_up(event, email, language="pl"):
    return register(
        event,
        name="Anna Kowalska",
        email=email,
        language=language,
        consent_text="Zgadzam się",
        consent_version="1",
    )


def post_form(org, event, **fields):
    return Client().post(
        f"{path_of(event)}register/",
        form_data(**fields),
        HTTP_HOST=org.site.hostname,
        REMOTE_ADDR=HOST_ADDRESS,
    )


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def calendar_of(message):
    (attachment,) = message.attachments
    filename, content, mimetype = attachment
    assert mimetype.startswith("text/calendar")
    return filename, Calendar.from_ical(content)


def cancel_link(message):
    return re.search(r"https?://\S+/cancel/\S+/", message.body).group(0)


# --- To the person ---------------------------------------------------------------------


def test_a_confirmed_person_gets_the_details_the_meeting_link_and_a_calendar_file(
    org_a, webinar, sent
):
    sent(post_form, org_a, webinar)

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == t(
        "pl", "Your place is confirmed: %(event)s", event="Porozmawiajmy o integracji"
    )
    assert "Anna Kowalska" in message.body
    assert webinar.date_text("pl") in message.body
    assert "kawiarnia społeczna PERS, ul. Mostowa 6, Toruń" in message.body
    assert MEETING_URL in message.body
    assert f"http://alfa.localhost{path_of(webinar)}cancel/" in message.body
    filename, calendar = calendar_of(message)
    assert filename == "porozmawiajmy-o-integracji.ics"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == webinar.start
    assert event["dtstart"].params["TZID"] == "Europe/Warsaw"
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert SECRET in str(event["description"])
    assert str(event["uid"]) == f"{webinar.translation_key}-pl@alfa.localhost"


def test_the_person_is_written_to_in_the_language_they_registered_in(org_a, webinar, sent):
    ukrainian = webinar.get_translation(webinar.locale.__class__.objects.get(language_code="uk"))

    sent(post_form, org_a, ukrainian)

    (message,) = mail.outbox
    assert message.subject == t(
        "uk", "Your place is confirmed: %(event)s", event="Поговорімо про інтеграцію"
    )
    assert webinar.date_text("uk") in message.body
    assert t("uk", "When") in message.body  # "Коли", in the catalogue already
    assert f"http://alfa.localhost{path_of(ukrainian)}cancel/" in message.body
    _filename, calendar = calendar_of(message)
    assert str(calendar.walk("VEVENT")[0]["summary"]) == "Поговорімо про інтеграцію"


def test_the_waiting_list_e_mail_tells_the_position_without_the_meeting_link(org_a, webinar, sent):
    sent(sign_up, webinar, "pierwsza@example.org")

    sent(post_form, org_a, webinar)

    (message,) = to("anna@example.org")
    assert t(
        "pl", "You are on the waiting list — your place in the queue: %(position)s", position=1
    ) in message.body.replace("\n", " ")
    assert SECRET not in message.body
    assert message.attachments == []


def test_the_cancel_link_from_the_e_mail_cancels_after_asking(org_a, webinar, sent):
    sent(post_form, org_a, webinar)
    link = urlsplit(cancel_link(mail.outbox[0]))
    client = Client()

    asked = client.get(link.path, HTTP_HOST=link.hostname)
    response = sent(client.post, link.path, HTTP_HOST=link.hostname)

    assert t("pl", "Cancel your registration?") in main_of(asked)
    assert response.status_code == 303
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    cancelled = to("anna@example.org")[-1]
    assert cancelled.subject == t(
        "pl", "Your registration is cancelled: %(event)s", event="Porozmawiajmy o integracji"
    )
    assert SECRET not in cancelled.body


def test_the_first_on_the_waiting_list_is_told_they_got_the_place(org_a, webinar, sent):
    first = sent(sign_up, webinar, "pierwsza@example.org").registration
    sent(sign_up, webinar, "czeka@example.org", language="uk")
    mail.outbox.clear()

    sent(cancel_registration, first)

    (promoted,) = to("czeka@example.org")
    assert promoted.subject == t(
        "uk", "A place has freed up for you: %(event)s", event="Поговорімо про інтеграцію"
    )
    assert SECRET in promoted.body
    _filename, calendar = calendar_of(promoted)
    assert SECRET in str(calendar.walk("VEVENT")[0]["description"])
    assert len(to("pierwsza@example.org")) == 1  # their cancellation


def test_staff_decisions_are_told_to_the_person(org_a, webinar, sent):
    sent(sign_up, webinar, "pierwsza@example.org")
    waiting = sent(sign_up, webinar, "czeka@example.org").registration
    mail.outbox.clear()

    sent(confirm_registration, waiting)
    sent(cancel_registration, Registration.objects.get(pk=waiting.pk), by_staff=True)

    confirmed, cancelled = to("czeka@example.org")
    assert confirmed.subject == t(
        "pl", "Your place is confirmed: %(event)s", event="Porozmawiajmy o integracji"
    )
    assert SECRET in confirmed.body
    assert len(confirmed.attachments) == 1
    assert cancelled.subject == t(
        "pl",
        "The organizers have cancelled your registration: %(event)s",
        event="Porozmawiajmy o integracji",
    )
    assert SECRET not in cancelled.body


def test_the_meeting_link_is_in_no_e_mail_but_those_that_give_a_place(org_a, webinar, sent):
    webinar.organizer_email = "zapisy@alfa.example.org"
    webinar.save_revision().publish()
    org_a.email_domains = "alfa.example.org"
    org_a.save()

    first = sent(sign_up, webinar, "pierwsza@example.org").registration
    sent(sign_up, webinar, "czeka@example.org")
    sent(cancel_registration, first)

    with_link = {(m.to[0], m.subject) for m in mail.outbox if SECRET in m.body}
    assert with_link == {
        (
            "pierwsza@example.org",
            t("pl", "Your place is confirmed: %(event)s", event=webinar.title),
        ),
        (
            "czeka@example.org",
            t("pl", "A place has freed up for you: %(event)s", event=webinar.title),
        ),
    }
    public = Client().get(f"{path_of(webinar)}ics/", HTTP_HOST=org_a.site.hostname)
    assert SECRET not in public.content.decode()


# --- To the organizer ------------------------------------------------------------------


def test_the_organizer_hears_of_each_new_registration_at_an_address_of_the_organization(
    org_a, webinar, sent
):
    webinar.organizer_email = "zapisy@Alfa.example.org"
    webinar.save_revision().publish()
    org_a.email_domains = "fundacja-alfa.pl, alfa.example.org"
    org_a.save()

    sent(post_form, org_a, webinar)
    sent(post_form, org_a, webinar, email="druga@example.org")

    first, second = to("zapisy@Alfa.example.org")
    assert first.subject == t("pl", "New registration: %(event)s", event=webinar.title)
    assert "Anna Kowalska" in first.body
    assert "anna@example.org" in first.body
    assert "druga@example.org" in second.body
    assert f"/admin/pages/{webinar.pk}/edit/" in first.body
    assert SECRET not in first.body + second.body


@pytest.mark.parametrize(
    ("address", "domains"),
    [
        ("zapisy@gmail.com", "alfa.example.org"),
        ("zapisy@alfa.example.org", ""),
        ("zapisy@sub.alfa.example.org", "alfa.example.org"),
        ("zapisy@alfa.example.org.evil.com", "alfa.example.org"),
    ],
)
def test_no_e_mail_goes_to_an_organizer_address_outside_the_organizations_domains(
    org_a, webinar, sent, address, domains
):
    webinar.organizer_email = address
    webinar.save_revision().publish()
    org_a.email_domains = domains
    org_a.save()

    sent(post_form, org_a, webinar)

    assert [message.to for message in mail.outbox] == [["anna@example.org"]]


# --- On the task queue, when the mail server is down ----------------------------------


def test_with_the_mail_server_down_the_registration_stands_and_the_e_mail_waits(
    org_a, webinar, task_queue, settings
):
    settings.EMAIL_BACKEND = "tests.events.test_registration_emails.MailServerDown"

    response = post_form(org_a, webinar)
    run_worker()
    page = Client().get(response["Location"], HTTP_HOST=org_a.site.hostname)

    assert response.status_code == 303
    assert t("pl", "Your place is confirmed") in main_of(page)
    assert Registration.objects.count() == 1
    first, retry = tasks_of(send_registration_email)
    assert first.status == TaskResultStatus.FAILED
    assert first.exception_class_path == "core.tasks.RetryScheduled"
    assert "SMTPServerDisconnected" in first.traceback
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after - timezone.now() < datetime.timedelta(minutes=1, seconds=5)
    assert mail.outbox == []


def test_a_waiting_e_mail_is_sent_when_due_and_exactly_once(org_a, webinar, task_queue, settings):
    settings.EMAIL_BACKEND = "tests.events.test_registration_emails.MailServerDown"
    post_form(org_a, webinar)
    run_worker()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    run_worker()  # the retry is not due yet
    assert mail.outbox == []
    make_due()
    run_worker()
    run_worker()

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert [task.status for task in tasks_of(send_registration_email)] == [
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,
    ]

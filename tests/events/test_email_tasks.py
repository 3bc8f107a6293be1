"""The e-mails on the task queue, with the database backend and its worker as in production
(core.tasks, events.tasks): a task exists only if the registration commits; the worker
sends it once; a refusal of the mail server is tried again 1, 2, 4 … minutes later and,
after the last attempt, stays for administrators to see under Reports → Background tasks."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks import TaskResultStatus

from core import tasks as core_tasks
from core.models import SentEmail
from events.emails import CONFIRMED, ORGANIZER
from events.models import Registration
from events.registration import register
from events.tasks import send_registration_email
from tests.events.helpers import add_event, in_days, login
from tests.utils import MAIL_SERVER_DOWN, make_due, make_staff, run_worker, tasks_of, text_of

pytestmark = pytest.mark.django_db

REFUSING = MAIL_SERVER_DOWN


@pytest.fixture
def workshop(index_a, org_a):
    org_a.email_domains = "alfa.example.org"
    org_a.save()
    return add_event(
        index_a,
        "Warsztaty: prawo pracy",
        in_days(7, 10),
        registration_mode="form",
        capacity=5,
        organizer_email="zapisy@alfa.example.org",
    )


def sign_up(event, email="anna@example.org"):
    return register(
        event,
        name="Anna Kowalska",
        email=email,
        language="pl",
        consent_text="Zgadzam się",
        consent_version="1",
    ).registration


def waiting_note(count):
    """What the report says of the tasks waiting for another attempt (the admin is in Polish)."""
    with translation.override("pl"):
        return ngettext(
            "Failed for good. %(count)d task is waiting to be tried again.",
            "Failed for good. %(count)d tasks are waiting to be tried again.",
            count,
        ) % {"count": count}


def written_to():
    return sorted(message.to[0] for message in mail.outbox)


# --- Only what commits -----------------------------------------------------------------


def test_the_e_mails_are_enqueued_with_the_registration_and_sent_by_the_worker(
    workshop, task_queue
):
    registration = sign_up(workshop)

    queued = tasks_of(send_registration_email)
    assert [task.args_kwargs["args"] for task in queued] == [
        [registration.pk, CONFIRMED],
        [registration.pk, ORGANIZER],
    ]
    assert mail.outbox == []  # nothing is sent inside the request

    run_worker()

    assert written_to() == ["anna@example.org", "zapisy@alfa.example.org"]
    assert {task.status for task in tasks_of(send_registration_email)} == {
        TaskResultStatus.SUCCESSFUL
    }


def sign_up_then_fail(event, seen=None):
    """Register inside a transaction that then fails (the request broke after registering);
    `seen` gets the e-mail tasks as they were inside it."""
    with transaction.atomic():
        sign_up(event)
        if seen is not None:
            seen.extend(tasks_of(send_registration_email))
        raise RuntimeError("the request failed after registering")


def test_a_registration_rolled_back_leaves_no_task_and_sends_nothing(workshop, task_queue):
    seen = []
    with pytest.raises(RuntimeError):
        sign_up_then_fail(workshop, seen)

    assert len(seen) == 2  # written in the transaction…
    assert not Registration.objects.exists()
    assert tasks_of(send_registration_email) == []  # …and gone with it
    run_worker()
    assert mail.outbox == []


def test_without_the_database_backend_the_task_waits_for_the_commit(
    workshop, django_capture_on_commit_callbacks
):
    """The immediate backend of the tests runs a task at once: core.tasks hands it over only
    after the commit, so a rolled-back registration sends nothing there either."""
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        sign_up_then_fail(workshop)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        sign_up(workshop)
    assert written_to() == ["anna@example.org", "zapisy@alfa.example.org"]


# --- Never twice -----------------------------------------------------------------------


def test_an_e_mail_is_never_sent_twice_for_one_event_of_the_domain(workshop, task_queue):
    registration = sign_up(workshop)
    run_worker()
    # The same e-mail enqueued again (a retry after a timeout, a task run twice).
    send_registration_email.enqueue(registration.pk, CONFIRMED)
    send_registration_email.enqueue(registration.pk, CONFIRMED)

    run_worker()

    assert written_to() == ["anna@example.org", "zapisy@alfa.example.org"]
    assert sorted(SentEmail.objects.values_list("key", flat=True)) == [
        f"registration:{registration.pk}:{CONFIRMED}",
        f"registration:{registration.pk}:{ORGANIZER}",
    ]
    returned = [task.return_value for task in tasks_of(send_registration_email)]
    assert returned == [True, True, False, False]


def test_an_e_mail_that_failed_is_not_recorded_as_sent(workshop, task_queue, settings):
    settings.EMAIL_BACKEND = REFUSING
    sign_up(workshop)

    run_worker()

    assert not SentEmail.objects.exists()


# --- Retries, then visible -------------------------------------------------------------


def test_failures_wait_twice_as_long_each_time_then_end_visible_to_administrators(
    client, workshop, task_queue, settings, admin_user
):
    settings.EMAIL_BACKEND = REFUSING
    workshop.organizer_email = ""
    workshop.save_revision().publish()
    sign_up(workshop)
    waits = []

    for _attempt in range(core_tasks.MAX_ATTEMPTS + 2):
        started = timezone.now()
        run_worker()
        waiting = [
            task
            for task in tasks_of(send_registration_email)
            if task.status == TaskResultStatus.READY
        ]
        if not waiting:
            break
        (retry,) = waiting
        waits.append(round((retry.run_after - started).total_seconds() / 60))
        make_due()

    attempts = tasks_of(send_registration_email)
    assert len(attempts) == core_tasks.MAX_ATTEMPTS
    assert waits == [1, 2, 4, 8, 16, 32, 64, 120, 120]
    assert [task.args_kwargs["kwargs"].get("attempt", 1) for task in attempts] == list(
        range(1, core_tasks.MAX_ATTEMPTS + 1)
    )
    *retried, last = attempts
    assert {task.exception_class_path for task in retried} == {"core.tasks.RetryScheduled"}
    assert last.exception_class_path == "smtplib.SMTPServerDisconnected"
    assert mail.outbox == []

    client.force_login(admin_user)
    report = client.get(reverse("background_tasks:index"))

    assert report.status_code == 200
    page = text_of(report)
    assert "send_registration_email" in page
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page
    assert page.count("send_registration_email") == 1  # the retried attempts are not listed


def test_an_e_mail_succeeding_on_a_retry_leaves_nothing_in_the_report(
    client, workshop, task_queue, settings, admin_user
):
    settings.EMAIL_BACKEND = REFUSING
    sign_up(workshop)
    run_worker()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(admin_user)

    waiting = text_of(client.get(reverse("background_tasks:index")))
    make_due()
    run_worker()
    done = text_of(client.get(reverse("background_tasks:index")))

    assert waiting_note(2) in waiting
    assert "send_registration_email" not in waiting
    assert written_to() == ["anna@example.org", "zapisy@alfa.example.org"]
    assert waiting_note(0) in done
    assert "send_registration_email" not in done


def test_only_administrators_see_the_background_tasks(client, org_a, task_queue):
    editor = make_staff(org_a, "editors")
    login(client, editor)

    response = client.get(reverse("background_tasks:index"))
    menu = text_of(client.get(reverse("wagtailadmin_home")))

    assert response.status_code in (302, 403)
    assert reverse("background_tasks:index") not in menu


def test_the_retry_delays_grow_to_at_most_two_hours():
    assert [core_tasks.retry_delay(n) for n in (1, 2, 3, 8, 20)] == [
        datetime.timedelta(minutes=1),
        datetime.timedelta(minutes=2),
        datetime.timedelta(minutes=4),
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=2),
    ]

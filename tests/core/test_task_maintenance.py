"""`manage.py maintain_tasks`: tasks a dead worker left RUNNING go back to the queue and run
again (an e-mail still sent once), and the keys of e-mails sent long ago are deleted."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from core.models import SentEmail
from core.tasks import send_once
from tests.utils import run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("task_queue")]


@task()
def send_welcome(key):
    """A task as the apps write theirs: one e-mail under a key naming what it is about."""
    send_once(key, lambda: EmailMessage("Witamy", "…", to=["ola@example.org"]))


def running_since(minutes, key):
    """The task of `key`, claimed by a worker `minutes` ago and not finished."""
    result = DBTaskResult.objects.get(pk=send_welcome.enqueue(key).id)
    result.claim("worker-that-died")
    DBTaskResult.objects.filter(pk=result.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )
    return result


def maintain(*args):
    output = StringIO()
    call_command("maintain_tasks", *args, stdout=output)
    return output.getvalue()


def test_a_task_running_for_longer_than_an_hour_runs_again_and_a_recent_one_is_left_alone():
    stuck = running_since(90, "welcome:1")
    busy = running_since(5, "welcome:2")

    assert maintain().startswith("1 task(s) running for more than 60 minutes put back")

    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.READY
    run_worker()
    stuck.refresh_from_db()
    busy.refresh_from_db()
    assert stuck.status == TaskResultStatus.SUCCESSFUL
    assert busy.status == TaskResultStatus.RUNNING
    assert [message.subject for message in mail.outbox] == ["Witamy"]


def test_a_task_that_died_after_sending_sends_nothing_when_it_runs_again():
    # The worker handed the e-mail over and committed its key, then died before the task
    # was marked done.
    send_once("welcome:3", lambda: EmailMessage("Witamy", "…", to=["ola@example.org"]))
    stuck = running_since(120, "welcome:3")

    maintain("--stuck-after-minutes", "30")
    run_worker()

    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1


def test_keys_of_emails_sent_long_ago_are_deleted_and_recent_ones_kept():
    for key in ("old:1", "old:2", "recent:1"):
        SentEmail.objects.create(key=key)
    SentEmail.objects.filter(key__startswith="old").update(
        sent_at=timezone.now() - datetime.timedelta(days=91)
    )

    assert "2 key(s) of e-mails sent more than 90 days ago deleted" in maintain()
    assert list(SentEmail.objects.values_list("key", flat=True)) == ["recent:1"]


@pytest.mark.parametrize("option", ["--stuck-after-minutes", "--sent-email-days"])
def test_a_limit_below_one_is_refused(option):
    SentEmail.objects.create(key="kept")
    with pytest.raises(CommandError):
        maintain(option, "0")
    assert SentEmail.objects.filter(key="kept").exists()

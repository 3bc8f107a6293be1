"""The migration that removed the home-made e-mail queue (events 0002) moves what it still
held into tasks: due e-mails are sent by the worker once, given-up ones stay visible as
failed tasks, sent ones are not moved."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as real_apps
from django.core import mail
from django.utils import timezone
from django_tasks import TaskResultStatus

from core.admin_views import failed_tasks
from events.tasks import send_stored_email
from tests.utils import make_due, run_worker, tasks_of

pytestmark = pytest.mark.django_db

migration = importlib.import_module("events.migrations.0002_outgoing_email_to_tasks")


class QueueTable:
    """The OutgoingEmail rows as the migration reads them (the table is gone by now)."""

    def __init__(self, rows):
        self.objects = self
        self.rows = rows

    def filter(self, sent_at__isnull):
        return QueueTable([row for row in self.rows if (row.sent_at is None) == sent_at__isnull])

    def order_by(self, field):
        return sorted(self.rows, key=lambda row: getattr(row, field))


def queued(pk, *, attempts=0, sent_at=None, next_attempt_at=None, last_error=""):
    return SimpleNamespace(
        pk=pk,
        to=[f"osoba{pk}@example.org"],
        subject=f"Potwierdzenie {pk}",
        body="Do zobaczenia.",
        attachments=[
            {"filename": "e.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}
        ],
        attempts=attempts,
        sent_at=sent_at,
        next_attempt_at=next_attempt_at,
        last_error=last_error,
    )


def migrate(rows):
    table = QueueTable(rows)

    class Apps:
        def get_model(self, app_label, model_name):
            if model_name == "OutgoingEmail":
                return table
            return real_apps.get_model(app_label, model_name)

    migration.move_queue_into_tasks(Apps(), None)


def test_the_old_queue_moves_into_tasks_and_nothing_is_sent_twice(task_queue):
    now = timezone.now()
    migrate(
        [
            queued(1),  # never tried
            queued(2, attempts=3, next_attempt_at=now + datetime.timedelta(minutes=8)),
            queued(3, attempts=10, next_attempt_at=now, last_error="SMTPDataError: refused"),
            queued(4, attempts=1, sent_at=now),  # sent already
        ]
    )

    run_worker()
    assert [m.to for m in mail.outbox] == [["osoba1@example.org"]]  # the one not yet due waits
    make_due()
    run_worker()
    run_worker()

    assert [m.to for m in mail.outbox] == [["osoba1@example.org"], ["osoba2@example.org"]]
    assert mail.outbox[0].attachments[0][0] == "e.ics"
    statuses = {
        task.args_kwargs["args"][0]: (task.status, task.args_kwargs["kwargs"]["attempt"])
        for task in tasks_of(send_stored_email)
    }
    assert statuses == {
        "outgoing-email:1": (TaskResultStatus.SUCCESSFUL, 1),
        "outgoing-email:2": (TaskResultStatus.SUCCESSFUL, 4),
        "outgoing-email:3": (TaskResultStatus.FAILED, 11),
    }
    (given_up,) = failed_tasks()
    assert "SMTPDataError: refused" in given_up.traceback

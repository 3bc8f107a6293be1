"""The home-made e-mail queue (OutgoingEmail, `manage.py send_queued_email`) gives way to
background tasks (events.tasks, core.tasks). What it still held moves into the task table:

- an e-mail not yet sent and still to be tried becomes a `send_stored_email` task, due when
  its next attempt was, counting the attempts it has had;
- one given up (tried MAX_ATTEMPTS times) becomes a failed task, listed for administrators
  under Reports → Background tasks as it was listed before;
- one already sent is not moved, and each moved e-mail is sent at most once under the key
  `outgoing-email:<id>` (core.tasks.send_once): nothing goes twice.
"""

import datetime
import uuid

from django.db import migrations

MAX_ATTEMPTS = 10
NO_RUN_AFTER = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)  # django-tasks-db's "none"


def move_queue_into_tasks(apps, schema_editor):
    OutgoingEmail = apps.get_model("events", "OutgoingEmail")
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    tasks = []
    for email in OutgoingEmail.objects.filter(sent_at__isnull=True).order_by("pk"):
        given_up = email.attempts >= MAX_ATTEMPTS
        tasks.append(
            DBTaskResult(
                id=uuid.uuid4(),
                status="FAILED" if given_up else "READY",
                finished_at=email.next_attempt_at if given_up else None,
                args_kwargs={
                    "args": [
                        f"outgoing-email:{email.pk}",
                        email.to,
                        email.subject,
                        email.body,
                        email.attachments or [],
                    ],
                    "kwargs": {"attempt": email.attempts + 1},
                },
                priority=0,
                task_path="events.tasks.send_stored_email",
                worker_ids=[],
                queue_name="default",
                backend_name="default",
                run_after=email.next_attempt_at or NO_RUN_AFTER,
                return_value=None,
                exception_class_path="builtins.Exception" if given_up else "",
                traceback=email.last_error if given_up else "",
            )
        )
    DBTaskResult.objects.bulk_create(tasks)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(move_queue_into_tasks, migrations.RunPython.noop),
        migrations.DeleteModel(name="OutgoingEmail"),
    ]

"""`manage.py maintain_tasks`: the task queue's housekeeping, run daily from cron.

- A task left RUNNING by a worker that died in its middle (killed, out of memory, the
  server restarted) would stay RUNNING for ever, its e-mail never sent. One RUNNING for
  longer than --stuck-after-minutes (no task of ours takes more than seconds) is put back
  as READY, and the next worker runs it again. That is safe for every task here: the
  e-mails go through core.tasks.send_once (a second run of one that was sent finds its key
  and sends nothing) and Wagtail's index updates can run twice.
- The keys of sent e-mails (core.models.SentEmail) are needed only while a task of that
  e-mail may still run: a retry comes within hours. Keys older than --sent-email-days are
  deleted, so that the table does not grow for ever.

- The apps' daily work (core.periodic): the reminders of events.reminders and
  translations.reminders are enqueued here, for the worker to send.

`prune_db_task_results` (django-tasks-db) deletes the finished tasks themselves.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import SentEmail
from core.periodic import run_daily


def positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def recover_stuck_tasks(older_than):
    """Put back as READY the tasks RUNNING since before `older_than`; how many."""
    # One UPDATE … WHERE status = RUNNING: a task its worker finishes meanwhile is left alone.
    return (
        DBTaskResult.objects.running()
        .filter(started_at__lt=older_than)
        .update(status=TaskResultStatus.READY, started_at=None, run_after=timezone.now())
    )


def prune_sent_emails(older_than):
    """Delete the keys of e-mails sent before `older_than`; how many."""
    deleted, _ = SentEmail.objects.filter(sent_at__lt=older_than).delete()
    return deleted


class Command(BaseCommand):
    help = (
        "Put back tasks a dead worker left running, forget the keys of e-mails sent long ago, "
        "and queue the apps' daily work (reminders)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stuck-after-minutes", type=positive, default=60)
        parser.add_argument("--sent-email-days", type=positive, default=90)

    def handle(self, *args, stuck_after_minutes, sent_email_days, **options):
        now = timezone.now()
        recovered = recover_stuck_tasks(now - datetime.timedelta(minutes=stuck_after_minutes))
        pruned = prune_sent_emails(now - datetime.timedelta(days=sent_email_days))
        self.stdout.write(
            f"{recovered} task(s) running for more than {stuck_after_minutes} minutes put back "
            f"in the queue; {pruned} key(s) of e-mails sent more than {sent_email_days} days "
            "ago deleted."
        )
        for line in run_daily(now):
            self.stdout.write(line)

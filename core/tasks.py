"""Background work on Django's tasks framework (django-tasks; in production its database
backend, django-tasks-db, run by `manage.py db_worker`), as Wagtail 8 does its own.

Three promises for the e-mails the apps send this way (events.tasks, translations.tasks):

- **Only what commits is sent.** `enqueue_on_commit` writes the task in the transaction that
  asks for it when the backend is the database (both commit or neither: no moment between
  the commit and the enqueue where a crash loses the e-mail), and hands it to any other
  backend (the immediate one of the tests) once that transaction has committed.
- **Failures are retried, then shown.** `retrying` runs a task's work; when it raises (the
  mail server refuses), the next attempt is enqueued 1, 2, 4 … minutes later, up to
  MAX_ATTEMPTS; the attempt itself ends FAILED with `RetryScheduled` (its cause in the
  traceback), and the last one ends FAILED with the mail server's own error. Administrators
  read those under *Reports → Background tasks* (core.wagtail_hooks).
- **Never twice.** `send_once` sends under a key naming the event of the domain and records
  the key (core.models.SentEmail) in the same transaction: a second run finds it and sends
  nothing. (If the process dies after the mail server took the e-mail and before the commit,
  the e-mail goes again: at least once, as any mail queue.)

A task's arguments are ids, kinds and keys, never an address or a text: the e-mail is
written when it is sent, from what the database then holds, so that a person's data
erased in the meantime is not sent anywhere and the task table holds none of it.
"""

import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from .models import SentEmail

MAX_ATTEMPTS = 10
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=2)


class RetryScheduled(Exception):
    """This attempt failed and the next one is enqueued; the cause is chained."""


def enqueue_on_commit(task, *args, **kwargs):
    """Enqueue `task` so that it exists only if the current transaction commits."""
    backend = task.get_backend()
    if isinstance(backend, DatabaseBackend):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(partial(task.enqueue, *args, **kwargs), robust=True)
    return None


def retry_delay(attempt):
    """1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd, 4th … failure, at most LONGEST_WAIT."""
    return min(FIRST_RETRY * 2 ** (attempt - 1), LONGEST_WAIT)


def retrying(task, work, *args, attempt=1):
    """Run `work()`, the body of `task` called with `args` and `attempt`; when it fails,
    enqueue the next attempt after a growing delay and fail this one.

    A backend that cannot defer a task (the immediate one) gets no retry: the failure is its
    result at once.
    """
    try:
        return work()
    except Exception as error:
        backend = task.get_backend()
        if attempt >= MAX_ATTEMPTS or not backend.supports_defer:
            raise
        run_after = timezone.now() + retry_delay(attempt)
        task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
        raise RetryScheduled(
            f"Attempt {attempt} of {MAX_ATTEMPTS} failed; the next one runs after "
            f"{run_after.isoformat()}"
        ) from error


def send_once(key, build):
    """Send the message `build()` returns (None: nothing to send) unless the e-mail `key`
    names was sent already. True if it was sent now.

    The key is recorded and the message sent in one transaction: if sending fails, the key
    goes too and the next attempt sends; if another worker holds the key, this one waits for
    its commit (the unique key) and then sends nothing.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentEmail.objects.create(key=key)
        except IntegrityError:
            return False
        message = build()
        if message is None:
            transaction.set_rollback(True)
            return False
        message.send()
    return True

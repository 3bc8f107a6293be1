"""The apps' own daily work, run by `manage.py maintain_tasks` (cron, daily) without core
knowing the apps: each app connects a receiver to `daily` in its AppConfig.ready (events and
translations send their reminders this way). A receiver is called with `now` and returns a
line for the job's output; it only enqueues tasks (core.tasks), which send what is owed at
most once, so running the job twice in a day sends nothing more."""

from django.dispatch import Signal

daily = Signal()


def run_daily(now):
    """Every app's daily work for the moment `now`; the lines they report."""
    return [str(line) for _receiver, line in daily.send(sender=None, now=now) if line]

"""*Reports → Background tasks*: the tasks that failed for good (an e-mail the mail server
refused MAX_ATTEMPTS times, a search index update that raised), for administrators to see
and act on. Attempts that failed and were retried (core.tasks.RetryScheduled) are counted,
not listed: they may still succeed."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .tasks import RetryScheduled

RETRY_SCHEDULED = f"{RetryScheduled.__module__}.{RetryScheduled.__qualname__}"


def failed_tasks():
    """Failed for good, latest first."""
    return (
        DBTaskResult.objects.failed()
        .exclude(exception_class_path=RETRY_SCHEDULED)
        .order_by("-finished_at")
    )


def waiting_retries():
    """Tasks waiting for a later attempt."""
    return (
        DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now())
        .exclude(run_after=get_date_max())
        .count()
    )


def attempt_of(task):
    return task.args_kwargs.get("kwargs", {}).get("attempt", 1)


def error_of(task):
    """The last line of the traceback: the exception and its message."""
    lines = [line for line in task.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else task.exception_class_path


class BackgroundTasksReportView(ReportView):
    page_title = _("Background tasks")
    header_icon = "warning"
    index_url_name = "background_tasks:index"
    index_results_url_name = "background_tasks:results"
    paginate_by = 50
    list_export = ["task_name", "attempt", "finished_at", "error"]
    export_headings = {
        "task_name": _("Task"),
        "attempt": _("Attempt"),
        "finished_at": _("Failed at"),
        "error": _("Error"),
    }
    columns = [
        Column("task_name", label=_("Task")),
        Column("attempt", accessor=attempt_of, label=_("Attempt")),
        DateColumn("finished_at", label=_("Failed at")),
        Column("error", accessor=error_of, label=_("Error")),
    ]

    def dispatch(self, request, *args, **kwargs):
        # Tasks of every organization, with tracebacks: administrators only.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        waiting = waiting_retries()
        return ngettext(
            "Failed for good. %(count)d task is waiting to be tried again.",
            "Failed for good. %(count)d tasks are waiting to be tried again.",
            waiting,
        ) % {"count": waiting}

    def get_queryset(self):
        return failed_tasks()

    def to_row_dict(self, item):
        """A row of the spreadsheet export."""
        return {
            "task_name": item.task_name,
            "attempt": attempt_of(item),
            "finished_at": item.finished_at,
            "error": error_of(item),
        }

"""The background task that tells translators of a request (translations.requests)."""

from django_tasks import task

from core.tasks import retrying

from .requests import notify_translators


@task()
def notify_translators_task(request_id, notice_key, attempt=1):
    """E-mail the translators of one request; retried while the mail server refuses."""
    return retrying(
        notify_translators_task,
        lambda: notify_translators(request_id, notice_key),
        request_id,
        notice_key,
        attempt=attempt,
    )

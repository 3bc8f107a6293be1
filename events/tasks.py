"""The background tasks that send the e-mails about registrations (see events.emails for
what they say and core.tasks for how they are queued, retried and kept from going twice).

Each names a registration by its id: a registration erased before its e-mail went out is
not written to.
"""

from django_tasks import task

from core.models import SentEmail
from core.tasks import enqueue_on_commit, retrying, send_once

from .emails import ORGANIZER, REMINDER, email_kind, email_message, registration_email
from .models.registrations import Registration
from .pool import Change
from .reminders import registrations_to_remind


def queue_registration_emails(registration, change):
    """Enqueue what the change owes the person and the organizer; sent after the commit."""
    kind = email_kind(registration, change)
    if kind is not None and registration.email:
        enqueue_on_commit(send_registration_email, registration.pk, kind)
    if change == Change.REGISTERED and registration.event.organizer_email:
        enqueue_on_commit(send_registration_email, registration.pk, ORGANIZER)


def registration_email_key(registration_id, kind):
    return f"registration:{registration_id}:{kind}"


def queue_reminders(sender=None, *, now, **kwargs):
    """The daily job's part (core.periodic): enqueue the reminder of each registration for
    an event tomorrow that has not had it. Returns a line for the job's output."""
    due = {registration.pk for registration in registrations_to_remind(now)}
    keys = {registration_email_key(pk, REMINDER): pk for pk in due}
    sent = set(SentEmail.objects.filter(key__in=keys).values_list("key", flat=True))
    queued = sorted(pk for key, pk in keys.items() if key not in sent)
    for registration_id in queued:
        enqueue_on_commit(send_registration_email, registration_id, REMINDER)
    return f"{len(queued)} reminder(s) of tomorrow's events queued for registrants."


@task()
def send_registration_email(registration_id, kind, attempt=1):
    """The e-mail of `kind` (events.emails: confirmed, waiting, …, organizer) about one
    registration, sent at most once."""

    def work():
        registration = (
            Registration.objects.filter(pk=registration_id).select_related("event").first()
        )
        if registration is None:
            return False
        return send_once(
            registration_email_key(registration_id, kind),
            lambda: registration_email(registration, kind),
        )

    return retrying(send_registration_email, work, registration_id, kind, attempt=attempt)


@task()
def send_participant_message(registration_id, message_key, subject, body, attempt=1):
    """Staff's e-mail to the confirmed participants (events.admin_views.MessageView), one
    task per participant; `message_key` names the message, sent at most once to each."""

    def work():
        registration = Registration.objects.filter(
            pk=registration_id, anonymised_at__isnull=True
        ).first()
        if registration is None or not registration.email:
            return False
        return send_once(
            f"message:{message_key}:{registration_id}",
            lambda: email_message([registration.email], subject, body),
        )

    return retrying(
        send_participant_message,
        work,
        registration_id,
        message_key,
        subject,
        body,
        attempt=attempt,
    )


@task()
def send_stored_email(key, to, subject, body, attachments, attempt=1):
    """An e-mail written before the task queue: what the old queue table still held when it
    was removed (events migration 0002 moved it here). Sent at most once."""
    return retrying(
        send_stored_email,
        lambda: send_once(key, lambda: email_message(to, subject, body, attachments)),
        key,
        to,
        subject,
        body,
        attachments,
        attempt=attempt,
    )

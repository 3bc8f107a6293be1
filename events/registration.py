"""Registering for an event and cancelling: one pool of places per event, never overbooked.

Every change to an event's registrations happens inside a transaction that first locks the
row of the event that owns the pool (SELECT … FOR UPDATE on PostgreSQL), so concurrent
registrations and cancellations are decided one at a time, in arrival order. SQLite, used
in development, takes a lock on the whole database for every write instead.

What happened is told to events.tasks inside the transaction: it enqueues the e-mails the
change owes to the person and the organizer (events.emails) as background tasks that exist
only if the transaction commits (core.tasks).
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q

from . import tasks
from .choices import RegistrationMode, RegistrationState, RegistrationStatus
from .models.registrations import Registration
from .pool import Change, lock_pool, pool_event, waiting_position


class Result:
    """What a visitor is told after trying to register or cancel."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"
    FULL = "full"
    CLOSED = "closed"
    NOT_YET_OPEN = "not_yet_open"
    DUPLICATE = "duplicate"
    CANCELLED = "cancelled"
    ALREADY_CANCELLED = "already_cancelled"


@dataclass
class Outcome:
    result: str
    registration: Registration | None = None
    # Position on the waiting list (1 = next in line), for Result.WAITING.
    position: int | None = None
    promoted: list = field(default_factory=list)


def register(
    event,
    *,
    name,
    email,
    language,
    consent_text,
    consent_version,
    answers=None,
    now=None,
):
    """Register a person for `event` (in any of its translations): a place if there is one,
    else the waiting list if the event has one, else nothing (Result.FULL)."""
    pool = pool_event(event)
    with transaction.atomic():
        locked = lock_pool(pool.pk)
        if locked.registration_mode != RegistrationMode.FORM:
            return Outcome(Result.CLOSED)
        state = locked.registration_state(now)
        if state == RegistrationState.NOT_YET_OPEN:
            return Outcome(Result.NOT_YET_OPEN)
        if state != RegistrationState.OPEN:
            return Outcome(Result.CLOSED)
        standing = Registration.objects.filter(event=locked).exclude(
            status=RegistrationStatus.CANCELLED
        )
        if standing.filter(email__iexact=email).exists():
            return Outcome(Result.DUPLICATE)
        confirmed = standing.filter(status=RegistrationStatus.CONFIRMED).count()
        if locked.capacity is None or confirmed < locked.capacity:
            status = RegistrationStatus.CONFIRMED
        elif locked.waiting_list:
            status = RegistrationStatus.WAITING
        else:
            return Outcome(Result.FULL)
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=locked,
                    status=status,
                    name=name,
                    email=email,
                    language=language,
                    answers=answers or {},
                    consent_text=consent_text,
                    consent_version=consent_version,
                )
        except IntegrityError:
            # The same address at the same moment from another process (SQLite has no
            # row lock to wait on): the database's constraint keeps one.
            return Outcome(Result.DUPLICATE)
        tasks.queue_registration_emails(registration, Change.REGISTERED)
        if status == RegistrationStatus.CONFIRMED:
            return Outcome(Result.CONFIRMED, registration)
        return Outcome(Result.WAITING, registration, position=waiting_position(registration))


def cancel_registration(registration, *, by_staff=False):
    """Cancel a registration: its place goes to the first people on the waiting list."""
    with transaction.atomic():
        pool = lock_pool(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            return Outcome(Result.ALREADY_CANCELLED, current)
        current.status = RegistrationStatus.CANCELLED
        current.save(update_fields=["status", "updated_at"])
        tasks.queue_registration_emails(
            current, Change.CANCELLED_BY_STAFF if by_staff else Change.CANCELLED
        )
        promoted = _fill_places(pool)
    return Outcome(Result.CANCELLED, current, promoted=promoted)


def cancel_by_token(token):
    """Cancel the registration the link from the e-mail names; None for an unknown link."""
    registration = Registration.objects.filter(cancel_token=token).first() if token else None
    if registration is None:
        return None
    return cancel_registration(registration)


def confirm_registration(registration):
    """Staff give a place to someone on the waiting list (or back to someone who cancelled),
    beyond the number of places if they so decide."""
    with transaction.atomic():
        lock_pool(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CONFIRMED:
            return Outcome(Result.CONFIRMED, current)
        current.status = RegistrationStatus.CONFIRMED
        try:
            with transaction.atomic():
                current.save(update_fields=["status", "updated_at"])
        except IntegrityError:
            # They registered again after cancelling: that registration stands.
            return Outcome(Result.DUPLICATE, current)
        tasks.queue_registration_emails(current, Change.CONFIRMED_BY_STAFF)
    return Outcome(Result.CONFIRMED, current)


def erase_registrations(ids):
    """Delete these registrations (a person's data, erased on request); an e-mail still
    queued for them finds no one and is not sent (events.tasks). The places they held go to the first people waiting, as on a
    cancellation; returns those promoted."""
    with transaction.atomic():
        pool_ids = Registration.objects.filter(pk__in=ids).values_list("event_id", flat=True)
        # Locked in one order, so that two erasures never wait for each other.
        pools = [lock_pool(pk) for pk in sorted(set(pool_ids))]
        Registration.objects.filter(pk__in=ids).delete()
        return [registration for pool in pools for registration in _fill_places(pool)]


def _fill_places(pool):
    """Give free places to the waiting list, first come first served. The pool is locked."""
    standing = Registration.objects.filter(event=pool)
    confirmed = standing.filter(status=RegistrationStatus.CONFIRMED).count()
    free = None if pool.capacity is None else pool.capacity - confirmed
    waiting = standing.filter(status=RegistrationStatus.WAITING).order_by("pk")
    if free is not None:
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = []
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        tasks.queue_registration_emails(registration, Change.PROMOTED)
        promoted.append(registration)
    return promoted


def standing_registrations(event):
    """The registrations of the event's pool that hold a place or a place in line."""
    return Registration.objects.filter(event=pool_event(event)).filter(
        Q(status=RegistrationStatus.CONFIRMED) | Q(status=RegistrationStatus.WAITING)
    )

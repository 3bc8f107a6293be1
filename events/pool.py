"""An event's pool of places, read and locked: the one the event in the default language
holds for all its translations.

Below the rest of the app: the event page reads its availability here, and registration
(events.registration), the e-mails and the views build on it. The event page type is
reached through the registrations' foreign key, so this module imports no page model.
"""

from django.conf import settings
from django.db.models import Count

from .choices import RegistrationMode, RegistrationState, RegistrationStatus
from .models.registrations import Registration


class Change:
    REGISTERED = "registered"  # a new registration, confirmed or on the waiting list
    PROMOTED = "promoted"  # moved from the waiting list to a place, as places freed up
    CONFIRMED_BY_STAFF = "confirmed_by_staff"
    CANCELLED = "cancelled"  # by the person, with the link from their e-mail
    CANCELLED_BY_STAFF = "cancelled_by_staff"


# The availability of places, beyond the registration states of EventPage.
FULL = "full"
WAITING_LIST = "waiting_list"


def event_model():
    """The event page type: what a registration's `event` points to."""
    return Registration._meta.get_field("event").related_model


def pool_event(event):
    """The event whose places all translations share: the one in the default language."""
    if event.locale.language_code == settings.LANGUAGE_CODE:
        return event
    original = (
        event_model()
        .objects.filter(
            translation_key=event.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .select_related("locale")
        .first()
    )
    return original or event


def lock_pool(pool_pk):
    """The pool's event, its row locked until the transaction ends."""
    return event_model().objects.select_for_update(of=("self",)).get(pk=pool_pk)


def counts(event):
    """{status: number of registrations} of the event's pool, every status present."""
    pool = pool_event(event)
    found = dict(
        Registration.objects.filter(event=pool)
        .values_list("status")
        .annotate(number=Count("pk"))
        .values_list("status", "number")
    )
    return {status: found.get(status, 0) for status in RegistrationStatus.values}


def places_left(event):
    """How many places are still free; None when the number of places is not limited."""
    pool = pool_event(event)
    if pool.capacity is None:
        return None
    confirmed = Registration.objects.filter(event=pool, status=RegistrationStatus.CONFIRMED).count()
    return max(pool.capacity - confirmed, 0)


def availability(event, now=None):
    """(state, places left) for the page: one of EventPage's registration states, with
    `open` refined to FULL (no place, no waiting list) or WAITING_LIST (no place, but the
    waiting list takes people)."""
    state = event.registration_state(now)
    if event.registration_mode != RegistrationMode.FORM or state != RegistrationState.OPEN:
        return state, None
    left = places_left(event)
    if left == 0:
        return (WAITING_LIST if pool_event(event).waiting_list else FULL), 0
    return state, left


def waiting_position(registration):
    """1 for the next person in line, 2 for the one after, …"""
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=RegistrationStatus.WAITING,
            pk__lt=registration.pk,
        ).count()
        + 1
    )


def availability_of_listed(events, now=None):
    """{event pk: (state, places left)} as `availability` gives it, for a page of a
    listing at once: the places left of all of them counted in one query (one more when
    some are translations, whose pool is their original's), so that a card can show
    "Places left: 3" at a fixed cost per page."""
    open_with_places = [
        event
        for event in events
        if event.registration_mode == RegistrationMode.FORM
        and event.registration_state(now) == RegistrationState.OPEN
    ]
    originals = {}
    translations = [
        event for event in open_with_places if event.locale.language_code != settings.LANGUAGE_CODE
    ]
    if translations:
        originals = {
            original.translation_key: original
            for original in event_model()
            .objects.filter(
                translation_key__in={event.translation_key for event in translations},
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .only("pk", "translation_key", "capacity", "waiting_list")
        }
    pools = {
        event.pk: originals.get(event.translation_key, event)
        if event.locale.language_code != settings.LANGUAGE_CODE
        else event
        for event in open_with_places
    }
    limited = {pool.pk for pool in pools.values() if pool.capacity is not None}
    confirmed = {}
    if limited:
        confirmed = dict(
            Registration.objects.filter(event_id__in=limited, status=RegistrationStatus.CONFIRMED)
            .values_list("event_id")
            .annotate(number=Count("pk"))
            .values_list("event_id", "number")
        )
    found = {}
    for event in events:
        pool = pools.get(event.pk)
        if pool is None:
            result = (event.registration_state(now), None)
        elif pool.capacity is None:
            result = (RegistrationState.OPEN, None)
        else:
            left = max(pool.capacity - confirmed.get(pool.pk, 0), 0)
            if left == 0:
                result = (WAITING_LIST if pool.waiting_list else FULL), 0
            else:
                result = (RegistrationState.OPEN, left)
        found[event.pk] = result
    return found

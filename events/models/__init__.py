"""An organization's events: event pages, the event index that lists them, and the
registrations for them."""

from .event_index import PAST, UPCOMING, EventIndexPage, upcoming_events_for_home
from .event_page import EventPage, EventPageQuerySet
from .registrations import EventFormField, Registration, RegistrationAccessLog

__all__ = [
    "PAST",
    "UPCOMING",
    "EventIndexPage",
    "EventPage",
    "EventFormField",
    "EventPageQuerySet",
    "Registration",
    "RegistrationAccessLog",
    "upcoming_events_for_home",
]

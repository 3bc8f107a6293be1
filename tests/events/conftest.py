"""Events of two organizations: their event indexes (made by create_organization), events
at times relative to now, their translations and photos."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.dates import WARSAW
from events.models import EventIndexPage, EventPage
from organizations.provisioning import group_name
from tests.conftest import make_staff
from tests.utils import add_child_page, listing_page, translate_page
from tests.utils import make_image as make_image
from tests.utils import text_of as text_of
from tests.utils import visit as visit

MEETING_URL = "https://meet.example.org/secret-room-4711"


def path_of(page):
    """The page's address on its own site: /pl/wydarzenia/…/."""
    return page.get_url_parts()[2]


def event_index(org, language="pl"):
    """The organization's event index in a language, as create_organization made it."""
    return listing_page(EventIndexPage, org, language)


def warsaw(*args):
    """A moment in Warsaw time: warsaw(2023, 12, 14, 9, 30)."""
    return datetime.datetime(*args, tzinfo=WARSAW)


def in_days(days, hour=10, minute=0):
    """Today plus `days` (negative: ago) at the given time, Warsaw time."""
    day = timezone.localdate(timezone=WARSAW) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WARSAW)


def add_event(index, title, start, end=None, *, publish=True, **fields):
    """An event of the index, two hours long unless told, published unless asked otherwise."""
    event = EventPage(
        title=title, start=start, end=end or start + datetime.timedelta(hours=2), **fields
    )
    return add_child_page(index, event, publish=publish)


def translate_event(event, language, **fields):
    """The event in another language, published, as a translator leaves it."""
    return translate_page(event, language, **fields)


@pytest.fixture
def index_a(org_a):
    return event_index(org_a)


@pytest.fixture
def index_b(org_b):
    return event_index(org_b)


@pytest.fixture
def integration_talk(index_a):
    """The Studio M6 meeting, in the future: in person in Toruń, with a form and 40 places."""
    return add_event(
        index_a,
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        intro="Diagnoza problemów i wspólne wypracowanie mechanizmów integracyjnych.",
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        postal_code="87-100",
        city="Toruń",
        languages=["pl", "uk"],
        interpretation=True,
        registration_mode="form",
        capacity=40,
        waiting_list=True,
    )


@pytest.fixture
def editor_registrar_a(org_a):
    """An editor of Fundacja Alfa who is also in its registrations group: may say where
    registrations are e-mailed (the e-mail domains, an event's notification address)."""
    user = make_staff(org_a, "editors", username="alfa-editor-registrations")
    user.groups.add(Group.objects.get(name=group_name(org_a.name, "registrations")))
    return user

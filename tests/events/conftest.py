"""Events of two organizations: their event indexes (made by create_organization), events
at times relative to now, their translations and photos."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from events.dates import WARSAW
from events.models import EventIndexPage, EventPage

Image = get_image_model()

MEETING_URL = "https://meet.example.org/secret-room-4711"


def visit(org, path, **headers):
    return Client().get(path, HTTP_HOST=org.site.hostname, **headers)


def path_of(page):
    """The page's address on its own site: /pl/wydarzenia/…/."""
    return page.get_url_parts()[2]


def text_of(response):
    return response.content.decode()


def event_index(org, language="pl"):
    """The organization's event index in a language, as create_organization made it."""
    return EventIndexPage.objects.get(
        locale__language_code=language,
        path__startswith=org.root_pages().get(locale__language_code=language).path,
    )


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
        title=title,
        start=start,
        end=end or start + datetime.timedelta(hours=2),
        live=publish,
        **fields,
    )
    index.add_child(instance=event)
    revision = event.save_revision()
    if publish:
        revision.publish()
    event.refresh_from_db()
    return event


def translate_event(event, language, **fields):
    """The event in another language, published, as a translator leaves it."""
    translated = event.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def make_image(org, title="Zdjęcie"):
    return Image.objects.create(
        title=title,
        file=get_test_image_file(filename="photo.png", size=(1600, 900)),
        collection=org.collection,
    )


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

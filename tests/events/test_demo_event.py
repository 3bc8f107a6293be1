"""`manage.py demo`: Studio M6's meeting in Toruń, in its languages, translated through
wagtail-localize, with its partners and its info box."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from core.dates import WARSAW
from events.models import EventIndexPage, EventPage
from home.demo import demo_event_times

# wagtail-localize publishes translations when a transaction commits: real commits.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLES = {
    "pl": "Porozmawiajmy o integracji",
    "uk": "Поговорімо про інтеграцію",
    "en": "Let's talk about integration",
}


def run_demo():
    call_command("demo", "--port", "8123", stdout=StringIO())


def test_studio_m6_has_the_meeting_in_toru_in_its_languages():
    run_demo()
    start, _end = demo_event_times()

    for language, title in TITLES.items():
        event = EventPage.objects.get(
            slug="porozmawiajmy-o-integracji",
            locale__language_code=language,
            url_path__startswith="/m6",
        )
        assert event.live
        assert event.title == title
        assert event.start == start
        assert event.start.astimezone(WARSAW).strftime("%m-%d %H:%M") == "12-14 09:30"
        assert event.end.astimezone(WARSAW).strftime("%H:%M") == "15:30"
        assert event.full_address() == "ul. Mostowa 6, 87-100 Toruń"
        assert event.registration_mode == "form"
        assert event.capacity == 30
        assert isinstance(event.get_parent().specific, EventIndexPage)

        response = Client().get(event.get_url_parts()[2], HTTP_HOST="m6.localhost")
        html = response.content.decode()
        assert response.status_code == 200
        assert title.replace("'", "&#x27;") in html
        assert 'class="event-info' in html
        assert "Fundacja Stocznia" in html
        assert "openstreetmap.org/search" in html

    ukrainian = EventPage.objects.get(locale__language_code="uk", url_path__startswith="/m6")
    assert ukrainian.venue_name == "соціальна кав'ярня PERS"
    assert "Чому така зустріч?" in str(ukrainian.body)
    html = Client().get(ukrainian.get_url_parts()[2], HTTP_HOST="m6.localhost").content.decode()
    assert f"14 грудня {start.year}, 9:30" in html
    assert "Інформаційна співпраця" in html
    assert not EventPage.objects.filter(url_path__startswith="/konsorcjum")


def test_a_second_run_adds_no_second_event():
    run_demo()
    events = EventPage.objects.count()

    run_demo()

    assert EventPage.objects.count() == events

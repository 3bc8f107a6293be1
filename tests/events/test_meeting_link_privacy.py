"""The meeting link of an online or hybrid event goes only to registered people: no public
page, list, feed, calendar file, structured data or search result ever shows it."""

import pytest

from tests.events.helpers import MEETING_URL, add_event, in_days, path_of, translate_event
from tests.utils import add_content_page, text_of, visit

pytestmark = pytest.mark.django_db

SECRET = "secret-room-4711"


@pytest.fixture
def online_events(org_a, index_a):
    webinar = add_event(
        index_a,
        "Webinar o legalizacji pobytu",
        in_days(3, 18),
        format="online",
        meeting_url=MEETING_URL,
        intro="Prawo pobytu dla osób z Ukrainy.",
    )
    translate_event(webinar, "uk", title="Вебінар про легалізацію перебування")
    past = add_event(
        index_a,
        "Forum hybrydowe",
        in_days(-3),
        format="hybrid",
        meeting_url=MEETING_URL,
        venue_name="Chatka Żaka",
        city="Lublin",
    )
    page = add_content_page(
        org_a,
        "Zaproszenie",
        slug="zaproszenie",
        body=[("event_info_box", {"event": webinar, "heading": ""})],
    )
    return webinar, past, page


def public_addresses(webinar, past, page):
    return [
        "/pl/",
        "/uk/",
        "/pl/wydarzenia/",
        "/pl/wydarzenia/?when=past",
        "/pl/wydarzenia/?format=online",
        "/uk/podii/",
        path_of(webinar),
        f"{path_of(webinar)}ics/",
        path_of(webinar.get_translation(_uk())),
        path_of(past),
        f"{path_of(past)}ics/",
        "/pl/wydarzenia/ics/",
        "/uk/podii/ics/",
        path_of(page),
        "/pl/szukaj/?q=webinar",
    ]


def _uk():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="uk")


@pytest.mark.usefixtures("search_index")
def test_the_meeting_link_appears_nowhere_a_visitor_can_look(org_a, online_events):
    webinar, past, page = online_events
    shown = {}
    for address in public_addresses(webinar, past, page):
        response = visit(org_a, address)
        assert response.status_code == 200, address
        shown[address] = text_of(response)

    assert [address for address, text in shown.items() if SECRET in text] == []
    assert "Webinar o legalizacji pobytu" in shown[path_of(webinar)]
    assert "Webinar o legalizacji pobytu" in shown["/pl/wydarzenia/ics/"]
    assert "Webinar o legalizacji pobytu" in shown[path_of(page)]
    assert "Webinar o legalizacji pobytu" in shown["/pl/szukaj/?q=webinar"]


def test_searching_for_the_meeting_link_finds_nothing(org_a, online_events):
    # The search page repeats the query; what matters is that no event matches it.
    for query in ("meet.example.org", SECRET):
        html = text_of(visit(org_a, f"/pl/szukaj/?q={query}"))

        assert "Webinar o legalizacji pobytu" not in html
        assert "Forum hybrydowe" not in html


def test_the_meeting_link_is_kept_for_registration_and_synchronised_to_translations(
    online_events,
):
    webinar, _past, _page = online_events

    translated = webinar.get_translation(_uk())

    assert webinar.meeting_url == MEETING_URL
    assert translated.specific.meeting_url == MEETING_URL

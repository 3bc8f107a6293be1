"""The schema.org Event in each event page's <head>, as a search engine reads it."""

import json
import re

import pytest

from events.registration import register
from tests.events.helpers import MEETING_URL, add_event, path_of, warsaw
from tests.utils import make_image, text_of, visit

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(org, event):
    html = text_of(visit(org, path_of(event)))
    head = html[: html.index("</head>")]
    [data] = SCRIPT.findall(head)
    return json.loads(data)


def test_an_in_person_event_is_an_offline_event_at_a_place(org_a, integration_talk):
    data = json_ld(org_a, integration_talk)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Porozmawiajmy o integracji"
    assert data["url"] == integration_talk.get_full_url()
    assert (
        data["startDate"]
        == integration_talk.start.astimezone(warsaw(2000, 1, 1).tzinfo).isoformat()
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT09:30:00\+0[12]:00", data["startDate"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT15:30:00\+0[12]:00", data["endDate"])
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "Place",
        "name": "kawiarnia społeczna PERS",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "ul. Mostowa 6",
            "postalCode": "87-100",
            "addressLocality": "Toruń",
        },
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Fundacja Alfa",
        "url": "http://alfa.localhost/pl/",
    }
    assert data["description"] == integration_talk.intro
    assert data["inLanguage"] == ["pl", "uk"]
    assert data["offers"] == {
        "@type": "Offer",
        "url": integration_talk.get_full_url(),
        "price": 0,
        "priceCurrency": "PLN",
        "availability": "https://schema.org/InStock",
    }


def test_an_online_event_is_at_its_own_page_never_at_the_meeting_link(org_a, index_a):
    event = add_event(
        index_a, "Webinar", warsaw(2030, 7, 1, 18), format="online", meeting_url=MEETING_URL
    )

    data = json_ld(org_a, event)

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": event.get_full_url()}
    assert MEETING_URL not in json.dumps(data)
    assert data["inLanguage"] == "pl"
    assert "offers" not in data


def test_a_hybrid_event_is_both_at_a_place_and_online(org_a, integration_talk):
    integration_talk.format = "hybrid"
    integration_talk.meeting_url = MEETING_URL
    integration_talk.save_revision().publish()

    data = json_ld(org_a, integration_talk)

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][1]["url"] == integration_talk.get_full_url()


@pytest.mark.parametrize(
    ("status", "expected"),
    [("cancelled", "EventCancelled"), ("postponed", "EventPostponed")],
)
def test_a_cancelled_or_postponed_event_says_so(org_a, integration_talk, status, expected):
    integration_talk.status = status
    integration_talk.save_revision().publish()

    data = json_ld(org_a, integration_talk)

    assert data["eventStatus"] == f"https://schema.org/{expected}"
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"


def test_external_registration_not_yet_open_is_offered_there_in_advance(org_a, integration_talk):
    integration_talk.registration_mode = "external"
    integration_talk.registration_url = "https://example.org/zapisy"
    integration_talk.registration_opens_at = warsaw(2099, 1, 1, 9)
    integration_talk.start = warsaw(2099, 2, 1, 9)
    integration_talk.end = warsaw(2099, 2, 1, 12)
    integration_talk.save_revision().publish()

    offer = json_ld(org_a, integration_talk)["offers"]

    assert offer["url"] == "https://example.org/zapisy"
    assert offer["availability"] == "https://schema.org/PreOrder"
    assert offer["validFrom"] == "2099-01-01T09:00:00+01:00"


def test_an_all_day_event_has_dates_only_and_the_photo_is_an_absolute_address(org_a, index_a):
    event = add_event(
        index_a,
        "Forum",
        warsaw(2030, 3, 21, 9),
        warsaw(2030, 3, 23, 17),
        all_day=True,
        hero_image=make_image(org_a),
        hero_alt_text="Forum",
    )

    data = json_ld(org_a, event)

    assert (data["startDate"], data["endDate"]) == ("2030-03-21", "2030-03-23")
    assert data["image"][0].startswith("http://alfa.localhost/media/images/")


def test_a_title_cannot_break_out_of_the_script(org_a, index_a):
    title = 'Spotkanie </script><script>alert("x")</script> & <b>'
    event = add_event(index_a, title, warsaw(2030, 7, 1, 18))

    html = text_of(visit(org_a, path_of(event)))
    head = html[: html.index("</head>")]

    assert "<script>alert" not in html
    assert head.count("</script>") == head.count("<script")
    assert json_ld(org_a, event)["name"] == title


@pytest.mark.parametrize("waiting_list", [False, True])
def test_an_event_with_every_place_taken_is_sold_out(org_a, integration_talk, waiting_list):
    integration_talk.capacity = 1
    integration_talk.waiting_list = waiting_list
    integration_talk.save_revision().publish()
    assert json_ld(org_a, integration_talk)["offers"]["availability"].endswith("/InStock")
    register(
        integration_talk,
        name="Anna",
        email="anna@example.org",
        language="pl",
        consent_text="Zgadzam się",
        consent_version="1",
    )

    offer = json_ld(org_a, integration_talk)["offers"]

    assert offer["availability"] == "https://schema.org/SoldOut"

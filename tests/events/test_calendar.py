"""Calendar files: one event to download from its page, and each index's upcoming events
as a feed a calendar application subscribes to, read back with the icalendar library."""

import datetime

import pytest
from icalendar import Calendar

from tests.events.helpers import (
    MEETING_URL,
    add_event,
    event_index,
    in_days,
    path_of,
    translate_event,
    warsaw,
)
from tests.query_budgets import BUDGETS
from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db


def read_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return calendar.walk("VEVENT")


@pytest.fixture
def online_workshop(index_a):
    return add_event(
        index_a,
        "Warsztaty online",
        warsaw(2030, 7, 1, 18, 0),
        warsaw(2030, 7, 1, 20, 0),
        format="online",
        meeting_url=MEETING_URL,
        intro="Dla organizacji z regionu.",
    )


def test_an_event_downloads_as_an_ics_file_with_warsaw_times(org_a, integration_talk):
    response = visit(org_a, f"{path_of(integration_talk)}ics/")
    calendar = read_calendar(response)
    [event] = events_of(calendar)

    assert response["Content-Disposition"] == (
        'attachment; filename="porozmawiajmy-o-integracji.ics"'
    )
    assert str(calendar["version"]) == "2.0"
    assert event["dtstart"].params["TZID"] == "Europe/Warsaw"
    assert event.decoded("dtstart") == integration_talk.start
    assert event.decoded("dtend") == integration_talk.end
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)  # winter
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert str(event["summary"]) == "Porozmawiajmy o integracji"
    assert str(event["location"]) == "kawiarnia społeczna PERS, ul. Mostowa 6, 87-100 Toruń"
    assert str(event["url"]) == integration_talk.get_full_url()
    assert str(event["status"]) == "CONFIRMED"
    assert integration_talk.get_full_url() in str(event["description"])


def test_summer_times_carry_the_summer_offset(org_a, online_workshop):
    [event] = events_of(read_calendar(visit(org_a, f"{path_of(online_workshop)}ics/")))

    start = event.decoded("dtstart")
    assert start.utcoffset() == datetime.timedelta(hours=2)
    assert start.astimezone(datetime.UTC) == datetime.datetime(
        2030, 7, 1, 16, 0, tzinfo=datetime.UTC
    )


def test_an_all_day_event_is_given_as_dates_ending_the_day_after(org_a, index_a):
    forum = add_event(
        index_a, "Forum", warsaw(2030, 3, 21, 9), warsaw(2030, 3, 23, 17), all_day=True
    )

    [event] = events_of(read_calendar(visit(org_a, f"{path_of(forum)}ics/")))

    assert event.decoded("dtstart") == datetime.date(2030, 3, 21)
    assert event.decoded("dtend") == datetime.date(2030, 3, 24)


def test_a_cancelled_event_is_cancelled_in_the_calendar(org_a, integration_talk):
    integration_talk.status = "cancelled"
    integration_talk.save_revision().publish()

    [event] = events_of(read_calendar(visit(org_a, f"{path_of(integration_talk)}ics/")))

    assert str(event["status"]) == "CANCELLED"


def test_an_online_event_gives_no_meeting_link(org_a, online_workshop):
    response = visit(org_a, f"{path_of(online_workshop)}ics/")
    [event] = events_of(read_calendar(response))

    assert MEETING_URL not in response.content.decode()
    assert "secret-room" not in response.content.decode()
    assert str(event["location"]) == "Online"
    assert str(event["url"]) == online_workshop.get_full_url()


def test_the_feed_lists_the_upcoming_events_of_this_index_in_its_language(
    org_a, org_b, index_a, index_b
):
    later = add_event(index_a, "Później", in_days(20))
    add_event(index_a, "Wkrótce", in_days(2))
    add_event(index_a, "Dawno", in_days(-20))
    add_event(index_a, "Szkic", in_days(3), publish=False)
    translate_event(later, "uk", title="Пізніше")
    add_event(index_b, "Wydarzenie Bety", in_days(4))

    polish = read_calendar(visit(org_a, "/pl/wydarzenia/ics/"))
    ukrainian = read_calendar(visit(org_a, "/uk/podii/ics/"))

    assert [str(e["summary"]) for e in events_of(polish)] == ["Wkrótce", "Później"]
    # An event not yet translated is in the Ukrainian calendar too, marked as Polish.
    assert [str(e["summary"]) for e in events_of(ukrainian)] == ["Wkrótce (польською)", "Пізніше"]
    assert str(polish["x-wr-calname"]) == "Wydarzenia – Fundacja Alfa"
    uids = [str(e["uid"]) for e in events_of(polish)] + [
        str(e["uid"]) for e in events_of(ukrainian)
    ]
    assert len(set(uids)) == 3


def test_the_feed_holds_no_meeting_link(org_a, online_workshop):
    response = visit(org_a, "/pl/wydarzenia/ics/")

    assert [str(e["summary"]) for e in events_of(read_calendar(response))] == ["Warsztaty online"]
    assert MEETING_URL not in response.content.decode()


def test_the_index_page_links_to_its_feed_in_head_and_in_the_text(org_a, index_a):
    html = text_of(visit(org_a, "/pl/wydarzenia/"))
    head = html[: html.index("</head>")]

    assert (
        '<link rel="alternate" type="text/calendar" title="Wydarzenia (iCalendar)" '
        'hreflang="pl" href="/pl/wydarzenia/ics/">'
    ) in head
    assert '<a href="/pl/wydarzenia/ics/" type="text/calendar">' in html
    assert visit(org_a, "/uk/podii/ics/").status_code == 200
    assert event_index(org_a, "en").calendar_url() is not None


@pytest.mark.parametrize("count", [3, 12])
def test_the_feed_runs_the_same_number_of_queries_for_few_and_many_events(
    org_a, index_a, count, django_assert_num_queries
):
    for number in range(count):
        add_event(index_a, f"Wydarzenie {number}", in_days(number + 1))
    visit(org_a, "/pl/wydarzenia/ics/")

    with django_assert_num_queries(BUDGETS["calendar"][0]):
        response = visit(org_a, "/pl/wydarzenia/ics/")

    assert len(events_of(read_calendar(response))) == count

"""Events announced with only a start: staff leave "Ends at" empty; visitors, calendars and
search engines get the start alone, and the event counts as past once its first day is over."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events.emails import calendar_attachment
from events.management.commands.purge_registrations import ended_events
from events.models import EventPage
from events.structured_data import event_json_ld
from tests.events.helpers import add_event, add_url, event_form, in_days, path_of, warsaw
from tests.utils import PASSWORD, add_child_page, text_of, visit

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def add_open_ended(index, title, start, **fields):
    return add_child_page(index, EventPage(title=title, start=start, end=None, **fields))


def the_only_vevent(response):
    assert response.status_code == 200
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    return event


def test_an_editor_publishes_an_event_without_an_end(client, editor_a, index_a):
    client.login(username=editor_a.username, password=PASSWORD)

    response = client.post(add_url(index_a), event_form(end="", **{"action-publish": "publish"}))

    assert response.status_code == 302
    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    assert event.live
    assert event.start == warsaw(2030, 12, 14, 9, 30)
    assert event.end is None


def test_an_end_before_the_start_is_still_refused(client, editor_a, index_a):
    client.login(username=editor_a.username, password=PASSWORD)

    response = client.post(add_url(index_a), event_form(end="2030-12-14 08:00"))

    assert response.status_code == 200
    assert "end" in response.context["form"].errors


def test_only_the_start_is_written(index_a):
    timed = add_open_ended(index_a, "Spotkanie", warsaw(2030, 12, 14, 9, 30))
    all_day = add_open_ended(index_a, "Festyn", warsaw(2030, 12, 14, 17, 0), all_day=True)
    closed = add_event(index_a, "Warsztat", warsaw(2030, 12, 14, 9, 30))

    assert timed.date_text("pl") == "14 grudnia 2030, 9:30"
    assert timed.date_text("uk") == "14 грудня 2030, 9:30"
    assert all_day.date_text("pl") == "14 grudnia 2030"
    assert all_day.start == warsaw(2030, 12, 14, 0, 0)
    assert all_day.end is None
    assert closed.date_text("pl") == "14 grudnia 2030, 9:30–11:30"  # the positive control


def test_the_event_page_and_the_listing_show_only_the_start(org_a, index_a):
    start = in_days(5, 18, 0)
    event = add_open_ended(index_a, "Wieczór filmowy", start)
    written = event.date_text("pl")

    page = text_of(visit(org_a, path_of(event)))
    listing = text_of(visit(org_a, path_of(index_a)))

    for html in (page, listing):
        assert f'<time datetime="{start.isoformat(timespec="minutes")}">{written}</time>' in html
        assert f"{written}</time>–" not in html
        assert f"{written}</time> – " not in html


@pytest.mark.parametrize(
    ("days", "hour", "upcoming"),
    [(0, 0, True), (0, 23, True), (3, 12, True), (-1, 23, False), (-7, 10, False)],
)
def test_an_open_ended_event_is_upcoming_until_its_first_day_is_over(index_a, days, hour, upcoming):
    event = add_open_ended(index_a, "Spotkanie", in_days(days, hour))

    assert (event in index_a.upcoming_events()) is upcoming
    assert (event in index_a.past_events()) is not upcoming
    assert event.is_over() is not upcoming


def test_the_months_filter_finds_an_open_ended_event_in_its_month_only(index_a):
    event = add_open_ended(index_a, "Spotkanie", warsaw(2030, 12, 14, 9, 30))
    now = warsaw(2030, 1, 1)

    in_december = index_a.upcoming_events(now).in_month(datetime.date(2030, 12, 1))
    in_january = index_a.upcoming_events(now).in_month(datetime.date(2031, 1, 1))

    assert list(in_december) == [event]
    assert list(in_january) == []


def test_the_calendar_file_has_no_end_so_the_event_lasts_its_start(org_a, index_a):
    timed = add_open_ended(index_a, "Spotkanie", warsaw(2030, 12, 14, 9, 30), slug="spotkanie")
    all_day = add_open_ended(index_a, "Festyn", warsaw(2030, 12, 15), all_day=True, slug="festyn")
    closed = add_event(index_a, "Warsztat", warsaw(2030, 12, 16, 9, 30), slug="warsztat")

    timed_item = the_only_vevent(visit(org_a, f"{path_of(timed)}ics/"))
    all_day_item = the_only_vevent(visit(org_a, f"{path_of(all_day)}ics/"))
    closed_item = the_only_vevent(visit(org_a, f"{path_of(closed)}ics/"))

    # RFC 5545, 3.6.1: a date-time DTSTART alone ends when it starts, a date alone lasts a day.
    assert timed_item.decoded("dtstart") == warsaw(2030, 12, 14, 9, 30)
    assert "dtend" not in timed_item
    assert all_day_item.decoded("dtstart") == datetime.date(2030, 12, 15)
    assert "dtend" not in all_day_item
    assert closed_item.decoded("dtend") == warsaw(2030, 12, 16, 11, 30)


def test_the_subscribed_calendar_and_the_participants_file_take_open_ended_events(org_a, index_a):
    event = add_open_ended(index_a, "Spotkanie", in_days(3, 18, 0))
    add_event(index_a, "Warsztat", in_days(4, 10, 0))

    feed = Calendar.from_ical(visit(org_a, f"{path_of(index_a)}ics/").content)
    attachment = Calendar.from_ical(calendar_attachment(event, org_a)["content"])

    assert sorted(str(item["summary"]) for item in feed.walk("VEVENT")) == [
        "Spotkanie",
        "Warsztat",
    ]
    [item] = attachment.walk("VEVENT")
    assert "dtend" not in item


def test_search_engines_get_no_end_date(org_a, index_a):
    event = add_open_ended(index_a, "Spotkanie", warsaw(2030, 12, 14, 9, 30))
    closed = add_event(index_a, "Warsztat", warsaw(2030, 12, 16, 9, 30))

    html = text_of(visit(org_a, path_of(event)))
    [script] = SCRIPT.findall(html[: html.index("</head>")])
    data = json.loads(script)

    assert data["startDate"] == "2030-12-14T09:30:00+01:00"
    assert "endDate" not in data
    assert event_json_ld(closed)["endDate"] == "2030-12-16T11:30:00+01:00"


def test_registrations_of_an_open_ended_event_are_purged_after_its_first_day(org_a, index_a):
    yesterday = add_open_ended(index_a, "Wczoraj", in_days(-1, 20, 0))
    today = add_open_ended(index_a, "Dziś", in_days(0, 8, 0))

    ended = {event.pk for event in ended_events(org_a, in_days(0, 12, 0))}

    assert yesterday.pk in ended
    assert today.pk not in ended


def test_the_registrations_list_marks_an_open_ended_event_over_after_its_day(
    client, editor_registrar_a, index_a
):
    add_open_ended(index_a, "Wczoraj", in_days(-1, 18, 0), registration_mode="form")
    add_open_ended(index_a, "Dziś", in_days(0, 0, 0), registration_mode="form")
    client.force_login(editor_registrar_a)

    html = text_of(client.get(reverse("event_registrations:index")))

    over = translation.gettext("Over")
    assert re.search(rf">Wczoraj</a> <span class=\"w-status\">{over}</span>", html)
    assert re.search(r">Dziś</a></td>", html)

"""A visitor finds an event on a phone, in Ukrainian, and puts it in their calendar."""

from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.helpers import fits_the_screen
from tests.events.helpers import add_event, event_index, translate_event, warsaw

PHONE = {"viewport": {"width": 360, "height": 740}, "locale": "uk-UA", "is_mobile": True}


def test_a_visitor_on_a_phone_finds_an_online_event_in_ukrainian_and_saves_it_to_the_calendar(
    new_page, site_url, org_a, axe, third_party_requests
):
    index = event_index(org_a)
    webinar = add_event(
        index,
        "Webinar: legalizacja pobytu",
        warsaw(2030, 12, 14, 17, 30),
        warsaw(2030, 12, 14, 19, 0),
        format="online",
        meeting_url="https://meet.example.org/secret-room-4711",
        languages=["uk", "pl"],
        intro="Prawo pobytu dla osób z Ukrainy.",
    )
    translate_event(
        webinar,
        "uk",
        title="Вебінар: легалізація перебування",
        intro="Право на перебування для людей з України.",
    )
    meeting = add_event(
        index,
        "Porozmawiajmy o integracji",
        warsaw(2030, 12, 10, 9, 30),
        warsaw(2030, 12, 10, 15, 30),
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        city="Toruń",
    )
    translate_event(meeting, "uk", title="Поговорімо про інтеграцію")
    page = new_page(**PHONE)

    page.goto(site_url(org_a, "/uk/podii/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Події")
    cards = page.locator(".event-card-title")
    expect(cards).to_have_text(["Поговорімо про інтеграцію", "Вебінар: легалізація перебування"])
    assert fits_the_screen(page)
    assert axe(page) == []

    page.locator("select[name=format]").select_option("online")
    page.locator(".event-filters button[type=submit]").click()

    expect(page).to_have_url(site_url(org_a, "/uk/podii/?month=&format=online&language="))
    expect(cards).to_have_text(["Вебінар: легалізація перебування"])
    expect(page.locator("select[name=format]")).to_have_value("online")

    cards.get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Вебінар: легалізація перебування")
    expect(page.locator(".event-info dd time").first).to_have_text("14 грудня 2030, 17:30")
    expect(page.locator(".event-info dd time").first).to_have_attribute(
        "datetime", "2030-12-14T17:30+01:00"
    )
    assert "secret-room-4711" not in page.content()
    assert fits_the_screen(page)
    assert axe(page) == []

    with page.expect_download() as download:
        page.locator("a.event-ics").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert download.value.suggested_filename.endswith(".ics")
    assert str(event["summary"]) == "Вебінар: легалізація перебування"
    assert event.decoded("dtstart") == warsaw(2030, 12, 14, 17, 30)
    assert "secret-room-4711" not in Calendar.to_ical(calendar).decode()

    assert third_party_requests == []

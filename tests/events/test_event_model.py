"""What an event page accepts from staff, and what it works out for visitors: where it may
live, the checks on its times, place and registration, and whether registration is open."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from events.choices import EventStatus, RegistrationMode, RegistrationState
from events.models import EventIndexPage, EventPage
from home.models import ContentPage, HomePage
from tests.events.helpers import MEETING_URL, add_event, in_days, warsaw

pytestmark = pytest.mark.django_db


def errors_of(event):
    """{field: [messages]} that full_clean raises for the event as it stands."""
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    return raised.value.message_dict


# --- Where events live -----------------------------------------------------------------


def test_events_live_under_the_event_index_and_the_index_under_a_home_page():
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventPage.allowed_subpage_models() == []
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventIndexPage in HomePage.allowed_subpage_models()
    assert not EventPage.can_exist_under(ContentPage())


def test_one_event_index_per_home_page(org_a, index_a):
    assert not EventIndexPage.can_create_at(org_a.site.root_page.specific)


# --- Validation ------------------------------------------------------------------------


def test_a_valid_event_passes(integration_talk):
    integration_talk.full_clean()


def test_an_event_must_end_after_it_starts(integration_talk):
    integration_talk.end = integration_talk.start

    assert "end" in errors_of(integration_talk)

    integration_talk.end = integration_talk.start - datetime.timedelta(hours=1)
    assert "end" in errors_of(integration_talk)


def test_an_all_day_event_runs_from_midnight_to_the_end_of_its_last_day(index_a):
    event = add_event(
        index_a,
        "Forum",
        warsaw(2030, 3, 21, 15, 0),
        warsaw(2030, 3, 23, 9, 0),
        all_day=True,
    )

    assert event.start == warsaw(2030, 3, 21, 0, 0)
    assert event.end == warsaw(2030, 3, 23, 23, 59, 59)
    event.full_clean()


def test_an_all_day_event_on_one_day_is_valid_whatever_times_were_typed(index_a):
    event = add_event(
        index_a, "Dzień otwarty", warsaw(2030, 5, 9, 12, 0), warsaw(2030, 5, 9, 12, 0), all_day=True
    )

    event.full_clean()
    assert event.date_text("pl") == "9 maja 2030"


def test_an_in_person_event_has_no_meeting_link(integration_talk):
    integration_talk.meeting_url = MEETING_URL

    assert "meeting_url" in errors_of(integration_talk)

    integration_talk.format = "hybrid"
    integration_talk.full_clean()


def test_external_registration_needs_its_address(integration_talk):
    integration_talk.registration_mode = RegistrationMode.EXTERNAL

    assert "registration_url" in errors_of(integration_talk)

    integration_talk.registration_url = "https://example.org/zapisy"
    integration_talk.full_clean()


@pytest.mark.parametrize("mode", [RegistrationMode.NONE, RegistrationMode.FORM])
def test_only_external_registration_has_an_address(integration_talk, mode):
    integration_talk.registration_mode = mode
    integration_talk.registration_url = "https://example.org/zapisy"

    assert "registration_url" in errors_of(integration_talk)


def test_registration_must_close_after_it_opens(integration_talk):
    integration_talk.registration_opens_at = in_days(3)
    integration_talk.registration_closes_at = in_days(2)

    assert "registration_closes_at" in errors_of(integration_talk)


def test_capacity_is_a_positive_number(integration_talk):
    integration_talk.capacity = 0

    assert "capacity" in errors_of(integration_talk)


def test_a_waiting_list_needs_a_number_of_places(integration_talk):
    integration_talk.capacity = None

    assert "waiting_list" in errors_of(integration_talk)


def test_languages_come_from_the_list(integration_talk):
    integration_talk.languages = ["pl", "de"]
    assert "languages" in errors_of(integration_talk)

    integration_talk.languages = []
    assert "languages" in errors_of(integration_talk)


def test_the_calendar_address_is_not_an_event_slug(integration_talk):
    integration_talk.slug = "ics"

    assert "slug" in errors_of(integration_talk)


# --- Registration state ----------------------------------------------------------------


@pytest.fixture
def with_form(index_a):
    return add_event(
        index_a,
        "Warsztaty",
        in_days(10),
        registration_mode=RegistrationMode.FORM,
        registration_opens_at=in_days(2),
        registration_closes_at=in_days(8),
    )


def test_without_registration_the_state_is_none(integration_talk):
    integration_talk.registration_mode = RegistrationMode.NONE

    assert integration_talk.registration_state() == RegistrationState.NONE
    assert integration_talk.registration_state() == "none"


def test_registration_is_not_yet_open_before_its_opening(with_form):
    assert with_form.registration_state() == "not_yet_open"
    assert with_form.registration_state(now=in_days(2) - datetime.timedelta(seconds=1)) == (
        RegistrationState.NOT_YET_OPEN
    )


def test_registration_is_open_between_opening_and_closing(with_form):
    assert with_form.registration_state(now=in_days(2)) == RegistrationState.OPEN
    assert with_form.registration_state(now=in_days(7)) == RegistrationState.OPEN


def test_registration_is_closed_from_its_closing_time(with_form):
    assert with_form.registration_state(now=in_days(8)) == RegistrationState.CLOSED


def test_without_dates_registration_is_open_until_the_event_starts(integration_talk):
    assert integration_talk.registration_state() == RegistrationState.OPEN
    assert integration_talk.registration_state(now=integration_talk.start) == "closed"


@pytest.mark.parametrize("status", [EventStatus.CANCELLED, EventStatus.POSTPONED])
def test_registration_for_a_cancelled_or_postponed_event_is_closed(integration_talk, status):
    integration_talk.status = status

    assert integration_talk.registration_state() == RegistrationState.CLOSED


# --- Place -----------------------------------------------------------------------------


def test_the_address_reads_on_one_line_and_links_to_an_openstreetmap_search(integration_talk):
    assert integration_talk.full_address() == "ul. Mostowa 6, 87-100 Toruń"
    assert integration_talk.place_text() == "kawiarnia społeczna PERS, ul. Mostowa 6, 87-100 Toruń"
    assert integration_talk.map_url() == (
        "https://www.openstreetmap.org/search?query=ul.+Mostowa+6%2C+87-100+Toru%C5%84"
    )


def test_an_online_event_has_no_map(integration_talk):
    integration_talk.format = "online"

    assert integration_talk.map_url() == ""


# --- Translation -----------------------------------------------------------------------


def test_times_numbers_and_links_are_synchronised_and_texts_translated():
    from wagtail_localize.fields import (
        SynchronizedField,
        TranslatableField,
        get_translatable_fields,
    )

    fields = {field.field_name: type(field) for field in get_translatable_fields(EventPage)}

    for name in (
        "start",
        "end",
        "all_day",
        "status",
        "format",
        "meeting_url",
        "languages",
        "interpretation",
        "registration_mode",
        "registration_url",
        "capacity",
        "waiting_list",
        "registration_opens_at",
        "registration_closes_at",
        "street_address",
        "postal_code",
        "city",
        "hero_image",
        "hero_credit",
    ):
        assert fields[name] is SynchronizedField, name
    for name in ("title", "intro", "body", "venue_name", "hero_alt_text", "hero_caption"):
        assert fields[name] is TranslatableField, name
    assert fields["partners"] is TranslatableField
    assert fields["contact"] is TranslatableField


@pytest.mark.usefixtures("search_index")
def test_search_finds_an_event_by_its_venue(integration_talk):
    found = Page.objects.live().search("PERS")

    assert integration_talk.page_ptr in list(found)

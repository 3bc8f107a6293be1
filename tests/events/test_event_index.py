"""The list of events a visitor reads: coming events soonest first, past ones apart and
newest first, filters by month, format and language that work without JavaScript, ten a
page, and only this organization's events in the language of the page."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import PAST, EventPage
from tests.events.helpers import add_event, in_days, register, t, translate_event, warsaw
from tests.home.helpers import Markup
from tests.query_budgets import BUDGETS
from tests.utils import make_image, pagination_shown, text_of, visit

pytestmark = pytest.mark.django_db

# A page of Wagtail and the site (site, settings, locale, routing, view restrictions, menu,
# language switcher, breadcrumbs, privacy policy link, the parts a translation left untranslated)
# and the list: the months for the filter, the count, the events, their photos and the photos'
# renditions.
QUERIES_FOR_THE_EVENT_LIST = BUDGETS["event_index"][0]


def listed_titles(response):
    """Titles of the events on the page, in order."""
    return re.findall(
        r'class="event-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', text_of(response)
    )


def add_events(index, count, **fields):
    return [
        add_event(index, f"Wydarzenie {number}", in_days(number), **fields)
        for number in range(1, count + 1)
    ]


def test_upcoming_events_are_listed_soonest_first_and_past_ones_apart_newest_first(org_a, index_a):
    add_event(index_a, "Za tydzień", in_days(7))
    add_event(index_a, "Jutro", in_days(1))
    add_event(index_a, "Tydzień temu", in_days(-7))
    add_event(index_a, "Wczoraj", in_days(-1))
    # Started two days ago and goes on until tomorrow: still coming, not past.
    add_event(index_a, "Trwa", in_days(-2), in_days(1, 18))

    upcoming = visit(org_a, "/pl/wydarzenia/")
    past = visit(org_a, "/pl/wydarzenia/?when=past")

    assert listed_titles(upcoming) == ["Trwa", "Jutro", "Za tydzień"]
    assert listed_titles(past) == ["Wczoraj", "Tydzień temu"]
    assert [e.title for e in index_a.upcoming_events()] == ["Trwa", "Jutro", "Za tydzień"]
    assert [e.title for e in index_a.events(when=PAST)] == ["Wczoraj", "Tydzień temu"]
    assert 'href="/pl/wydarzenia/" aria-current="page"' in text_of(upcoming)
    assert 'href="/pl/wydarzenia/?when=past" aria-current="page"' in text_of(past)


def test_a_card_shows_the_date_place_format_languages_and_status(org_a, index_a):
    add_event(
        index_a,
        "Porozmawiajmy o integracji",
        warsaw(2030, 12, 14, 9, 30),
        warsaw(2030, 12, 14, 15, 30),
        venue_name="kawiarnia społeczna PERS",
        city="Toruń",
        languages=["pl", "uk"],
        status="cancelled",
        hero_image=make_image(org_a),
        hero_alt_text="Kawiarnia",
    )

    html = text_of(visit(org_a, "/pl/wydarzenia/"))

    assert '<time datetime="2030-12-14T09:30+01:00">14 grudnia 2030, 9:30</time>' in html
    assert "kawiarnia społeczna PERS, Toruń" in html
    assert "polski, ukraiński" in html
    assert 'class="event-badge event-badge-cancelled"' in html
    assert "fill-480x270-c100" in html


def test_filters_are_a_labelled_get_form_that_keeps_the_choices(org_a, index_a):
    add_event(index_a, "Webinar", warsaw(2030, 12, 3, 18), format="online", languages=["uk"])

    html = text_of(visit(org_a, "/pl/wydarzenia/?month=2030-12&format=online&language=uk"))
    markup = Markup(html)
    start = html.index('<form class="event-filters"')
    form = html[start : html.index("</form>", start)]

    assert 'method="get" action="/pl/wydarzenia/"' in form
    for name in ("month", "format", "language"):
        assert f'<label for="id_{name}">' in form
        assert f'name="{name}" id="id_{name}"' in form
    assert '<option value="2030-12" selected>Grudzień 2030</option>' in form
    assert '<option value="online" selected>' in form
    assert '<option value="uk" selected>' in form
    assert markup.problems == []
    assert [name for name, count in markup.ids.items() if count > 1] == []


def test_filter_by_format(org_a, index_a):
    add_event(index_a, "Spotkanie", in_days(1), format="in_person")
    add_event(index_a, "Webinar", in_days(2), format="online")
    add_event(index_a, "Forum", in_days(3), format="hybrid")

    assert listed_titles(visit(org_a, "/pl/wydarzenia/?format=online")) == ["Webinar"]
    assert listed_titles(visit(org_a, "/pl/wydarzenia/?format=hybrid")) == ["Forum"]


def test_filter_by_the_language_of_the_event(org_a, index_a):
    add_event(index_a, "Po polsku", in_days(1), languages=["pl"])
    add_event(index_a, "Po ukraińsku", in_days(2), languages=["uk"])
    add_event(index_a, "Dwujęzyczne", in_days(3), languages=["pl", "uk", "ru"])

    assert listed_titles(visit(org_a, "/pl/wydarzenia/?language=uk")) == [
        "Po ukraińsku",
        "Dwujęzyczne",
    ]
    assert listed_titles(visit(org_a, "/pl/wydarzenia/?language=ru")) == ["Dwujęzyczne"]
    assert listed_titles(visit(org_a, "/pl/wydarzenia/?language=en")) == []


def test_filter_by_month_includes_events_that_run_into_it(org_a, index_a):
    add_event(index_a, "Listopad", warsaw(2030, 11, 20, 10))
    add_event(index_a, "Przełom", warsaw(2030, 11, 30, 10), warsaw(2030, 12, 1, 14))
    add_event(index_a, "Grudzień", warsaw(2030, 12, 14, 10))
    # 23:30 on 31 December in Warsaw is already 1 January nowhere but in UTC+2 and east:
    # the month is Warsaw's.
    add_event(index_a, "Sylwester", warsaw(2030, 12, 31, 23, 30), warsaw(2031, 1, 1, 1, 0))
    add_event(index_a, "Styczeń", warsaw(2031, 1, 5, 10))

    html = text_of(visit(org_a, "/pl/wydarzenia/?month=2030-12"))

    assert listed_titles(visit(org_a, "/pl/wydarzenia/?month=2030-12")) == [
        "Przełom",
        "Grudzień",
        "Sylwester",
    ]
    months = re.findall(r'<option value="(\d{4}-\d\d)"', html)
    assert months == ["2030-11", "2030-12", "2031-01"]


def test_filters_combine_and_past_events_filter_too(org_a, index_a):
    add_event(index_a, "Dawny webinar", in_days(-10), format="online", languages=["uk"])
    add_event(index_a, "Dawne spotkanie", in_days(-5), format="in_person", languages=["uk"])
    add_event(index_a, "Przyszły webinar", in_days(5), format="online", languages=["uk"])

    response = visit(org_a, "/pl/wydarzenia/?when=past&format=online&language=uk")

    assert listed_titles(response) == ["Dawny webinar"]
    assert '<input type="hidden" name="when" value="past">' in text_of(response)


@pytest.mark.parametrize("query", ["format=zdalnie", "language=de", "month=2030-13", "month=abc"])
def test_an_unknown_filter_value_is_ignored(org_a, index_a, query):
    add_event(index_a, "Spotkanie", in_days(1))

    response = visit(org_a, f"/pl/wydarzenia/?{query}")

    assert response.status_code == 200
    assert listed_titles(response) == ["Spotkanie"]


def test_no_match_says_so_and_offers_to_clear_the_filters(org_a, index_a):
    add_event(index_a, "Spotkanie", in_days(1), format="in_person")

    html = text_of(visit(org_a, "/pl/wydarzenia/?format=online"))

    assert listed_titles(visit(org_a, "/pl/wydarzenia/?format=online")) == []
    assert '<a class="event-filters-clear" href="/pl/wydarzenia/">' in html


def test_ten_events_a_page_and_the_pages_keep_the_filters(org_a, index_a):
    add_events(index_a, 23, format="online")

    first = visit(org_a, "/pl/wydarzenia/?format=online")
    third = visit(org_a, "/pl/wydarzenia/?format=online&page=3")

    assert listed_titles(first) == [f"Wydarzenie {n}" for n in range(1, 11)]
    assert listed_titles(third) == ["Wydarzenie 21", "Wydarzenie 22", "Wydarzenie 23"]
    assert 'href="?format=online&amp;page=2" rel="next"' in text_of(first)
    assert 'href="?format=online&amp;page=2" rel="prev"' in text_of(third)
    # The design system's pagination, every numbered page keeping the filter.
    assert pagination_shown(text_of(first)) == ["1", "2", "3", "Następna", "strona", "›"]
    assert 'href="?format=online&amp;page=3"' in text_of(first)


def test_past_pages_keep_to_the_past(org_a, index_a):
    for number in range(1, 13):
        add_event(index_a, f"Dawne {number}", in_days(-number))

    html = text_of(visit(org_a, "/pl/wydarzenia/?when=past"))

    assert 'href="?when=past&amp;page=2" rel="next"' in html


def test_other_organizations_events_and_other_languages_are_never_listed(
    org_a, org_b, index_a, index_b
):
    ours = add_event(index_a, "Wydarzenie Alfy", in_days(1))
    translate_event(ours, "uk", title="Подія Альфи")
    add_event(index_b, "Wydarzenie Bety", in_days(2))

    assert listed_titles(visit(org_a, "/pl/wydarzenia/")) == ["Wydarzenie Alfy"]
    assert listed_titles(visit(org_a, "/uk/podii/")) == ["Подія Альфи"]
    assert listed_titles(visit(org_b, "/pl/wydarzenia/")) == ["Wydarzenie Bety"]
    assert [e.title for e in index_a.upcoming_events()] == ["Wydarzenie Alfy"]


def test_drafts_and_unpublished_events_are_not_listed(org_a, index_a):
    add_event(index_a, "Opublikowane", in_days(1))
    add_event(index_a, "Szkic", in_days(2), publish=False)
    withdrawn = add_event(index_a, "Wycofane", in_days(3))
    withdrawn.unpublish()

    assert listed_titles(visit(org_a, "/pl/wydarzenia/")) == ["Opublikowane"]


def test_an_index_without_events_says_so(org_a, index_a):
    html = text_of(visit(org_a, "/pl/wydarzenia/"))

    assert 'class="event-card' not in html
    assert '<h2 class="event-list-heading">' in html


@pytest.mark.parametrize("count", [3, 12])
@pytest.mark.parametrize("query", ["", "?format=online&language=uk", "?when=past"])
def test_the_list_runs_the_same_number_of_queries_for_few_and_many_events(
    org_a, index_a, count, query, django_assert_num_queries
):
    photo = make_image(org_a)
    for number in range(count):
        days = -(number + 1) if "past" in query else number + 1
        add_event(
            index_a,
            f"Wydarzenie {number}",
            in_days(days) + datetime.timedelta(days=31 * (number % 3)) * (1 if days > 0 else -1),
            format="online",
            languages=["pl", "uk"],
            hero_image=photo,
            hero_alt_text="Uczestnicy",
        )
    visit(org_a, f"/pl/wydarzenia/{query}")  # warm: renditions made, per-process caches filled

    with django_assert_num_queries(QUERIES_FOR_THE_EVENT_LIST):
        response = visit(org_a, f"/pl/wydarzenia/{query}")

    assert len(listed_titles(response)) == min(count, 10)


def test_for_listing_keeps_the_order_it_is_given(index_a):
    add_events(index_a, 3)

    titles = [e.title for e in EventPage.for_listing(index_a.upcoming_events())]

    assert titles == ["Wydarzenie 1", "Wydarzenie 2", "Wydarzenie 3"]


def test_the_schedule_groups_events_under_month_headings_with_date_badges(org_a, index_a):
    add_event(index_a, "Grudniowe", warsaw(2030, 12, 14, 9, 30))
    add_event(index_a, "Sylwestrowe", warsaw(2030, 12, 31, 20, 0))
    add_event(index_a, "Styczniowe", warsaw(2031, 1, 5, 10, 0))

    html = text_of(visit(org_a, "/pl/wydarzenia/"))

    headings = re.findall(
        r'<h3 class="schedule-month-heading" id="month-([\d-]+)"><time datetime="\1">([^<]+)</time></h3>',
        html,
    )
    assert headings == [("2030-12", "Grudzień 2030"), ("2031-01", "Styczeń 2031")]
    december = html[html.index('id="month-2030-12"') : html.index('id="month-2031-01"')]
    assert re.findall(r'class="event-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', december) == [
        "Grudniowe",
        "Sylwestrowe",
    ]
    assert (
        '<time class="date-badge" datetime="2030-12-14" aria-hidden="true">'
        '<span class="date-badge-day">14</span> <span class="date-badge-month">gru</span></time>'
    ) in december
    assert not Markup(html).problems


def test_cards_tell_the_format_and_the_places_left(org_a, index_a):
    workshop = add_event(
        index_a, "Warsztat", in_days(3), registration_mode="form", capacity=5, format="online"
    )
    register(workshop, "Olena", "olena@example.org")
    register(workshop, "Anna", "anna@example.org")
    full = add_event(index_a, "Pełne", in_days(4), registration_mode="form", capacity=1)
    register(full, "Ihor", "ihor@example.org")
    add_event(index_a, "Spacer", in_days(5))

    html = text_of(visit(org_a, "/pl/wydarzenia/"))

    cards = dict(re.findall(r'event-card-title"><a [^>]*>([^<]+)</a>.*?(</article>)', html, re.S))
    assert set(cards) == {"Warsztat", "Pełne", "Spacer"}
    card_of = {
        title: html[
            html.index(f">{title}</a>") : html.index("</article>", html.index(f">{title}</a>"))
        ]
        for title in cards
    }
    assert t("pl", "Online") in card_of["Warsztat"]
    assert "#online" in card_of["Warsztat"]  # its icon
    assert t("pl", "Places left: %(places)s", places=3) in card_of["Warsztat"]
    assert t("pl", "Registration is full.") in card_of["Pełne"]
    assert "event-card-places" not in card_of["Spacer"]


def test_places_left_on_the_cards_cost_the_same_for_few_and_many_events(
    org_a, index_a, django_assert_num_queries
):
    def add_workshops(numbers):
        for number in numbers:
            event = add_event(
                index_a, f"Warsztat {number}", in_days(number), registration_mode="form", capacity=9
            )
            register(event, "Olena", f"olena{number}@example.org")

    add_workshops(range(1, 3))
    visit(org_a, "/pl/wydarzenia/")
    with CaptureQueriesContext(connection) as few:
        visit(org_a, "/pl/wydarzenia/")
    queries_for_two = len(few.captured_queries)  # read now: each request resets the log
    add_workshops(range(3, 9))
    visit(org_a, "/pl/wydarzenia/")

    with django_assert_num_queries(queries_for_two):
        response = visit(org_a, "/pl/wydarzenia/")

    assert text_of(response).count(t("pl", "Places left: %(places)s", places=8)) == 8

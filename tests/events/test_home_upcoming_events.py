"""The home page shows the next three events of its organization, in its language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.helpers import add_event, in_days, translate_event
from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db


def upcoming_on_home(response):
    html = text_of(response)
    if 'class="upcoming-events"' not in html:
        return None
    section = html[html.index('class="upcoming-events"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'class="event-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', section)


def test_the_home_page_shows_the_next_three_events(org_a, index_a):
    add_event(index_a, "Czwarte", in_days(4))
    add_event(index_a, "Pierwsze", in_days(1))
    add_event(index_a, "Trzecie", in_days(3))
    add_event(index_a, "Drugie", in_days(2))
    add_event(index_a, "Minione", in_days(-1))

    response = visit(org_a, "/pl/")

    assert upcoming_on_home(response) == ["Pierwsze", "Drugie", "Trzecie"]
    assert '<a href="/pl/wydarzenia/">' in text_of(response)


def test_without_upcoming_events_the_home_page_has_no_such_section(org_a, index_a):
    add_event(index_a, "Minione", in_days(-1))

    assert upcoming_on_home(visit(org_a, "/pl/")) is None


def test_each_home_page_shows_its_own_organizations_events_in_its_language(
    org_a, org_b, index_a, index_b
):
    ours = add_event(index_a, "Wydarzenie Alfy", in_days(1))
    translate_event(ours, "uk", title="Подія Альфи")
    add_event(index_a, "Tylko po polsku", in_days(2))
    add_event(index_b, "Wydarzenie Bety", in_days(1))

    assert upcoming_on_home(visit(org_a, "/pl/")) == ["Wydarzenie Alfy", "Tylko po polsku"]
    # The translation in place of its original, the event not yet translated marked so.
    ukrainian = visit(org_a, "/uk/")
    assert upcoming_on_home(ukrainian) == ["Подія Альфи", "Tylko po polsku"]
    assert 'href="/uk/podii/tylko-po-polsku/" lang="pl"' in text_of(ukrainian)
    assert upcoming_on_home(visit(org_b, "/pl/")) == ["Wydarzenie Bety"]


def test_with_untranslated_content_hidden_the_home_page_shows_only_translated_events(
    org_a, index_a
):
    ours = add_event(index_a, "Wydarzenie Alfy", in_days(1))
    translate_event(ours, "uk", title="Подія Альфи")
    add_event(index_a, "Tylko po polsku", in_days(2))
    org_a.show_untranslated = False
    org_a.save()

    assert upcoming_on_home(visit(org_a, "/uk/")) == ["Подія Альфи"]
    assert upcoming_on_home(visit(org_a, "/pl/")) == ["Wydarzenie Alfy", "Tylko po polsku"]


def queries_for(org, path):
    visit(org, path)  # warm: per-process caches filled
    with CaptureQueriesContext(connection) as queries:
        visit(org, path)
    return len(queries)


def test_the_home_page_runs_the_same_number_of_queries_for_few_and_many_events(org_a, index_a):
    for number in range(3):
        add_event(index_a, f"Wydarzenie {number}", in_days(number + 1))
    with_three = queries_for(org_a, "/pl/")
    for number in range(3, 12):
        add_event(index_a, f"Wydarzenie {number}", in_days(number + 1))

    assert queries_for(org_a, "/pl/") == with_three

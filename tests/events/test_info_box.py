"""The event info box an editor puts on any page: everything read from the chosen event
when the page is shown, in the page's language."""

import pytest

from events.blocks import EventInfoBoxBlock
from pages.blocks import BodyBlock
from tests.events.helpers import path_of, translate_event, warsaw
from tests.home.helpers import Markup
from tests.utils import add_content_page, text_of, visit

pytestmark = pytest.mark.django_db


def box_of(response):
    html = text_of(response)
    start = html.index('<section class="event-info')
    return html[start : html.index("</section>", start)]


def page_with_box(org, event, **fields):
    return add_content_page(
        org,
        "Zaproszenie",
        slug="zaproszenie",
        body=[("event_info_box", {"event": event, "heading": ""})],
        **fields,
    )


def test_the_box_is_a_body_block_of_every_page():
    assert isinstance(BodyBlock().child_blocks["event_info_box"], EventInfoBoxBlock)


def test_the_box_shows_the_event_when_where_format_places_and_registration(org_a, integration_talk):
    page = page_with_box(org_a, integration_talk)

    box = box_of(visit(org_a, path_of(page)))

    assert f'<p class="event-info-title"><a href="{path_of(integration_talk)}">' in box
    assert integration_talk.date_parts("pl")[0] in box
    assert "kawiarnia społeczna PERS" in box
    assert "openstreetmap.org/search?query=" in box
    assert "40" in box
    assert "event-registration-open" in box


def test_the_box_follows_the_events_changes(org_a, integration_talk):
    page = page_with_box(org_a, integration_talk)
    integration_talk.start = warsaw(2031, 5, 20, 17, 0)
    integration_talk.end = warsaw(2031, 5, 20, 19, 0)
    integration_talk.venue_name = "Centrum Integracji ŁĄCZNIK"
    integration_talk.status = "cancelled"
    integration_talk.save_revision().publish()

    box = box_of(visit(org_a, path_of(page)))

    assert "20 maja 2031, 17:00" in box
    assert "Centrum Integracji ŁĄCZNIK" in box
    assert "kawiarnia społeczna PERS" not in box
    assert 'class="event-status event-status-cancelled"' in box
    assert "event-registration-closed" in box


def test_a_draft_change_to_the_event_is_not_shown(org_a, integration_talk):
    page = page_with_box(org_a, integration_talk)
    integration_talk.venue_name = "Jeszcze nie wiadomo"
    integration_talk.save_revision()  # not published

    box = box_of(visit(org_a, path_of(page)))

    assert "kawiarnia społeczna PERS" in box


def test_the_box_shows_the_events_translation_in_the_pages_language(org_a, integration_talk):
    translate_event(
        integration_talk, "uk", title="Поговорімо про інтеграцію", venue_name="кав'ярня PERS"
    )
    page = page_with_box(org_a, integration_talk)
    translated_page = translate_event(page, "uk")

    box = box_of(visit(org_a, path_of(translated_page)))

    assert "Поговорімо про інтеграцію" in box
    assert "кав&#x27;ярня PERS" in box
    assert integration_talk.date_parts("uk")[0] in box
    assert " lang=" not in box.split(">")[0]


def test_an_untranslated_event_is_shown_in_its_language_and_marked_so(org_a, integration_talk):
    page = page_with_box(org_a, integration_talk)
    translated_page = translate_event(page, "en")

    box = box_of(visit(org_a, path_of(translated_page)))

    assert box.startswith('<section class="event-info" lang="pl">')
    assert "Porozmawiajmy o integracji" in box


def test_an_unpublished_event_leaves_no_box(org_a, integration_talk):
    page = page_with_box(org_a, integration_talk)
    integration_talk.unpublish()

    html = text_of(visit(org_a, path_of(page)))

    assert 'class="event-info' not in html
    assert "Porozmawiajmy o integracji" not in html


def test_the_page_with_a_box_is_well_formed(org_a, integration_talk):
    page = page_with_box(org_a, integration_talk)

    markup = Markup(text_of(visit(org_a, path_of(page))))

    assert markup.problems == []
    headings = markup.headings()
    assert all(later - earlier <= 1 for earlier, later in zip(headings, headings[1:], strict=False))


def test_the_preview_shows_a_sample_event_not_a_real_one(integration_talk):
    block = EventInfoBoxBlock()

    html = str(block.render(block.get_preview_value()))

    assert "14 grudnia 2023" in html or "14 December 2023" in html
    assert "kawiarnia społeczna PERS" in html
    assert 'class="event-info-title"' not in html, "a sample has no page to link to"
    assert Markup(html).problems == []

"""Publishing an original passes what is the same in every language (an event's dates,
place, format, capacity) to its translations at once, and never touches their text."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    TranslationContext,
    TranslationSource,
)

from events.models import EventPage
from tests.events.helpers import add_event, event_index, in_days, translate_event
from tests.utils import make_image
from translations.sync import synchronise_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(org_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return add_event(
            event_index(org_a), "Forum integracji", in_days(10), city="Toruń", capacity=40
        )


@pytest.fixture
def ukrainian(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return translate_event(event, "uk", title="Форум інтеграції", venue_name="Кав'ярня")


def reschedule(event, django_capture_on_commit_callbacks, **fields):
    event = EventPage.objects.get(pk=event.pk)
    for name, value in fields.items():
        setattr(event, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()


def test_a_new_date_and_place_reach_the_live_translation_and_its_text_stays(
    event, ukrainian, django_capture_on_commit_callbacks
):
    start = in_days(20)
    reschedule(
        event,
        django_capture_on_commit_callbacks,
        start=start,
        end=start + datetime.timedelta(hours=3),
        city="Bydgoszcz",
        capacity=60,
        title="Forum integracji – nowy termin",
    )

    translated = EventPage.objects.get(pk=ukrainian.pk)
    assert (translated.start, translated.city, translated.capacity) == (start, "Bydgoszcz", 60)
    assert translated.live
    assert not translated.has_unpublished_changes
    # The translator's text, not the original's new title.
    assert translated.title == "Форум інтеграції"
    assert translated.venue_name == "Кав'ярня"


def test_a_translation_with_unpublished_work_gets_the_new_date_in_a_draft(
    event, ukrainian, django_capture_on_commit_callbacks
):
    draft = EventPage.objects.get(pk=ukrainian.pk)
    draft.title = "Форум інтеграції (чернетка)"
    draft.save_revision()
    start = in_days(30)

    reschedule(
        event,
        django_capture_on_commit_callbacks,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )

    translated = EventPage.objects.get(pk=ukrainian.pk)
    latest = translated.get_latest_revision_as_object()
    # Live: unchanged until the translator publishes; the draft keeps their words.
    assert translated.start != start
    assert translated.title == "Форум інтеграції"
    assert latest.start == start
    assert latest.title == "Форум інтеграції (чернетка)"


def test_a_value_the_translator_overrode_for_their_language_stays(
    event, ukrainian, django_capture_on_commit_callbacks
):
    source = TranslationSource.get_or_create_from_instance(EventPage.objects.get(pk=event.pk))[0]
    context, _ = TranslationContext.objects.get_or_create(
        object_id=event.translation_key, path="hero_credit"
    )
    OverridableSegment.objects.get_or_create(
        source=source, context=context, defaults={"order": 0, "data_json": '""'}
    )
    SegmentOverride.objects.create(
        locale=Locale.objects.get(language_code="uk"), context=context, data_json='"Фото: Олена"'
    )
    EventPage.objects.filter(pk=ukrainian.pk).update(hero_credit="Фото: Олена")

    reschedule(event, django_capture_on_commit_callbacks, hero_credit="Zdjęcie: Jan", city="Gdańsk")

    translated = EventPage.objects.get(pk=ukrainian.pk)
    assert translated.hero_credit == "Фото: Олена"
    assert translated.city == "Gdańsk"


def test_an_image_chosen_for_the_original_reaches_the_translations(
    org_a, event, ukrainian, django_capture_on_commit_callbacks
):
    photo = make_image(org_a, "Forum")

    reschedule(event, django_capture_on_commit_callbacks, hero_image=photo, hero_alt_text="Sala")

    translated = EventPage.objects.get(pk=ukrainian.pk)
    assert translated.hero_image == photo
    # The alt text is words: the translator's to write.
    assert translated.hero_alt_text == ""


def test_publishing_a_translation_changes_nothing_of_the_original(
    event, ukrainian, django_capture_on_commit_callbacks
):
    translated = EventPage.objects.get(pk=ukrainian.pk)
    translated.city = "Київ"

    with django_capture_on_commit_callbacks(execute=True):
        translated.save_revision().publish()

    assert synchronise_translations(translated) == []
    assert EventPage.objects.get(pk=event.pk).city == "Toruń"


def test_nothing_to_copy_makes_no_revision(event, ukrainian, django_capture_on_commit_callbacks):
    revisions = EventPage.objects.get(pk=ukrainian.pk).revisions.count()

    reschedule(event, django_capture_on_commit_callbacks, title="Forum integracji 2026")

    assert EventPage.objects.get(pk=ukrainian.pk).revisions.count() == revisions

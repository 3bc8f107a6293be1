"""A passage changed in the original is shown to the translator beside their earlier
translation of it; their work is never lost nor overwritten without them."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from tests.home.helpers import assert_refused, login
from tests.utils import add_content_page, make_staff
from translations.changes import changes_of

pytestmark = pytest.mark.django_db


UKRAINIAN = {
    "Warsztaty": "Майстерня",
    "warsztaty": "maisternia",
    "Zapraszamy w sobotę.": "Запрошуємо в суботу.",
}


def uk():
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def translated(org_a, django_capture_on_commit_callbacks):
    """An original translated into Ukrainian, then its lead changed and the translation
    synced (wagtail-localize's "Sync translated pages")."""
    with django_capture_on_commit_callbacks(execute=True):
        page = add_content_page(org_a, "Warsztaty", intro="Zapraszamy w sobotę.")
        TranslationCreator(None, [uk()]).create_translations(page)
        translation = Translation.objects.get(source__object_id=page.translation_key)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string"
        ):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=uk(),
                context=segment.context,
                data=UKRAINIAN[segment.string.data],
                translation_type="manual",
            )
        translation.save_target(publish=True)
        page.intro = "Zapraszamy w niedzielę."
        page.save_revision().publish()
        source = TranslationSource.objects.get(object_id=page.translation_key)
        source.update_from_db()
    return page, Translation.objects.get(pk=translation.pk)


def test_the_changed_passage_comes_with_the_earlier_translation(translated):
    _page, translation = translated

    changes = changes_of(translation)

    assert [(c.old_source, c.new_source, c.old_translation) for c in changes] == [
        ("Zapraszamy w sobotę.", "Zapraszamy w niedzielę.", "Запрошуємо в суботу.")
    ]


def test_the_translator_updates_it_and_publishes_when_ready(
    client, org_a, translated, django_capture_on_commit_callbacks
):
    page, translation = translated
    translator = make_staff(org_a, "translators", language="uk")
    url = reverse("translations:changes", args=[translation.pk])
    login(client, translator)

    shown = client.get(url)
    saved = client.post(
        url, {f"segment-{changes_of(translation)[0].segment.pk}": "Запрошуємо в неділю."}
    )

    assert shown.status_code == 200
    assert "Запрошуємо в суботу.</textarea>" in shown.content.decode()
    assert saved.status_code == 302
    assert changes_of(translation) == []
    updated = StringTranslation.objects.get(data="Запрошуємо в неділю.")
    assert updated.last_translated_by == translator
    # Publishing stays the translator's step: visitors still read the earlier text…
    target = Page.objects.get(translation_key=page.translation_key, locale=uk()).specific
    assert target.intro == "Запрошуємо в суботу."
    # …until the translation is published.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    target.refresh_from_db()
    assert target.intro == "Запрошуємо в неділю."


def test_an_empty_answer_keeps_the_passage_untranslated(client, org_a, translated):
    _page, translation = translated
    login(client, make_staff(org_a, "translators", language="uk"))

    client.post(reverse("translations:changes", args=[translation.pk]), {})

    assert len(changes_of(translation)) == 1


@pytest.mark.parametrize("who", ["en", "other organization"])
def test_others_cannot_open_or_change_it(client, org_a, org_b, translated, who):
    _page, translation = translated
    user = (
        make_staff(org_a, "translators", language="en")
        if who == "en"
        else make_staff(org_b, "translators", language="uk")
    )
    url = reverse("translations:changes", args=[translation.pk])
    login(client, user)

    assert_refused(client.get(url))
    assert_refused(client.post(url, {f"segment-{changes_of(translation)[0].segment.pk}": "X"}))
    assert len(changes_of(translation)) == 1


PARAGRAPHS = {
    "Pierwszy akapit.": "Перший абзац.",
    "Drugi akapit.": "Другий абзац.",
    "Trzeci akapit.": "Третій абзац.",
}


def test_a_changed_paragraph_of_rich_text_comes_with_its_own_earlier_translation(
    org_a, django_capture_on_commit_callbacks
):
    # The paragraphs of a rich text block share one place (translation context) in
    # wagtail-localize; the later paragraph's words must not be offered for the changed one.
    with django_capture_on_commit_callbacks(execute=True):
        page = add_content_page(
            org_a,
            "Warsztaty",
            body=[("rich_text", "".join(f"<p>{text}</p>" for text in PARAGRAPHS))],
        )
        TranslationCreator(None, [uk()]).create_translations(page)
        translation = Translation.objects.get(source__object_id=page.translation_key)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string"
        ):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=uk(),
                context=segment.context,
                data=PARAGRAPHS.get(segment.string.data, "Майстерня"),
                translation_type="manual",
            )
        # The same block, its second paragraph changed.
        page.body = json.dumps(
            [
                {
                    "type": "rich_text",
                    "id": page.body[0].id,
                    "value": "<p>Pierwszy akapit.</p><p>Drugi, zmieniony akapit.</p>"
                    "<p>Trzeci akapit.</p>",
                }
            ]
        )
        page.save_revision().publish()
        TranslationSource.objects.get(object_id=page.translation_key).update_from_db()

    changes = changes_of(translation)

    assert [(c.old_source, c.new_source, c.old_translation) for c in changes] == [
        ("Drugi akapit.", "Drugi, zmieniony akapit.", "Другий абзац.")
    ]


def test_the_translation_editor_says_what_changed_and_links_to_it(client, org_a, translated):
    page, translation = translated
    target = Page.objects.get(translation_key=page.translation_key, locale=uk())
    login(client, make_staff(org_a, "translators", language="uk"))

    before = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    client.post(
        reverse("translations:changes", args=[translation.pk]),
        {f"segment-{changes_of(translation)[0].segment.pk}": "Запрошуємо в неділю."},
    )
    after = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))

    link = f'<a href="{reverse("translations:changes", args=[translation.pk])}">'
    assert before.status_code == after.status_code == 200
    # wagtail-localize's translation editor, which shows no page header buttons.
    assert "wagtail_localize" in before.templates[0].name
    assert link in before.content.decode()
    assert link not in after.content.decode()

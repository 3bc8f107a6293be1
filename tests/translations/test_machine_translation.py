"""Machine translation: off unless configured, then wagtail-localize's "Translate with
LibreTranslate" fills what is not yet translated, marked as machine output that a person
must review before it counts as translated. A service that is down, slow or failing gives
the translator a message and changes nothing. The service is a LibreTranslate stand-in
listening on loopback (tests.translations.helpers), never a mock of the client."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.operations import TranslationCreator

from config.settings.base import machine_translator_from_env
from tests.home.helpers import assert_refused
from tests.translations.helpers import (
    assert_reported_and_nothing_changed,
    closed_port_url,
    editor_props,
    editor_url,
    english_admin,
    libretranslate_setting,
    machine_text,
    machine_translate,
    machine_translate_url,
    messages_of,
    stored,
    translate_by_hand,
    translation_of,
    ukrainian,
)
from tests.utils import add_content_page
from translations import status
from translations.models import TranslationRequest
from translations.requests import record_requests

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", {"text": "Nasza misja", "level": "h2", "anchor": ""}),
    ("rich_text", "<p>Pomagamy osobom z doświadczeniem migracji.</p>"),
]
TEXTS = [
    "O fundacji",
    "Fundacja Alfa pomaga.",
    "Nasza misja",
    "Pomagamy osobom z doświadczeniem migracji.",
]


@pytest.fixture
def source(org_a, editor_a, django_capture_on_commit_callbacks):
    """A published Polish page sent for translation into Ukrainian, nothing translated."""
    page = add_content_page(
        org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.", body=BODY
    )
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor_a, [Locale.objects.get(language_code="uk")]).create_translations(
            page
        )
    return page


@pytest.fixture
def translator(translator_a):
    """The Ukrainian translator."""
    return english_admin(translator_a)


# Configuration


def test_machine_translation_is_off_unless_the_environment_names_a_service():
    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"LIBRETRANSLATE_URL": "http://lt:5000"}) is None
    assert machine_translator_from_env({"MACHINE_TRANSLATION": " "}) is None


def test_libretranslate_and_deepl_are_configured_from_the_environment():
    assert machine_translator_from_env(
        {
            "MACHINE_TRANSLATION": "libretranslate",
            "LIBRETRANSLATE_URL": "https://lt.example.org/",
            "LIBRETRANSLATE_API_KEY": "k1",
        }
    ) == {
        "CLASS": "translations.machine.LibreTranslate",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": "https://lt.example.org",
            "API_KEY": "k1",
            "TIMEOUT": 10.0,
        },
    }
    assert machine_translator_from_env(
        {
            "MACHINE_TRANSLATION": "DeepL",
            "DEEPL_API_KEY": "abc:fx",
            "MACHINE_TRANSLATION_TIMEOUT": "20",
        }
    ) == {"CLASS": "translations.machine.DeepL", "OPTIONS": {"AUTH_KEY": "abc:fx", "TIMEOUT": 20.0}}


@pytest.mark.parametrize(
    ("environ", "said"),
    [
        ({"MACHINE_TRANSLATION": "libretranslate"}, "LIBRETRANSLATE_URL"),
        (
            {"MACHINE_TRANSLATION": "libretranslate", "LIBRETRANSLATE_URL": "lt:5000"},
            "LIBRETRANSLATE_URL",
        ),
        ({"MACHINE_TRANSLATION": "deepl"}, "DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATION": "google"}, "libretranslate, deepl or unset"),
        (
            {
                "MACHINE_TRANSLATION": "deepl",
                "DEEPL_API_KEY": "k",
                "MACHINE_TRANSLATION_TIMEOUT": "x",
            },
            "MACHINE_TRANSLATION_TIMEOUT",
        ),
    ],
)
def test_a_half_made_configuration_stops_the_start(environ, said):
    with pytest.raises(ImproperlyConfigured, match=said):
        machine_translator_from_env(environ)


def test_the_configured_class_is_the_one_wagtail_localize_loads(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting("http://127.0.0.1:9")
    translator = get_machine_translator()
    assert translator.display_name == "LibreTranslate"
    assert translator.options["LIBRETRANSLATE_URL"] == "http://127.0.0.1:9"


# Off by default


def test_without_configuration_there_is_no_button_and_nothing_calls_out(
    settings,
    source,
    translator,
    libretranslate,
    outgoing_connections,
    django_capture_on_commit_callbacks,
):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None

    response = translator.get(editor_url(source))
    assert response.status_code == 200
    assert editor_props(response)["machineTranslator"] is None
    assert "Translate with" not in response.text

    # A 404, which Django's LocaleMiddleware sends on to the same address in Polish.
    refused = translator.post(machine_translate_url(source), follow=True)
    assert refused.status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        published = translator.post(editor_url(source), {"action": "publish"})
    assert published.status_code == 302

    assert libretranslate.requests == []
    assert outgoing_connections == []
    assert stored(source) == {}


# Translating


def test_machine_translation_fills_what_is_left_and_marks_it_machine(
    source, translator, machine_translation
):
    translate_by_hand(source, "O fundacji", "Про фундацію", translator.user)

    page = translator.get(editor_url(source))
    assert editor_props(page)["machineTranslator"] == {
        "name": "LibreTranslate",
        "url": machine_translate_url(source),
    }

    response = machine_translate(translator, source)

    assert response.status_code == 302
    assert response["Location"] == editor_url(source)
    [success] = messages_of(response, "success")
    assert success.startswith("Translated with LibreTranslate. 3 parts were translated by machine")
    [asked] = machine_translation.translate_requests()
    assert asked["source"] == "pl"
    assert asked["target"] == "uk"
    assert asked["api_key"] == "stand-in-key"
    # What a person translated is neither sent nor replaced.
    assert "O fundacji" not in asked["q"]
    assert set(asked["q"]) >= {"Fundacja Alfa pomaga.", "Nasza misja"}
    translations = stored(source)
    assert translations["O fundacji"] == ("Про фундацію", "manual", "")
    for text in TEXTS[1:]:
        assert translations[text] == (machine_text("uk", text), "machine", "LibreTranslate")


def test_nothing_left_to_translate_asks_the_service_nothing(
    source, translator, machine_translation
):
    for segment in StringSegment.objects.filter(source__object_id=source.translation_key):
        translate_by_hand(source, segment.string.data, "готово")

    response = machine_translate(translator, source)

    assert messages_of(response, "warning") == ["There is nothing left to translate."]
    assert machine_translation.requests == []


def test_the_editor_and_the_queue_say_how_much_machine_output_waits_for_review(
    source, translator, editor_a, machine_translation
):
    TranslationRequest.objects.create(
        site=source.get_site(),
        content_type=ContentType.objects.get_for_model(Page),
        translation_key=source.translation_key,
        source_locale=source.locale,
        target_locale=Locale.objects.get(language_code="uk"),
        title="O fundacji",
        requested_by=editor_a,
    )
    machine_translate(translator, source)

    page = translator.get(editor_url(source))

    [warning] = messages_of(page, "warning")
    assert warning.startswith("4 parts were translated by machine and need review")
    assert "“Translated with LibreTranslate”" in warning
    assert "4 parts were translated by machine and need review" in page.text
    comments = {t["data"]: t["comment"] for t in editor_props(page)["initialStringTranslations"]}
    assert comments[machine_text("uk", "Nasza misja")].startswith("Translated with LibreTranslate")

    queue = translator.get(reverse("translations:queue"))
    assert "4 machine-translated segments need review" in queue.text


def test_another_organizations_translator_cannot_machine_translate(
    source, translator_b, machine_translation
):
    client = Client()
    client.force_login(translator_b)

    response = client.post(machine_translate_url(source), {"next": editor_url(source)})

    assert_refused(response)
    assert machine_translation.requests == []
    assert stored(source) == {}


# Review


def test_saving_a_machine_translated_segment_accepts_it(source, translator, machine_translation):
    machine_translate(translator, source)
    props = editor_props(translator.get(editor_url(source)))
    segment = next(s for s in props["segments"] if s.get("source") == "Nasza misja")

    kept = translator.put(
        segment["editUrl"],
        data=f"value={machine_text('uk', 'Nasza misja')}",
        content_type="application/x-www-form-urlencoded",
    )
    corrected_segment = next(
        s for s in props["segments"] if s.get("source") == "Fundacja Alfa pomaga."
    )
    corrected = translator.put(
        corrected_segment["editUrl"],
        data="value=Фундація Альфа допомагає.",
        content_type="application/x-www-form-urlencoded",
    )

    assert kept.status_code == 200
    assert corrected.status_code == 200
    translations = stored(source)
    assert translations["Nasza misja"] == (machine_text("uk", "Nasza misja"), "manual", "")
    assert translations["Fundacja Alfa pomaga."] == ("Фундація Альфа допомагає.", "manual", "")
    assert translations["O fundacji"][1] == "machine"
    [warning] = messages_of(translator.get(editor_url(source)), "warning")
    assert warning.startswith("2 parts were translated by machine")


# Publishing


def test_unreviewed_machine_output_counts_as_not_translated_when_publishing(
    source, translator, machine_translation, django_capture_on_commit_callbacks
):
    machine_translate(translator, source)
    before = ukrainian(source)

    with django_capture_on_commit_callbacks(execute=True):
        refused = translator.post(editor_url(source), {"action": "publish"})

    assert refused.status_code == 302
    [error] = messages_of(refused, "error")
    assert "Not published: 4 machine-translated parts are not yet reviewed" in error
    assert "Body › Heading: “Nasza misja”" in error
    assert "not yet translated. Translate" not in error
    after = ukrainian(source)
    assert after.live_revision_id == before.live_revision_id
    assert after.title == "O fundacji"

    translator.get(refused["Location"])  # the translator reads the refusal
    for segment in StringTranslation.objects.filter(translation_type="machine"):
        segment.translation_type = "manual"
        segment.tool_name = ""
        segment.save()
    with django_capture_on_commit_callbacks(execute=True):
        published = translator.post(editor_url(source), {"action": "publish"})

    assert messages_of(published, "error") == []
    assert ukrainian(source).title == machine_text("uk", "O fundacji")


def test_in_notice_mode_machine_output_is_published_with_a_warning(
    source, org_a, translator, machine_translation, django_capture_on_commit_callbacks
):
    org_a.incomplete_translations = "notice"
    org_a.save()
    machine_translate(translator, source)

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(editor_url(source), {"action": "publish"})

    assert messages_of(response, "error") == []
    assert messages_of(response, "warning") == [
        "4 machine-translated parts are published before anyone reviewed them."
    ]
    assert ukrainian(source).title == machine_text("uk", "O fundacji")


def accept(client, page, text):
    """The translator saves a machine-translated segment unchanged in the editor: accepted."""
    props = editor_props(client.get(editor_url(page)))
    segment = next(s for s in props["segments"] if s.get("source") == text)
    response = client.put(
        segment["editUrl"],
        data=f"value={machine_text('uk', text)}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200


def board_cell(org, page):
    [row] = [row for row in status.board(org, snippets=False) if row.pk == page.pk]
    return row.cells["uk"]


def queue_row(client, page):
    [item] = [
        item
        for item in client.get(reverse("translations:queue")).context["items"]
        if item["request"].translation_key == page.translation_key
    ]
    return item["left"], item["total"], item["machine"]


def test_the_board_the_queue_and_publishing_count_machine_output_as_left_until_reviewed(
    source, org_a, editor_a, translator, machine_translation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record_requests(objects=[source], locales=[ukrainian(source).locale], user=editor_a)
    machine_translate(translator, source)

    # Everything machine-translated, nothing reviewed: all of it is left everywhere.
    cell = board_cell(org_a, source)
    assert (cell.state, cell.left, cell.total, cell.machine) == ("in_progress", 4, 4, 4)
    assert queue_row(translator, source) == (4, 4, 4)
    queue = translator.get(reverse("translations:queue")).content.decode()
    assert "4 of 4 segments left" in queue
    assert "4 machine-translated segments need review" in queue
    with django_capture_on_commit_callbacks(execute=True):
        refused = translator.post(editor_url(source), {"action": "publish"})
    assert "4 machine-translated parts are not yet reviewed" in messages_of(refused, "error")[0]

    # Two accepted: two left, on the board and in the queue alike.
    accept(translator, source, "O fundacji")
    accept(translator, source, "Nasza misja")
    cell = board_cell(org_a, source)
    assert (cell.state, cell.left, cell.machine) == ("in_progress", 2, 2)
    assert queue_row(translator, source) == (2, 4, 2)

    # Published with a notice before the rest is reviewed: still in progress, the request
    # stays in the queue.
    org_a.incomplete_translations = "notice"
    org_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(editor_url(source), {"action": "publish"})
    assert ukrainian(source).live
    assert board_cell(org_a, source).state == "in_progress"
    assert TranslationRequest.objects.open().filter(translation_key=source.translation_key).exists()

    # Everything reviewed and published: up to date, the request closed.
    accept(translator, source, "Fundacja Alfa pomaga.")
    accept(translator, source, "Pomagamy osobom z doświadczeniem migracji.")
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(editor_url(source), {"action": "publish"})
    cell = board_cell(org_a, source)
    assert (cell.state, cell.left, cell.machine) == ("up_to_date", 0, 0)
    assert not TranslationRequest.objects.open().exists()
    assert translator.get(reverse("translations:queue")).context["items"] == []


# A service that fails


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("error", "LibreTranslate refused the request: Translation engine crashed (HTTP 500)."),
        ("slow", "LibreTranslate did not answer within 1 seconds."),
        ("garbled", "LibreTranslate gave an answer that could not be read."),
        ("short", "LibreTranslate gave an answer that could not be read."),
        ("wrong key", "LibreTranslate refused the request: Invalid API key (HTTP 403)."),
    ],
)
def test_a_failing_service_is_reported_and_changes_nothing(
    settings, source, translator, machine_translation, mode, said
):
    if mode == "wrong key":
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(
            machine_translation.url, api_key="wrong", timeout="1"
        )
    else:
        machine_translation.mode = mode

    response = machine_translate(translator, source)

    assert_reported_and_nothing_changed(response, source, said)
    assert len(machine_translation.translate_requests()) == 1


def test_a_service_that_is_down_is_reported_and_changes_nothing(settings, source, translator):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_setting(closed_port_url())

    response = machine_translate(translator, source)

    assert response.status_code == 302
    [error] = messages_of(response, "error")
    assert error.startswith("LibreTranslate cannot be reached. Nothing was changed.")
    assert stored(source) == {}


# Synchronising translations with machine translation


def update_url(page):
    return reverse("wagtail_localize:update_translations", args=[translation_of(page).source_id])


def change_source(page):
    page.intro = "Fundacja Alfa pomaga od 2015 roku."
    page.save_revision().publish()


def test_sync_with_machine_translation_translates_the_changes(
    source, editor_a, machine_translation
):
    change_source(source)
    client = english_admin(editor_a)

    response = client.post(update_url(source), {"use_machine_translation": "on"})

    assert response.status_code == 302
    translations = stored(source)
    assert translations["Fundacja Alfa pomaga od 2015 roku."] == (
        machine_text("uk", "Fundacja Alfa pomaga od 2015 roku."),
        "machine",
        "LibreTranslate",
    )


def test_sync_with_a_failing_service_is_undone_and_reported(source, editor_a, machine_translation):
    change_source(source)
    machine_translation.mode = "error"
    client = english_admin(editor_a)

    response = client.post(update_url(source), {"use_machine_translation": "on"})

    assert response.status_code == 200
    assert "Translation engine crashed" in response.text
    assert "Nothing was changed." in response.text
    # The update is undone: the translation source still holds the old text.
    texts = set(
        StringSegment.objects.filter(source__object_id=source.translation_key).values_list(
            "string__data", flat=True
        )
    )
    assert "Fundacja Alfa pomaga." in texts
    assert "Fundacja Alfa pomaga od 2015 roku." not in texts
    assert stored(source) == {}

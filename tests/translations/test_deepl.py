"""Machine translation with DeepL, configured from DEEPL_API_KEY: wagtail-localize's
"Translate with DeepL" sends what is not yet translated to DeepL's API as DeepL documents it,
marks the answer as machine output to review, and reports a refusing, slow or unreadable API
without changing anything. DeepL's API is a stand-in listening on loopback
(tests.translations.helpers.DeepLStandIn): no call leaves the machine."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from config.settings.base import machine_translator_from_env
from tests.translations.helpers import (
    DEEPL_KEY,
    assert_reported_and_nothing_changed,
    closed_port_url,
    deepl_setting,
    editor_props,
    editor_url,
    english_admin,
    machine_text,
    machine_translate,
    machine_translate_url,
    messages_of,
    stored,
    translate_by_hand,
)
from tests.utils import add_content_page

pytestmark = pytest.mark.django_db

TEXTS = ["O fundacji", "o-fundacji", "Fundacja Alfa <b>pomaga</b>.", "Nasza misja"]


@pytest.fixture
def source(org_a, editor_a, django_capture_on_commit_callbacks):
    """A published Polish page sent for translation into Ukrainian, nothing translated."""
    page = add_content_page(
        org_a,
        "O fundacji",
        slug="o-fundacji",
        intro="Fundacja Alfa pomaga.",
        body=[
            ("heading", {"text": "Nasza misja", "level": "h2", "anchor": ""}),
            ("rich_text", "<p>Fundacja Alfa <b>pomaga</b>.</p>"),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor_a, [Locale.objects.get(language_code="uk")]).create_translations(
            page
        )
    return page


@pytest.fixture
def translator(translator_a):
    return english_admin(translator_a)


def test_a_free_key_goes_to_deepls_free_api_and_another_to_the_paid_one(settings):
    for key, endpoint in [
        ("abc:fx", "https://api-free.deepl.com/v2/translate"),
        ("abc", "https://api.deepl.com/v2/translate"),
    ]:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(
            {"MACHINE_TRANSLATION": "deepl", "DEEPL_API_KEY": key}
        )
        translator = get_machine_translator()
        assert translator.display_name == "DeepL"
        assert translator.get_api_endpoint() == endpoint


def test_deepl_api_url_sets_another_address_and_must_be_one():
    assert machine_translator_from_env(
        {
            "MACHINE_TRANSLATION": "deepl",
            "DEEPL_API_KEY": "abc",
            "DEEPL_API_URL": "https://deepl-proxy.example.org/",
        }
    )["OPTIONS"] == {
        "AUTH_KEY": "abc",
        "TIMEOUT": 10.0,
        "API_URL": "https://deepl-proxy.example.org",
    }
    with pytest.raises(ImproperlyConfigured, match="DEEPL_API_URL"):
        machine_translator_from_env(
            {"MACHINE_TRANSLATION": "deepl", "DEEPL_API_KEY": "abc", "DEEPL_API_URL": "proxy:443"}
        )


def test_translate_with_deepl_sends_what_is_left_as_deepl_documents_and_marks_it_machine(
    source, translator, deepl, outgoing_connections
):
    translate_by_hand(source, "Fundacja Alfa pomaga.", "Фундація Альфа допомагає.")

    editor = translator.get(editor_url(source))
    assert editor_props(editor)["machineTranslator"] == {
        "name": "DeepL",
        "url": machine_translate_url(source),
    }
    response = machine_translate(translator, source)

    assert response.status_code == 302
    assert response["Location"] == editor_url(source)
    [success] = messages_of(response, "success")
    assert success.startswith("Translated with DeepL. 3 parts were translated by machine")
    [asked] = deepl.translate_requests()
    [headers] = deepl.headers
    assert headers["Authorization"] == f"DeepL-Auth-Key {DEEPL_KEY}"
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert asked["source_lang"] == "PL"
    assert asked["target_lang"] == "UK"
    # Rich text keeps its inline markup: DeepL is told the texts are XML.
    assert asked["tag_handling"] == "xml"
    # What a person translated is neither sent nor replaced.
    assert sorted(asked["text"]) == sorted(TEXTS)
    translations = stored(source)
    assert translations["Fundacja Alfa pomaga."] == ("Фундація Альфа допомагає.", "manual", "")
    for text in TEXTS:
        assert translations[text] == (machine_text("uk", text), "machine", "DeepL")
    # The only connection made was to the stand-in on loopback.
    assert {address[0] for address in outgoing_connections} == {"127.0.0.1"}


def test_deepl_output_waits_for_review_before_it_can_be_published(
    source, translator, deepl, django_capture_on_commit_callbacks
):
    machine_translate(translator, source)

    with django_capture_on_commit_callbacks(execute=True):
        refused = translator.post(editor_url(source), {"action": "publish"})

    [error] = messages_of(refused, "error")
    assert "Not published: 4 machine-translated parts are not yet reviewed" in error
    assert source.get_translation(Locale.objects.get(language_code="uk")).live is False


def test_english_is_asked_of_deepl_as_british_english(org_a, editor_a, deepl):
    """DeepL keeps plain "EN" as a target only for old clients and asks for a variant."""
    page = add_content_page(org_a, "Napisz", slug="napisz", intro="Napisz do nas.")
    TranslationCreator(editor_a, [Locale.objects.get(language_code="en")]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="en"
    )
    english = page.get_translation(Locale.objects.get(language_code="en"))

    english_admin(editor_a).post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_pages:edit", args=[english.pk])},
    )

    [asked] = deepl.translate_requests()
    assert (asked["source_lang"], asked["target_lang"]) == ("PL", "EN-GB")
    assert english.__class__.objects.get(pk=english.pk).title == "Napisz"
    assert StringTranslation.objects.filter(
        locale__language_code="en", data=machine_text("en-gb", "Napisz"), tool_name="DeepL"
    ).exists()


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        (
            "wrong key",
            "DeepL refused the request: Authorization failure, check auth_key (HTTP 403).",
        ),
        ("quota", "DeepL refused the request: Quota exceeded (HTTP 456)."),
        ("error", "DeepL refused the request: Internal server error (HTTP 500)."),
        ("slow", "DeepL did not answer within 1 seconds."),
        ("garbled", "DeepL gave an answer that could not be read."),
        ("short", "DeepL gave an answer that could not be read."),
    ],
)
def test_a_failing_deepl_is_reported_and_changes_nothing(
    settings, source, translator, deepl, mode, said
):
    if mode == "wrong key":
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_setting(
            deepl.url, "expired-key:fx", timeout="1"
        )
    else:
        deepl.mode = mode

    response = machine_translate(translator, source)

    assert_reported_and_nothing_changed(response, source, said)
    assert len(deepl.translate_requests()) == 1


def test_deepl_out_of_reach_is_reported_and_changes_nothing(settings, source, translator):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_setting(closed_port_url(), DEEPL_KEY)

    response = machine_translate(translator, source)

    [error] = messages_of(response, "error")
    assert error.startswith("DeepL cannot be reached. Nothing was changed.")
    assert stored(source) == {}

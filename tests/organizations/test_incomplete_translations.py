"""Publishing a translation with parts not yet translated: refused with the list of what is
missing (the default), or published with a notice to visitors and those parts marked with
the original's language (organization setting `incomplete_translations`)."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from organizations.models import UntranslatedText
from tests.home.helpers import body_form
from tests.utils import add_content_page, unmarked_polish, visit

BODY = [
    ("heading", {"text": "Nasza misja", "level": "h2", "anchor": ""}),
    ("rich_text", "<p>Pomagamy osobom z doświadczeniem migracji.</p>"),
]
UKRAINIAN = {
    "O fundacji": "Про фундацію",
    "Nasza misja": "Наша місія",
    "Fundacja Alfa pomaga.": "Фундація Альфа допомагає.",
    "Pomagamy osobom z doświadczeniem migracji.": "Ми допомагаємо людям з досвідом міграції.",
}
NOTICE = "Parts of this page are not yet translated into your language."


@pytest.fixture
def source(org_a, editor_a, django_capture_on_commit_callbacks):
    """A published Polish page, sent for translation into Ukrainian as "Translate" does it
    (wagtail-localize publishes the copy at once, every part still Polish)."""
    page = add_content_page(
        org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.", body=BODY
    )
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor_a, [Locale.objects.get(language_code="uk")]).create_translations(
            page
        )
    return page


def ukrainian(page):
    return page.get_translation(Locale.objects.get(language_code="uk")).specific


def translate(page, *texts):
    """The translator's work in the translation editor: these source texts translated."""
    locale = Locale.objects.get(language_code="uk")
    for segment in StringSegment.objects.filter(
        source__object_id=page.translation_key, string__data__in=texts
    ).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": UKRAINIAN[segment.string.data], "translation_type": "manual"},
        )


@pytest.fixture
def translator(translator_a):
    """The translator, with the admin in English."""
    profile = UserProfile.get_for_user(translator_a)
    profile.preferred_language = "en"
    profile.save()
    return translator_a


def publish_in_translation_editor(user, page, capture):
    client = Client()
    client.force_login(user)
    with capture(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[ukrainian(page).pk]), {"action": "publish"}
        )


def errors(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def test_an_incomplete_translation_is_refused_with_what_is_missing(
    source, translator, django_capture_on_commit_callbacks
):
    before = ukrainian(source)
    translate(source, "O fundacji", "Nasza misja")

    response = publish_in_translation_editor(translator, source, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[before.pk])
    [message] = errors(response)
    assert "Not published: 2 parts are not yet translated" in message
    assert "Lead: “Fundacja Alfa pomaga.”" in message
    assert "Body › Rich text: “Pomagamy osobom z doświadczeniem migracji.”" in message
    assert "Nasza misja" not in message
    # Nothing published; the translator's work is kept.
    after = ukrainian(source)
    assert after.live_revision_id == before.live_revision_id
    assert after.latest_revision_id == before.latest_revision_id
    assert after.title == "O fundacji"
    kept = StringTranslation.objects.filter(context__object_id=source.translation_key)
    assert sorted(kept.values_list("data", flat=True)) == ["Наша місія", "Про фундацію"]


def test_a_complete_translation_is_published_without_notice_or_marks(
    source, org_a, translator, django_capture_on_commit_callbacks
):
    translate(source, *UKRAINIAN)

    response = publish_in_translation_editor(translator, source, django_capture_on_commit_callbacks)

    assert errors(response) == []
    page = ukrainian(source)
    assert page.title == "Про фундацію"
    assert not UntranslatedText.objects.filter(revision_id=page.live_revision_id).exists()
    html = visit(org_a, page.url).content.decode()
    assert "Ми допомагаємо людям" in html
    assert "data-untranslated" not in html
    assert unmarked_polish(html) == []


def test_in_notice_mode_visitors_see_a_notice_and_the_untranslated_parts_marked(
    source, org_a, translator, django_capture_on_commit_callbacks
):
    org_a.incomplete_translations = "notice"
    org_a.save()
    translate(source, "O fundacji", "Nasza misja")

    response = publish_in_translation_editor(translator, source, django_capture_on_commit_callbacks)

    assert errors(response) == []
    page = ukrainian(source)
    assert page.title == "Про фундацію"
    record = UntranslatedText.objects.get(revision_id=page.live_revision_id)
    assert record.paths() == ["intro", f"body.{page.body[1].id}"]
    assert record.source_language == "pl"

    html = visit(org_a, page.url).content.decode()
    assert "Частини цієї сторінки ще не перекладено" in html
    assert "<h1>Про фундацію</h1>" in html
    assert '<p class="lead" lang="pl" data-untranslated>Fundacja Alfa pomaga.</p>' in html
    assert '<div class="w-block-rich_text block-rich_text" lang="pl" data-untranslated>' in html
    assert '<div class="w-block-heading block-heading">' in html
    assert unmarked_polish(html) == []


def test_marking_costs_one_query_however_many_parts_are_untranslated(
    source, org_a, translator, django_capture_on_commit_callbacks
):
    org_a.incomplete_translations = "notice"
    org_a.save()
    publish_in_translation_editor(translator, source, django_capture_on_commit_callbacks)
    page = ukrainian(source)
    assert len(UntranslatedText.objects.get(revision_id=page.live_revision_id).segments) == 4

    with CaptureQueriesContext(connection) as queries:
        response = visit(org_a, page.url)

    assert response.status_code == 200
    asked = [q["sql"] for q in queries if "organizations_untranslatedtext" in q["sql"]]
    assert len(asked) == 1
    assert response.content.decode().count("data-untranslated") == 4


def test_publishing_from_the_page_editor_is_refused_while_source_text_is_left(
    source, translator, django_capture_on_commit_callbacks
):
    """After "Convert to manual editing" the translator edits the page itself; what the
    synchronised translation left in Polish must still be replaced before publishing."""
    Translation.objects.filter(source__object_id=source.translation_key).update(enabled=False)
    page = ukrainian(source)
    client = Client()
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    data = {**body_form(page), "action-publish": "action-publish", "title": "Про фундацію"}
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(url, data)

    assert refused.status_code == 302
    [message] = errors(refused)
    assert "Lead: “Fundacja Alfa pomaga.”" in message
    assert "Title" not in message
    assert Page.objects.get(pk=page.pk).live_revision_id == page.live_revision_id
    # What was typed is kept as a draft.
    assert Page.objects.get(pk=page.pk).latest_revision_id != page.latest_revision_id

    client.get(refused["Location"])  # the translator reads the message
    data["intro"] = "Фундація Альфа допомагає."
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(url, data)

    assert errors(published) == []
    published_page = Page.objects.get(pk=page.pk).specific
    assert published_page.intro == "Фундація Альфа допомагає."
    assert published_page.title == "Про фундацію"

"""Requesting an article's translation requests its tags too: the names of its tags not yet
translated into the chosen language get a draft translation and a request, so that the
translators find them in their queue beside the article; nothing translated or requested
already is asked for again, and nothing of another organization is touched."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from news.tags import NewsTag
from tests.home.helpers import login
from tests.news.helpers import add_article, news_index, news_tag, translate_tag
from tests.translations.helpers import in_admin_language
from tests.utils import make_staff
from translations import status
from translations.models import TranslationRequest

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def request_translation(client, page, languages, **fields):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk for code in languages], **fields},
    )


def tag_requests():
    return TranslationRequest.objects.filter(
        content_type=ContentType.objects.get_for_model(NewsTag)
    )


@pytest.fixture
def translator_uk(org_a):
    return in_admin_language(make_staff(org_a, "translators", language="uk"), "uk")


@pytest.fixture
def article(org_a, org_b):
    """An article tagged "forum" (already translated into Ukrainian) and "rzecznictwo" (not);
    the other organization has its own "rzecznictwo"."""
    made = add_article(
        news_index(org_a), "Za nami forum", "2023-12-05", tags=["forum", "rzecznictwo"]
    )
    translate_tag(org_a, "forum", "uk", "форум")
    add_article(news_index(org_b), "Rzecznictwo w Toruniu", "2023-12-06", tags=["rzecznictwo"])
    return made


def test_requesting_an_article_requests_its_untranslated_tags(
    client, editor_a, org_a, org_b, article, translator_uk, django_capture_on_commit_callbacks
):
    forum_uk_before = news_tag(org_a, "forum", "uk")
    login(client, editor_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = request_translation(client, article, ["uk"], note="Na jutro")

    assert response.status_code == 302
    untranslated = news_tag(org_a, "rzecznictwo")
    # The untranslated tag: a draft translation to fill, as wagtail-localize makes one, and
    # a request with the article's note.
    assert Translation.objects.filter(
        source__object_id=untranslated.translation_key, target_locale=locale("uk")
    ).exists()
    [request] = tag_requests()
    assert (request.translation_key, request.target_locale.language_code) == (
        untranslated.translation_key,
        "uk",
    )
    assert (request.title, request.note, request.site_id) == (
        "rzecznictwo",
        "Na jutro",
        org_a.site_id,
    )
    # The translated one is left as the translator left it.
    assert news_tag(org_a, "forum", "uk").name == forum_uk_before.name == "форум"
    # The other organization's tag of the same name: no translation, no request.
    other = news_tag(org_b, "rzecznictwo")
    assert (
        not NewsTag.objects.filter(translation_key=other.translation_key)
        .exclude(pk=other.pk)
        .exists()
    )
    assert not Translation.objects.filter(source__object_id=other.translation_key).exists()
    # The translator of Ukrainian is told of the article and of the tag.
    assert sorted(m.subject.split(": ")[1] for m in mail.outbox) == [
        "Za nami forum",
        "rzecznictwo",
    ]
    assert all(m.subject.startswith("Перекласти мовою") for m in mail.outbox)
    assert all(m.to == [translator_uk.email] for m in mail.outbox)


def test_the_translator_finds_the_tag_in_their_queue(
    client, editor_a, org_a, article, translator_uk, django_capture_on_commit_callbacks
):
    login(client, editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(client, article, ["uk"])

    queue = login(client, translator_uk).get(reverse("translations:queue"))

    assert sorted(item["request"].title for item in queue.context["items"]) == [
        "Za nami forum",
        "rzecznictwo",
    ]
    tag_item = next(i for i in queue.context["items"] if i["request"].title == "rzecznictwo")
    assert tag_item["left"] == tag_item["total"] == 1
    # The status board shows the tag requested, the one translated up to date.
    rows = {row.title: row for row in status.board(org_a, pages=False)}
    assert rows["rzecznictwo"].cells["uk"].state == status.REQUESTED
    assert rows["forum"].cells["uk"].state == status.UP_TO_DATE


def test_a_tag_already_requested_is_not_requested_again(
    client, editor_a, org_a, article, translator_uk, django_capture_on_commit_callbacks
):
    login(client, editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(client, article, ["uk"], note="Pierwsza prośba")
    mail.outbox.clear()
    second = add_article(news_index(org_a), "Drugie", "2023-12-07", tags=["rzecznictwo"])

    with django_capture_on_commit_callbacks(execute=True):
        request_translation(client, second, ["uk"], note="Druga prośba")

    assert [(r.title, r.note) for r in tag_requests()] == [("rzecznictwo", "Pierwsza prośba")]
    assert [m.subject.split(": ")[1] for m in mail.outbox] == ["Drugie"]

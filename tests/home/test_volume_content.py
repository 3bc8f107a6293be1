"""`manage.py create_volume_content` (make bench): organizations full of articles and events,
written in bulk, that behave as published pages: in the tree, listed, served, found by the
search, with a live revision an editor can publish again, and stale pages out of the cache."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import Page

from events.models import EventPage
from news.models import ArticlePage
from organizations.models import OrganizationSettings
from tests.search.helpers import found, search
from tests.utils import built_for_module, text_of

SMALL = ["--organizations", "2", "--articles", "12", "--events", "4", "--translated", "0.5"]


def run(*args):
    out = StringIO()
    call_command("create_volume_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def volume(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two volume organizations, made once for the module: what the command printed, and
    the folder of their photos."""
    media = tmp_path_factory.mktemp("volume-media")
    with built_for_module(django_db_blocker), override_settings(MEDIA_ROOT=media):
        with django_db_blocker.unblock():
            output = run(*SMALL)
        yield output, media


@pytest.fixture(autouse=True)
def volume_media(volume, media_root, settings):
    settings.MEDIA_ROOT = volume[1]


def organization(number):
    return OrganizationSettings.objects.select_related("site").get(slug=f"volume-{number}")


def pages_of(model, org, language):
    home = org.root_pages().get(locale__language_code=language)
    return model.objects.descendant_of(home).order_by("path")


def visit(org, path):
    return Client().get(path, HTTP_HOST=org.site.hostname)


def test_makes_organizations_with_articles_and_events_some_in_three_languages(volume, db):
    assert "12 articles and 4 events added" in volume[0]
    for number in (1, 2):
        org = organization(number)
        assert org.site.hostname == f"volume-{number}.localhost"
        assert org.languages == ["pl", "uk", "en"]
        counts = {
            language: (
                pages_of(ArticlePage, org, language).count(),
                pages_of(EventPage, org, language).count(),
            )
            for language in ("pl", "uk", "en")
        }
        assert counts == {"pl": (6, 2), "uk": (3, 1), "en": (3, 1)}
        original = pages_of(ArticlePage, org, "pl").get(slug="artykul-2")
        translated = pages_of(ArticlePage, org, "uk").first()
        assert translated.slug == "stattia-2"
        assert translated.translation_key == original.translation_key


def test_the_tree_is_sound_and_each_page_has_a_live_revision_an_editor_can_publish(volume, db):
    assert all(problems == [] for problems in Page.find_problems())
    article = pages_of(ArticlePage, organization(1), "pl").get(slug="artykul-3")
    assert article.live
    assert article.first_published_at is not None
    assert article.live_revision_id == article.latest_revision_id
    assert article.live_revision.as_object().title == article.title
    assert len(article.tag_list()) == 2

    article.intro = "Nowy wstęp."
    article.save_revision().publish()

    article.refresh_from_db()
    assert article.intro == "Nowy wstęp."
    assert len(article.tag_list()) == 2


def test_volume_pages_are_served_listed_and_found(volume, db):
    org = organization(1)
    newest = pages_of(ArticlePage, org, "pl").get(slug="artykul-1")

    news = visit(org, "/pl/aktualnosci/")
    article = visit(org, "/pl/aktualnosci/artykul-1/")
    translated = visit(org, "/uk/novyny/stattia-2/")
    event = visit(org, "/pl/wydarzenia/wydarzenie-1/")

    assert news.status_code == article.status_code == translated.status_code == 200
    assert news.context["articles"][0].pk == newest.pk
    assert newest.title in text_of(article)
    assert "Юридичні консультації щодо легалізації перебування (2)" in text_of(translated)
    assert event.status_code == 200
    results = found(search(org, "pl", "konsultacje legalizacji"))
    assert any(title.startswith("Konsultacje prawne") for title in results)


def test_a_second_run_adds_only_what_is_missing(volume, db):
    assert "0 articles and 0 events added" in run(*SMALL)

    output = run("--organizations", "2", "--articles", "16", "--events", "4")

    assert "4 articles and 0 events added" in output
    assert pages_of(ArticlePage, organization(2), "pl").count() == 8
    assert all(problems == [] for problems in Page.find_problems())


def test_pages_cached_before_a_run_are_stale_after_it(volume, db, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    org = organization(1)
    visit(org, "/pl/aktualnosci/")
    assert visit(org, "/pl/aktualnosci/")["X-Page-Cache"] == "hit"

    run("--organizations", "2", "--articles", "14", "--events", "4")

    news = visit(org, "/pl/aktualnosci/")
    assert news["X-Page-Cache"] == "miss"
    assert news.context["articles"][0].slug == "artykul-1"
    assert pages_of(ArticlePage, org, "pl").count() == 7
    cache.clear()


def test_force_removes_the_volume_organizations_and_builds_them_again(volume, db):
    before = set(ArticlePage.objects.values_list("pk", flat=True))

    output = run(*SMALL, "--force")

    assert "12 articles and 4 events added" in output
    after = set(pages_of(ArticlePage, organization(1), "pl").values_list("pk", flat=True))
    assert len(after) == 6
    assert not after & before
    assert OrganizationSettings.objects.filter(slug__startswith="volume-").count() == 2

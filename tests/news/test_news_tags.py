"""News tags in each language: publishing an article gives its organization a tag per new
tag, in the article's language; translators translate them like categories; visitors of
/uk/ and /en/ read them in their language, or in Polish marked lang="pl" while untranslated;
the tag filter works alike in each language; one organization's tags are its own."""

import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from news.tags import NewsTag
from tests.home.helpers import login
from tests.news.helpers import (
    add_article,
    make_category,
    news_index,
    news_tag,
    translate_article,
    translate_tag,
)
from tests.organizations.helpers import listing_rows
from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db

BACKFILL = importlib.import_module("news.migrations.0003_news_tags_per_organization_and_language")


def locale(code):
    return Locale.objects.get(language_code=code)


def tags_shown(html):
    """(href, lang, name) of each tag link on a page."""
    return re.findall(r'<a href="([^"]*\?tag=[^"]*)" rel="tag"(?: lang="(\w+)")?>([^<]*)</a>', html)


@pytest.fixture
def forum(org_a, index_a):
    """An article tagged "forum" and "rzecznictwo", translated into Ukrainian and English;
    "forum" translated into both, "rzecznictwo" into neither."""
    article = add_article(index_a, "Za nami forum", "2023-12-05", tags=["forum", "rzecznictwo"])
    translate_article(article, "uk", title="Відбувся форум")
    translate_article(article, "en", title="The forum is over")
    translate_tag(org_a, "forum", "uk", "форум")
    translate_tag(org_a, "forum", "en", "forum (en)")
    return article


def test_publishing_an_article_names_its_new_tags_once_in_its_language(org_a, org_b, index_a):
    add_article(index_a, "Za nami forum", "2023-12-05", tags=["forum", "Toruń"])
    add_article(index_a, "Drugie forum", "2023-12-06", tags=["forum"])
    add_article(index_a, "Szkic", "2023-12-07", tags=["szkic"], publish=False)
    add_article(news_index(org_b), "Forum w Toruniu", "2023-12-08", tags=["forum"])

    named = NewsTag.objects.values_list("site_id", "tag__name", "name", "locale__language_code")

    assert sorted(named) == sorted(
        [
            (org_a.site.pk, "forum", "forum", "pl"),
            (org_a.site.pk, "Toruń", "Toruń", "pl"),
            (org_b.site.pk, "forum", "forum", "pl"),
        ]
    )


@pytest.mark.parametrize(
    ("language", "path", "forum_name"),
    [("uk", "/uk/novyny/", "форум"), ("en", "/en/news/", "forum (en)")],
)
def test_a_translated_article_shows_its_tags_in_the_visitors_language_or_marked_polish(
    org_a, forum, language, path, forum_name
):
    translated = forum.get_translation(locale(language))

    html = text_of(visit(org_a, translated.url))

    assert tags_shown(html) == [
        (f"{path}?tag=forum", "", forum_name),
        (f"{path}?tag=rzecznictwo", "pl", "rzecznictwo"),
    ]


def test_the_polish_article_keeps_its_tags_as_written(org_a, forum):
    html = text_of(visit(org_a, forum.url))

    assert tags_shown(html) == [
        ("/pl/aktualnosci/?tag=forum", "", "forum"),
        ("/pl/aktualnosci/?tag=rzecznictwo", "", "rzecznictwo"),
    ]


def test_the_tag_filter_works_and_names_the_tag_in_each_language(org_a, index_a, forum):
    add_article(index_a, "Warsztaty", "2023-12-01", tags=["warsztaty"])

    ukrainian = text_of(visit(org_a, "/uk/novyny/?tag=forum"))
    untranslated = text_of(visit(org_a, "/uk/novyny/?tag=rzecznictwo"))
    english = text_of(visit(org_a, "/en/news/?tag=forum"))

    assert "Відбувся форум" in ukrainian
    assert "Warsztaty" not in ukrainian
    assert "Статті з тегом «форум»." in ukrainian
    assert 'Статті з тегом «<span lang="pl">rzecznictwo</span>».' in untranslated
    assert "Articles with the tag “forum (en)”." in english


def test_cards_name_tags_in_the_visitors_language_also_for_a_polish_only_article(
    org_a, index_a, forum
):
    add_article(index_a, "Forum w Lublinie", "2023-12-01", tags=["forum"])

    html = text_of(visit(org_a, "/uk/novyny/"))

    assert tags_shown(html) == [
        ("/uk/novyny/?tag=forum", "", "форум"),
        ("/uk/novyny/?tag=rzecznictwo", "pl", "rzecznictwo"),
        ("/uk/novyny/?tag=forum", "", "форум"),
    ]


def test_a_polish_only_article_at_its_ukrainian_address_marks_ukrainian_tag_names(
    org_a, index_a, forum
):
    """The page is in Polish (its <main> says so); a tag named in Ukrainian says it is."""
    article = add_article(index_a, "Forum w Lublinie", "2023-12-01", tags=["forum", "rzecznictwo"])

    html = text_of(visit(org_a, f"/uk/novyny/{article.slug}/"))

    assert '<main id="main" class="container site-main" tabindex="-1" lang="pl">' in html
    assert tags_shown(html) == [
        ("/uk/novyny/?tag=forum", "uk", "форум"),
        ("/uk/novyny/?tag=rzecznictwo", "", "rzecznictwo"),
    ]


def test_a_tag_translation_left_untranslated_is_shown_marked_polish(org_a, index_a, forum):
    translate_tag(org_a, "rzecznictwo", "uk")
    assert news_tag(org_a, "rzecznictwo", "uk").name == "rzecznictwo"

    html = text_of(visit(org_a, forum.get_translation(locale("uk")).url))

    assert ("/uk/novyny/?tag=rzecznictwo", "pl", "rzecznictwo") in tags_shown(html)


def test_another_organizations_translation_of_the_same_tag_is_not_used(
    org_a, org_b, index_a, forum
):
    add_article(news_index(org_b), "Forum w Toruniu", "2023-12-08", tags=["rzecznictwo"])
    translate_tag(org_b, "rzecznictwo", "uk", "адвокація (B)")

    html = text_of(visit(org_a, forum.get_translation(locale("uk")).url))

    assert ("/uk/novyny/?tag=rzecznictwo", "pl", "rzecznictwo") in tags_shown(html)
    assert "адвокація (B)" not in html


def test_renaming_the_original_tag_changes_how_polish_pages_show_it(org_a, forum):
    original = news_tag(org_a, "rzecznictwo")
    original.name = "rzecznictwo i polityka"
    original.save()

    html = text_of(visit(org_a, forum.url))

    assert ("/pl/aktualnosci/?tag=rzecznictwo", "", "rzecznictwo i polityka") in tags_shown(html)


def test_the_migration_names_the_tags_of_articles_published_before(org_a, org_b, index_a):
    add_article(index_a, "Za nami forum", "2023-12-05", tags=["forum", "rzecznictwo"])
    add_article(news_index(org_b), "Forum w Toruniu", "2023-12-08", tags=["forum"])
    add_article(index_a, "Szkic", "2023-12-07", tags=["szkic"], publish=False)
    NewsTag.objects.all().delete()

    BACKFILL.name_the_tags_of_published_articles(apps, None)
    BACKFILL.name_the_tags_of_published_articles(apps, None)  # and again: nothing twice

    assert sorted(NewsTag.objects.values_list("site_id", "name", "locale__language_code")) == [
        (org_a.site.pk, "forum", "pl"),
        (org_a.site.pk, "rzecznictwo", "pl"),
        (org_b.site.pk, "forum", "pl"),
    ]


# Categories: translated like tags, marked where a translation still shows the original's name


def test_a_category_left_untranslated_is_marked_polish_on_the_article_and_in_the_filter(
    org_a, index_a
):
    category = make_category(org_a, "Zaproszenia", slug="zaproszenia")
    other = make_category(org_a, "Relacje", slug="relacje")
    article = add_article(index_a, "Za nami forum", "2023-12-05", category=category)
    add_article(index_a, "Relacja", "2023-12-04", category=other)
    # Translating the article translates its category, whose name nobody translated yet.
    TranslationCreator(None, [locale("uk")]).create_translations(article)
    translated = article.get_translation(locale("uk"))
    translated.title = "Відбувся форум"
    translated.save_revision().publish()
    translated.refresh_from_db()
    assert category.get_translation(locale("uk")).name == "Zaproszenia"

    page = text_of(visit(org_a, translated.url))
    listing = text_of(visit(org_a, "/uk/novyny/"))
    filtered = text_of(visit(org_a, "/uk/novyny/?category=zaproszenia"))

    assert '<a href="/uk/novyny/?category=zaproszenia" lang="pl">Zaproszenia</a>' in page
    assert '<span lang="pl">Zaproszenia</span>' in listing
    assert 'href="/uk/novyny/?category=zaproszenia" lang="pl">Zaproszenia</a>' in listing
    assert 'href="/uk/novyny/?category=relacje" lang="pl">Relacje</a>' in listing
    assert '<span lang="pl">Zaproszenia</span>' in filtered


# The admin


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


def tag_listing_url(view="list"):
    return reverse(f"wagtailsnippets_news_newstag:{view}")


def test_staff_list_each_tag_once_with_its_languages_and_add_none(
    client, org_a, editor_a, superuser, forum
):
    rows = listing_rows(login(client, editor_a).get(tag_listing_url()))

    states = {row["title"]: {k: v[0] for k, v in row["languages"].items()} for row in rows}
    assert states == {
        "forum": {"pl": "original", "uk": "up_to_date", "en": "up_to_date"},
        "rzecznictwo": {"pl": "original", "uk": "missing", "en": "missing"},
    }
    for user in (editor_a, superuser):
        login(client, user)
        assert tag_listing_url("add") not in text_of(client.get(tag_listing_url()))
        assert client.get(tag_listing_url("add")).status_code in (302, 403)
        client.post(tag_listing_url("add"), {"name": "nowy"})
        client.post(reverse("wagtailsnippetchoosers_news_newstag:create"), {"name": "nowy"})
        assert NewsTag.objects.count() == 4


def test_a_translator_translates_a_tag_and_cannot_touch_the_original(
    client, org_a, translator_a, forum
):
    translated = news_tag(org_a, "forum", "uk")
    original = news_tag(org_a, "forum")
    login(client, translator_a)

    client.post(
        reverse("wagtailsnippets_news_newstag:edit", args=[original.pk]), {"name": "forum!"}
    )

    assert news_tag(org_a, "forum").name == "forum"
    rows = listing_rows(client.get(tag_listing_url()))
    [forum_row] = [row for row in rows if row["title"] == "forum"]
    assert forum_row["languages"]["uk"] == (
        "up_to_date",
        reverse("wagtailsnippets_news_newstag:edit", args=[translated.pk]),
    )
    assert forum_row["languages"]["pl"] == ("original", "")


def test_another_organizations_staff_do_not_see_the_tags(client, org_b, editor_b, forum):
    rows = listing_rows(login(client, editor_b).get(tag_listing_url()))

    assert rows == []

"""An article not yet translated stays findable: in the Ukrainian and English news lists,
filters and feeds, marked with its language, and at its /uk/ or /en/ address."""

import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.helpers import add_article, make_category, news_index, translate_article
from tests.utils import make_image, text_of, visit


def cards(response):
    """(address, lang, title) of each article card, in order."""
    return re.findall(
        r'class="article-card-title"><a href="([^"]+)"(?: lang="(\w+)" hreflang="\w+")?>([^<]+)</a>',
        text_of(response),
    )


@pytest.fixture
def news(org_a, index_a):
    category = make_category(org_a, "Zaproszenia", slug="zaproszenia")
    forum = add_article(index_a, "Za nami forum", "2023-12-05", category=category, tags=["forum"])
    translate_article(forum, "uk", title="Відбувся форум")
    add_article(index_a, "Warsztaty w Toruniu", "2023-11-20", category=category, tags=["warsztaty"])
    return category


def test_the_ukrainian_news_list_the_translation_and_the_polish_only_article_marked(org_a, news):
    response = visit(org_a, "/uk/novyny/")

    assert cards(response) == [
        ("/uk/novyny/vidbuvsia-forum/", "", "Відбувся форум"),
        ("/uk/novyny/warsztaty-w-toruniu/", "pl", "Warsztaty w Toruniu"),
    ]
    assert '<span class="language-badge">(польською)</span>' in text_of(response)
    assert "Za nami forum" not in text_of(response)


def test_the_english_news_mark_them_in_english(org_a, news):
    response = visit(org_a, "/en/news/")

    assert [(url, lang) for url, lang, _title in cards(response)] == [
        ("/en/news/za-nami-forum/", "pl"),
        ("/en/news/warsztaty-w-toruniu/", "pl"),
    ]
    assert "(in Polish)" in text_of(response)


def test_category_and_tag_filters_find_the_polish_only_article(org_a, news):
    by_category = visit(org_a, "/uk/novyny/?category=zaproszenia")
    by_tag = visit(org_a, "/uk/novyny/?tag=warsztaty")

    assert [title for _u, _l, title in cards(by_category)] == [
        "Відбувся форум",
        "Warsztaty w Toruniu",
    ]
    assert [title for _u, _l, title in cards(by_tag)] == ["Warsztaty w Toruniu"]


def test_the_polish_only_article_opens_at_its_ukrainian_address(org_a, news):
    response = visit(org_a, "/uk/novyny/warsztaty-w-toruniu/")
    html = text_of(response)

    assert response.status_code == 200
    assert 'lang="pl">' in html
    assert "ще не перекладена" in html
    assert (
        '<link rel="canonical" href="http://alfa.localhost/pl/aktualnosci/warsztaty-w-toruniu/">'
        in html
    )


def test_with_untranslated_content_hidden_only_translations_are_listed(org_a, news):
    org_a.show_untranslated = False
    org_a.save()

    assert [title for _u, _l, title in cards(visit(org_a, "/uk/novyny/"))] == ["Відбувся форум"]
    assert visit(org_a, "/uk/novyny/warsztaty-w-toruniu/").status_code == 404
    feed = feedparser.parse(visit(org_a, "/uk/novyny/feed/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Відбувся форум"]


def test_the_english_feed_has_the_polish_only_articles_at_their_english_address(org_a, news):
    feed = feedparser.parse(visit(org_a, "/en/news/feed/atom/").content)

    assert [(entry.title, entry.link) for entry in feed.entries] == [
        ("Za nami forum (in Polish)", "http://alfa.localhost/en/news/za-nami-forum/"),
        (
            "Warsztaty w Toruniu (in Polish)",
            "http://alfa.localhost/en/news/warsztaty-w-toruniu/",
        ),
    ]


def test_the_ukrainian_list_costs_the_same_for_few_and_many_untranslated_articles(org_a, index_a):
    category = make_category(org_a, "Aktualności")
    photo = make_image(org_a)

    def add(number):
        article = add_article(
            index_a,
            f"Artykuł {number}",
            f"2024-01-{number + 1:02d}",
            category=category,
            tags=["forum", f"temat-{number}"],
            hero_image=photo,
            hero_alt_text="Uczestnicy",
        )
        if number % 2:
            translate_article(article, "uk", title=f"Стаття {number}")

    def queries():
        visit(org_a, "/uk/novyny/")  # warm: renditions made, per-process caches filled
        with CaptureQueriesContext(connection) as captured:
            response = visit(org_a, "/uk/novyny/")
        return len(captured), response

    for number in range(3):
        add(number)
    few, _response = queries()
    for number in range(3, 14):
        add(number)
    many, response = queries()

    assert many == few
    assert len(cards(response)) == 10
    assert news_index(org_a, "uk").published_articles().count() == 14

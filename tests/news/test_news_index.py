"""The news list a visitor reads: newest first, ten a page, by category or tag, and only
this organization's articles in the language of the page."""

import datetime
import re

import pytest

from tests.news.helpers import add_article, make_category, translate_article
from tests.query_budgets import BUDGETS
from tests.utils import make_image, pagination_shown, text_of, visit

pytestmark = pytest.mark.django_db


# A page of Wagtail and the site (routing, view restrictions, menu, language switcher,
# breadcrumbs, settings, privacy policy link, untranslated parts) and the list: view restrictions, categories, count, articles with
# their categories, photos, renditions, tags and the tags' names in each language; and the
# feed links in <head>.
QUERIES_FOR_THE_NEWS_LIST = BUDGETS["news_index"][0]


def listed_titles(response):
    """Titles of the articles on the page, in order."""
    return re.findall(
        r'class="article-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', text_of(response)
    )


def add_articles(index, count, start=datetime.date(2024, 1, 1), **fields):
    return [
        add_article(index, f"Artykuł {number}", start + datetime.timedelta(days=number), **fields)
        for number in range(1, count + 1)
    ]


def test_articles_are_listed_newest_first_with_date_category_photo_and_lead(org_a, index_a):
    news = make_category(org_a, "Aktualności")
    add_article(index_a, "Forum w listopadzie", "2023-11-20", intro="Zapraszamy na forum.")
    add_article(
        index_a,
        "Za nami III Forum",
        "2023-12-05",
        category=news,
        intro="Solidarność, godność, empatia.",
        hero_image=make_image(org_a),
        hero_alt_text="Uczestnicy forum",
    )
    # Published the same day: the later one first.
    add_article(index_a, "Drugi tekst tego dnia", "2023-12-05")

    response = visit(org_a, "/pl/aktualnosci/")
    html = text_of(response)

    assert response.status_code == 200
    assert listed_titles(response) == [
        "Drugi tekst tego dnia",
        "Za nami III Forum",
        "Forum w listopadzie",
    ]
    card = html[html.index("Za nami III Forum") : html.index("Forum w listopadzie")]
    assert '<time datetime="2023-12-05">5 grudnia 2023</time>' in card
    assert "Aktualności</span>" in card
    assert "Solidarność, godność, empatia." in card
    assert 'srcset="/media/images/photo' in card
    assert "fill-480x270-c100" in card


def test_dates_follow_the_language_of_the_page(org_a, index_a):
    article = add_article(index_a, "Za nami III Forum", "2023-12-05")
    translate_article(article, "uk", title="Відбувся III Форум")
    translate_article(article, "en", title="The 3rd Forum is behind us")

    assert "5 grudnia 2023" in text_of(visit(org_a, "/pl/aktualnosci/"))
    assert "05 грудня 2023 р." in text_of(visit(org_a, "/uk/novyny/"))
    assert "Dec. 5, 2023" in text_of(visit(org_a, "/en/news/"))


def test_ten_articles_a_page_with_links_to_older_and_newer_ones(org_a, index_a):
    add_articles(index_a, 23)

    first = visit(org_a, "/pl/aktualnosci/")
    second = visit(org_a, "/pl/aktualnosci/?page=2")
    third = visit(org_a, "/pl/aktualnosci/?page=3")

    assert listed_titles(first) == [f"Artykuł {n}" for n in range(23, 13, -1)]
    assert listed_titles(second) == [f"Artykuł {n}" for n in range(13, 3, -1)]
    assert listed_titles(third) == ["Artykuł 3", "Artykuł 2", "Artykuł 1"]
    assert 'href="?page=2" rel="next"' in text_of(first)
    assert 'rel="prev"' not in text_of(first)
    assert 'href="?page=1" rel="prev"' in text_of(second)
    assert 'href="?page=3" rel="next"' in text_of(second)
    assert 'rel="next"' not in text_of(third)
    # The design system's pagination: the numbered pages, the current one marked.
    assert pagination_shown(text_of(third)) == ["‹", "Nowsze", "artykuły", "1", "2", "3"]
    assert '<span aria-current="page"><span class="visually-hidden">Strona </span>3</span>' in (
        text_of(third)
    )


@pytest.mark.parametrize(
    ("page", "expected_first"),
    [
        ("abc", "Artykuł 12"),
        ("0", "Artykuł 2"),
        ("-1", "Artykuł 2"),
        ("999", "Artykuł 2"),
        ("", "Artykuł 12"),
    ],
)
def test_a_page_number_out_of_range_or_not_a_number_shows_a_page_of_articles(
    org_a, index_a, page, expected_first
):
    add_articles(index_a, 12)

    response = visit(org_a, f"/pl/aktualnosci/?page={page}")

    assert response.status_code == 200
    assert listed_titles(response)[0] == expected_first


def test_category_filter_lists_the_categorys_articles_and_offers_the_whole_list(org_a, index_a):
    news = make_category(org_a, "Aktualności")
    invitations = make_category(org_a, "Zaproszenia")
    add_article(index_a, "Za nami forum", "2023-12-05", category=news)
    add_article(index_a, "Zapraszamy na warsztaty", "2023-12-06", category=invitations)
    add_article(index_a, "Bez kategorii", "2023-12-07")

    everything = visit(org_a, "/pl/aktualnosci/")
    filtered = visit(org_a, "/pl/aktualnosci/?category=zaproszenia")
    html = text_of(filtered)

    assert listed_titles(everything) == [
        "Bez kategorii",
        "Zapraszamy na warsztaty",
        "Za nami forum",
    ]
    assert listed_titles(filtered) == ["Zapraszamy na warsztaty"]
    assert "Artykuły z kategorii „Zaproszenia”." in html
    assert (
        '<a href="/pl/aktualnosci/" class="news-clear-filter">Pokaż wszystkie artykuły</a>' in html
    )
    assert 'href="/pl/aktualnosci/?category=zaproszenia" aria-current="page">Zaproszenia' in html
    assert 'href="/pl/aktualnosci/?category=aktualnosci">Aktualności' in html


def test_tag_filter_lists_the_tagged_articles_across_categories(org_a, index_a):
    news = make_category(org_a, "Aktualności")
    add_article(index_a, "Forum w Toruniu", "2023-12-01", category=news, tags=["forum", "Toruń"])
    add_article(index_a, "Forum w Lublinie", "2023-12-02", tags=["forum"])
    add_article(index_a, "Warsztaty", "2023-12-03", tags=["warsztaty"])

    response = visit(org_a, "/pl/aktualnosci/?tag=forum")
    both = visit(org_a, "/pl/aktualnosci/?tag=forum&category=aktualnosci")

    assert listed_titles(response) == ["Forum w Lublinie", "Forum w Toruniu"]
    assert "Artykuły z tagiem „forum”." in text_of(response)
    assert "Pokaż wszystkie artykuły" in text_of(response)
    assert listed_titles(both) == ["Forum w Toruniu"]


def test_pages_of_a_filtered_list_keep_the_filter(org_a, index_a):
    add_articles(index_a, 12, tags=["forum"])

    html = text_of(visit(org_a, "/pl/aktualnosci/?tag=forum"))

    assert 'href="?tag=forum&amp;page=2" rel="next"' in html


@pytest.mark.parametrize("query", ["category=nie-ma-takiej", "tag=nie-ma-takiego"])
def test_an_unknown_category_or_tag_is_not_found(org_a, index_a, query):
    add_article(index_a, "Za nami forum", "2023-12-05")

    assert visit(org_a, f"/pl/aktualnosci/?{query}").status_code == 404


def test_another_organizations_category_is_not_a_filter_here(org_a, org_b, index_a, index_b):
    theirs = make_category(org_b, "Zaproszenia")
    add_article(index_b, "Zaproszenie Bety", "2023-12-05", category=theirs)
    add_article(index_a, "Artykuł Alfy", "2023-12-05")

    assert visit(org_a, "/pl/aktualnosci/?category=zaproszenia").status_code == 404


def test_other_organizations_articles_and_other_languages_are_never_listed(
    org_a, org_b, index_a, index_b
):
    ours = add_article(index_a, "Artykuł Alfy", "2023-12-01")
    translate_article(ours, "uk", title="Стаття Альфи")
    add_article(index_b, "Artykuł Bety", "2023-12-02")

    polish = listed_titles(visit(org_a, "/pl/aktualnosci/"))
    ukrainian = listed_titles(visit(org_a, "/uk/novyny/"))
    beta = listed_titles(visit(org_b, "/pl/aktualnosci/"))

    assert polish == ["Artykuł Alfy"]
    assert ukrainian == ["Стаття Альфи"]
    assert beta == ["Artykuł Bety"]
    assert [a.title for a in index_a.articles()] == ["Artykuł Alfy"]


def test_drafts_and_unpublished_articles_are_not_listed(org_a, index_a):
    add_article(index_a, "Opublikowany", "2023-12-01")
    add_article(index_a, "Szkic", "2023-12-02", publish=False)
    withdrawn = add_article(index_a, "Wycofany", "2023-12-03")
    withdrawn.unpublish()

    assert listed_titles(visit(org_a, "/pl/aktualnosci/")) == ["Opublikowany"]
    assert [a.title for a in index_a.articles()] == ["Opublikowany"]


def test_an_index_without_articles_says_so(org_a):
    html = text_of(visit(org_a, "/pl/aktualnosci/"))
    assert "Nie ma tu jeszcze artykułów." in html


@pytest.mark.parametrize("count", [3, 12])
def test_the_list_runs_the_same_number_of_queries_for_few_and_many_articles(
    org_a, index_a, count, django_assert_num_queries
):
    news = make_category(org_a, "Aktualności")
    photo = make_image(org_a)
    for number in range(count):
        add_article(
            index_a,
            f"Artykuł {number}",
            datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            category=news,
            tags=["forum", f"temat-{number}"],
            hero_image=photo,
            hero_alt_text="Uczestnicy forum",
        )
    visit(org_a, "/pl/aktualnosci/")  # warm: renditions made, per-process caches filled

    with django_assert_num_queries(QUERIES_FOR_THE_NEWS_LIST):
        response = visit(org_a, "/pl/aktualnosci/")

    assert len(listed_titles(response)) == min(count, 10)


def test_cards_show_the_photo_with_its_alt_text_and_size_and_a_tidy_card_without_one(
    org_a, index_a
):
    add_article(
        index_a,
        "Ze zdjęciem",
        "2024-03-02",
        hero_image=make_image(org_a),
        hero_alt_text="Uczestnicy forum przy stołach",
    )
    add_article(index_a, "Bez zdjęcia", "2024-03-01")

    html = text_of(visit(org_a, "/pl/aktualnosci/"))

    cards = re.findall(r'<article class="card article-card[^"]*">.*?</article>', html, re.S)
    assert len(cards) == 2
    with_photo, without = cards
    image = re.search(r"<img [^>]*>", with_photo).group(0)
    assert 'alt="Uczestnicy forum przy stołach"' in image
    # The largest rendition's size (its shape; the card sets the width).
    assert 'width="960"' in image
    assert 'height="540"' in image
    assert 'loading="lazy"' in image
    assert "card-no-image" not in with_photo[: with_photo.index(">")]
    assert "<img" not in without
    assert "card-no-image" in without[: without.index(">")]
    assert '<ul class="article-list card-grid">' in html

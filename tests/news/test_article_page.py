"""An article as a visitor reads it: date, category, lead, photo with its author, body, tags,
share links and related articles."""

import re

import pytest

from news.models import ArticlePage
from tests.news.helpers import add_article, make_category, translate_article
from tests.query_budgets import VARIANTS
from tests.utils import make_image, text_of, translate_page, visit

pytestmark = pytest.mark.django_db

# Wagtail and the site (routing, view restrictions, menu, language switcher, breadcrumbs,
# settings, feed links, privacy policy link, untranslated parts), the article's category, photo and renditions, tags, the news
# index's address, the photo's rendition for link previews (Open Graph), and the related
# articles: the chosen links, then the articles with their photos, renditions and tags.
QUERIES_FOR_AN_ARTICLE = VARIANTS["article without chosen related articles"]


def related_titles(response):
    html = text_of(response)
    if "related-articles" not in html:
        return []
    section = html[html.index('class="related-articles"') :]
    return re.findall(r'class="article-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', section)


@pytest.fixture
def forum_article(org_a, index_a):
    return add_article(
        index_a,
        "Za nami III Forum Współpracy i Integracji",
        "2023-12-05",
        slug="za-nami-iii-forum-wspolpracy-i-integracji",
        category=make_category(org_a, "Aktualności"),
        intro="Solidarność, godność, empatia.",
        tags=["forum", "rzecznictwo"],
        hero_image=make_image(org_a),
        hero_alt_text="Uczestniczki i uczestnicy forum przy stołach",
        hero_caption="Warsztat rzeczniczy",
        hero_credit="Piotr Rojewski",
        body=[
            ("heading", {"text": "Wartości", "level": "h2", "anchor": ""}),
            ("rich_text", "<p>Nic co nas dotyczy, nie może się zadziać bez nas.</p>"),
        ],
    )


def test_article_shows_date_category_lead_photo_with_credit_body_and_tags(org_a, forum_article):
    response = visit(org_a, forum_article.url)
    html = text_of(response)

    assert response.status_code == 200
    article = html[html.index('<article class="article">') : html.index("</article>")]
    assert "<h1>Za nami III Forum Współpracy i Integracji</h1>" in article
    assert '<time datetime="2023-12-05">5 grudnia 2023</time>' in article
    assert '<a href="/pl/aktualnosci/?category=aktualnosci">Aktualności</a>' in article
    assert '<p class="lead">Solidarność, godność, empatia.</p>' in article
    figure = article[article.index('<figure class="article-hero') : article.index("</figure>")]
    assert 'alt="Uczestniczki i uczestnicy forum przy stołach"' in figure
    assert "width-1200" in figure
    assert '<span class="image-caption">Warsztat rzeczniczy</span>' in figure
    assert '<span class="image-credit">Zdjęcie: Piotr Rojewski</span>' in figure
    assert "Nic co nas dotyczy" in article
    # Headings in order: the title, then the body's sections.
    assert article.index("<h1>") < article.index("Wartości")
    assert 'href="/pl/aktualnosci/?tag=forum" rel="tag">forum</a>' in article
    assert 'href="/pl/aktualnosci/?tag=rzecznictwo" rel="tag">rzecznictwo</a>' in article


def test_article_without_photo_has_no_figure(org_a, index_a):
    article = add_article(index_a, "Krótka informacja", "2024-01-10")

    html = text_of(visit(org_a, article.url))

    assert "article-hero" not in html
    assert "Zdjęcie:" not in html


def test_translated_article_shows_its_date_in_its_language(org_a, forum_article):
    translated = translate_article(
        forum_article, "uk", title="Відбувся III Форум співпраці та інтеграції"
    )

    html = text_of(visit(org_a, translated.url))

    assert "Відбувся III Форум співпраці та інтеграції" in html
    assert '<time datetime="2023-12-05">05 грудня 2023 р.</time>' in html
    assert "Фото: Piotr Rojewski" in html


def test_without_a_choice_related_articles_are_the_latest_three_of_the_same_category(
    org_a, index_a
):
    news = make_category(org_a, "Aktualności")
    invitations = make_category(org_a, "Zaproszenia")
    for day in range(1, 6):
        add_article(index_a, f"Aktualność {day}", f"2024-01-0{day}", category=news)
    add_article(index_a, "Zaproszenie", "2024-01-09", category=invitations)
    add_article(index_a, "Szkic", "2024-01-09", category=news, publish=False)
    article = add_article(index_a, "Najnowsza", "2024-01-08", category=news)

    response = visit(org_a, article.url)

    assert related_titles(response) == ["Aktualność 5", "Aktualność 4", "Aktualność 3"]
    assert '<h2 id="related-articles-heading">Powiązane artykuły</h2>' in text_of(response)
    assert [a.title for a in ArticlePage.objects.get(pk=article.pk).related_articles()] == [
        "Aktualność 5",
        "Aktualność 4",
        "Aktualność 3",
    ]


def test_an_article_alone_in_its_category_has_no_related_articles(org_a, index_a):
    article = add_article(index_a, "Jedyna", "2024-01-08", category=make_category(org_a, "Inne"))
    add_article(index_a, "Bez kategorii", "2024-01-07")

    response = visit(org_a, article.url)

    assert related_titles(response) == []
    assert "related-articles" not in text_of(response)


def test_chosen_related_articles_replace_the_automatic_ones_in_the_chosen_order(org_a, index_a):
    news = make_category(org_a, "Aktualności")
    older = add_article(index_a, "Starszy wybrany", "2023-01-01")
    newer = add_article(index_a, "Nowszy wybrany", "2023-06-01")
    add_article(index_a, "Ta sama kategoria", "2024-01-01", category=news)
    article = add_article(index_a, "Artykuł", "2024-02-01", category=news, related=[older, newer])

    assert related_titles(visit(org_a, article.url)) == ["Starszy wybrany", "Nowszy wybrany"]


def test_chosen_related_articles_are_shown_in_the_readers_language_and_drafts_left_out(
    org_a, index_a
):
    chosen = add_article(index_a, "Wybrany", "2023-01-01")
    unpublished = add_article(index_a, "Wycofany", "2023-02-01")
    article = add_article(index_a, "Artykuł", "2024-02-01", related=[chosen, unpublished])
    unpublished.unpublish()
    translate_article(chosen, "uk", title="Обраний")
    # wagtail-localize copies the choice: the Ukrainian article points at Polish articles.
    translated = translate_article(article, "uk", title="Стаття")

    assert related_titles(visit(org_a, article.url)) == ["Wybrany"]
    assert related_titles(visit(org_a, translated.url)) == ["Обраний"]


def test_an_article_page_runs_a_fixed_number_of_queries(
    org_a, index_a, forum_article, django_assert_num_queries
):
    for day in range(1, 4):
        add_article(
            index_a,
            f"Aktualność {day}",
            f"2023-11-0{day}",
            category=forum_article.category,
            hero_image=forum_article.hero_image,
            hero_alt_text="Zdjęcie",
            tags=["forum"],
        )
    visit(org_a, forum_article.url)  # warm: renditions made, per-process caches filled

    with django_assert_num_queries(QUERIES_FOR_AN_ARTICLE):
        response = visit(org_a, forum_article.url)

    assert len(related_titles(response)) == 3


def test_tags_on_a_translation_are_marked_as_the_polish_they_are(org_a, forum_article):
    # Tags nobody has translated yet are shown as first written (tests/news/test_news_tags.py).
    translated = translate_page(forum_article, "uk", title="Відбувся III Форум співпраці")

    html = text_of(visit(org_a, translated.url))

    assert 'rel="tag" lang="pl">forum</a>' in html
    assert 'rel="tag" lang="pl">rzecznictwo</a>' in html

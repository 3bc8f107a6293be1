"""The home page shows the organization's latest news in its language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.helpers import add_article, news_index, translate_article
from tests.utils import make_image, text_of, visit

pytestmark = pytest.mark.django_db


def latest_titles(response):
    """The home page's articles in order: the featured card's (the newest, when the editors
    chose none), then the latest news."""
    html = text_of(response)
    main = html[html.index("<main") : html.index("</main>")]
    return re.findall(r'class="article-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', main)


def test_home_page_shows_the_four_newest_articles_of_its_organization(org_a, org_b):
    index = news_index(org_a)
    for day in range(1, 6):
        add_article(index, f"Wiadomość {day}", f"2024-02-0{day}")
    add_article(index, "Szkic", "2024-03-01", publish=False)
    add_article(news_index(org_b), "Beta", "2024-03-02")

    response = visit(org_a, "/pl/")

    # The newest featured, the next three in the list.
    assert latest_titles(response) == ["Wiadomość 5", "Wiadomość 4", "Wiadomość 3", "Wiadomość 2"]
    assert 'href="/pl/aktualnosci/">' in text_of(response)


def test_each_language_shows_its_own_news(org_a):
    article = add_article(news_index(org_a), "Po polsku", "2024-02-01")
    add_article(news_index(org_a), "Starszy", "2024-01-01")
    translate_article(article, "uk", title="Українською")

    assert latest_titles(visit(org_a, "/pl/")) == ["Po polsku", "Starszy"]
    # The translation in place of its original; the article not yet translated, marked.
    assert latest_titles(visit(org_a, "/uk/")) == ["Українською", "Starszy"]
    assert "(польською)" in text_of(visit(org_a, "/uk/"))


def test_with_untranslated_content_hidden_a_language_shows_only_its_own_news(org_a):
    add_article(news_index(org_a), "Po polsku", "2024-02-01")
    org_a.show_untranslated = False
    org_a.save()

    assert latest_titles(visit(org_a, "/pl/")) == ["Po polsku"]
    assert latest_titles(visit(org_a, "/uk/")) == []
    assert 'class="latest-news"' not in text_of(visit(org_a, "/uk/"))


def test_latest_news_costs_the_same_for_few_and_many_articles(org_a, django_assert_num_queries):
    index = news_index(org_a)
    photo = make_image(org_a)
    for day in range(1, 4):
        add_article(index, f"Wiadomość {day}", f"2024-02-{day:02}", hero_image=photo)
    visit(org_a, "/pl/")  # renditions made once
    with CaptureQueriesContext(connection) as few:
        visit(org_a, "/pl/")
    queries_for_three = len(few.captured_queries)  # read now: each request resets the log
    for day in range(4, 16):
        add_article(index, f"Wiadomość {day}", f"2024-02-{day:02}", hero_image=photo)
    visit(org_a, "/pl/")

    with django_assert_num_queries(queries_for_three):
        response = visit(org_a, "/pl/")
    assert len(latest_titles(response)) == 4

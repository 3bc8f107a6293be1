"""`manage.py demo`: each demo organization's news, with a report from the forum in its
languages, translated through wagtail-localize."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from home.demo import DEMO_ORGANIZATIONS
from news.models import ArticlePage, NewsIndexPage

# wagtail-localize publishes translations when a transaction commits: real commits.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLES = {
    "pl": "Za nami III Forum Współpracy i Integracji",
    "uk": "Відбувся III Форум співпраці та інтеграції",
    "en": "The 3rd Forum of Cooperation and Integration is behind us",
}


def run_demo():
    call_command("demo", "--port", "8123", stdout=StringIO())


def test_each_demo_organization_has_the_forum_report_in_its_languages():
    run_demo()

    for definition in DEMO_ORGANIZATIONS:
        host = definition["hostname"]
        for language in definition["languages"]:
            article = ArticlePage.objects.get(
                slug="za-nami-iii-forum-wspolpracy-i-integracji",
                locale__language_code=language,
                url_path__startswith=f"/{definition['slug']}",
            )
            assert article.live
            assert article.title == TITLES[language]
            assert str(article.date) == "2023-12-05"
            assert article.category.locale.language_code == language
            index = NewsIndexPage.objects.get(pk=article.get_parent().pk)
            assert index.show_in_menus

            html = Client().get(article.url, HTTP_HOST=host).content.decode()
            assert TITLES[language] in html
            assert "Mateusz Płoskonka" in html
            assert 'class="quote"' in html

    ukrainian = ArticlePage.objects.get(locale__language_code="uk", url_path__startswith="/m6")
    assert ukrainian.category.name == "Новини"
    assert "Нашими гостями були" in str(ukrainian.body)
    english = ArticlePage.objects.get(locale__language_code="en", url_path__startswith="/m6")
    assert english.category.name == "News"
    assert english.intro.startswith("Solidarity, dignity, empathy")


def test_a_second_run_adds_no_second_report():
    run_demo()
    articles = ArticlePage.objects.count()

    run_demo()

    assert ArticlePage.objects.count() == articles

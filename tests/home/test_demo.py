"""`manage.py demo`: the demo organizations a newcomer gets from `make run`: their sites,
standard pages, the forum report in the news and Studio M6's meeting in Toruń, all in their
languages through wagtail-localize; every public page valid HTML as the Nu HTML Checker (the
W3C validator) sees it (each live page in each language, a page with one of every body
block, search, a 404, a registration form sent back with its errors); and everything a
visitor reads under /uk/ Ukrainian or marked as the Polish it is.

One build of the demo serves the whole module (`demo_database`, tests/conftest.py): the
tests that read it live together so that it is built once per test worker."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Page, Site

from core.dates import WARSAW
from events.models import EventIndexPage, EventPage
from home.demo import (
    DEMO_ORGANIZATIONS,
    DEMO_PARTNER_NAMES,
    LANGUAGE_INDEX,
    demo_event_times,
)
from home.models import ContentPage, HomePage
from news.models import ArticlePage, NewsIndexPage
from organizations.models import OrganizationSettings
from pages.blocks import BodyBlock
from tests.utils import add_child_page, html_errors, unmarked_polish, visit

# The tests read one build of the demo; their own changes roll back.
pytestmark = pytest.mark.django_db

NEWS_TITLES = {
    "pl": "Za nami III Forum Współpracy i Integracji",
    "uk": "Відбувся III Форум співпраці та інтеграції",
    "en": "The 3rd Forum of Cooperation and Integration is behind us",
}
# Translations get slugs of their own, Ukrainian transliterated.
NEWS_SLUGS = {
    "pl": "za-nami-iii-forum-wspolpracy-i-integracji",
    "uk": "vidbuvsia-iii-forum-spivpratsi-ta-intehratsii",
    "en": "the-3rd-forum-of-cooperation-and-integration-is-behind-us",
}
EVENT_SLUGS = {
    "pl": "porozmawiajmy-o-integracji",
    "uk": "pohovorimo-pro-intehratsiiu",
    "en": "lets-talk-about-integration",
}
EVENT_TITLES = {
    "pl": "Porozmawiajmy o integracji",
    "uk": "Поговорімо про інтеграцію",
    "en": "Let's talk about integration",
}


def run_demo():
    out = StringIO()
    call_command("demo", "--port", "8123", stdout=out)
    return out.getvalue()


def test_demo_builds_organizations_on_their_own_hostnames_and_prints_logins(demo_database):
    output = demo_database.output

    assert len(DEMO_ORGANIZATIONS) >= 2
    for definition in DEMO_ORGANIZATIONS:
        site = Site.objects.get(hostname=definition["hostname"])
        org = OrganizationSettings.objects.get(site=site)
        assert org.logo is not None
        assert org.privacy_policy_page is not None
        home = site.root_page.specific
        translations = HomePage.objects.filter(translation_key=home.translation_key).live()
        assert sorted(translations.values_list("locale__language_code", flat=True)) == sorted(
            definition["languages"]
        )
        for translated_home in translations:
            menu = translated_home.get_children().live().in_menu()
            assert menu.count() == 4  # news, events, about us, contact
        assert f"http://{definition['hostname']}:8123/" in output
        assert f"{definition['slug']}-editor / " in output
        assert f"{definition['slug']}-registration / " in output
    assert "admin / " in output

    # The standard pages create_organization made are filled in and published, not doubled,
    # and their translations went through wagtail-localize with the translated text.
    about_uk = ContentPage.objects.get(
        slug="pro-nas", locale__language_code="uk", url_path__startswith="/m6"
    )
    assert about_uk.title == "Про нас"
    assert about_uk.live
    assert "Ми працюємо з людьми з досвідом міграції" in str(about_uk.body)
    assert "Наша місія" in str(about_uk.body)
    for page in ContentPage.objects.filter(url_path__startswith="/m6"):
        assert page.live
        assert "[" not in str(page.body), f"{page.title} keeps a placeholder"
    for definition in DEMO_ORGANIZATIONS:
        polish = ContentPage.objects.filter(url_path__startswith=f"/{definition['slug']}/")
        assert polish.filter(slug__startswith="o-nas").count() == 1
    m6 = OrganizationSettings.objects.get(slug="m6")
    with translation.override("uk"):
        assert m6.published_privacy_policy().slug == "polityka-konfidentsiinosti"


def test_a_second_run_keeps_the_content_and_adds_nothing_twice(
    demo_database, django_capture_on_commit_callbacks
):
    about = ContentPage.objects.filter(slug="o-nas", locale__language_code="pl").first()
    about.title = "O nas – zmienione"
    about.save_revision().publish()
    counts = [model.objects.count() for model in (Page, ArticlePage, EventPage)]

    with django_capture_on_commit_callbacks(execute=True):
        output = run_demo()

    assert "already exists; kept as it is" in output
    assert [model.objects.count() for model in (Page, ArticlePage, EventPage)] == counts
    about.refresh_from_db()
    assert about.title == "O nas – zmienione"


def test_each_demo_organization_has_the_forum_report_in_its_languages(demo_database):
    for definition in DEMO_ORGANIZATIONS:
        host = definition["hostname"]
        for language in definition["languages"]:
            article = ArticlePage.objects.get(
                slug=NEWS_SLUGS[language],
                locale__language_code=language,
                url_path__startswith=f"/{definition['slug']}",
            )
            assert article.live
            assert article.title == NEWS_TITLES[language]
            assert str(article.date) == "2023-12-05"
            assert article.category.locale.language_code == language
            index = NewsIndexPage.objects.get(pk=article.get_parent().pk)
            assert index.show_in_menus

            html = Client().get(article.url, HTTP_HOST=host).content.decode()
            assert NEWS_TITLES[language] in html
            # A guest's name as readers of the language write it.
            assert {"uk": "Матеуш Плосконка"}.get(language, "Mateusz Płoskonka") in html
            assert 'class="quote"' in html

    ukrainian = ArticlePage.objects.get(locale__language_code="uk", url_path__startswith="/m6")
    assert ukrainian.category.name == "Новини"
    assert "Нашими гостями були" in str(ukrainian.body)
    english = ArticlePage.objects.get(locale__language_code="en", url_path__startswith="/m6")
    assert english.category.name == "News"
    assert english.intro.startswith("Solidarity, dignity, empathy")


def test_studio_m6_has_the_meeting_in_toru_in_its_languages(demo_database):
    start, _end = demo_event_times()

    for language, title in EVENT_TITLES.items():
        event = EventPage.objects.get(
            slug=EVENT_SLUGS[language],
            locale__language_code=language,
            url_path__startswith="/m6",
        )
        assert event.live
        assert event.title == title
        assert event.start == start
        assert event.start.astimezone(WARSAW).strftime("%m-%d %H:%M") == "12-14 09:30"
        assert event.end.astimezone(WARSAW).strftime("%H:%M") == "15:30"
        assert event.full_address() == "ul. Mostowa 6, 87-100 Toruń"
        assert event.registration_mode == "form"
        assert event.capacity == 30
        assert isinstance(event.get_parent().specific, EventIndexPage)

        response = Client().get(event.get_url_parts()[2], HTTP_HOST="m6.localhost")
        html = response.content.decode()
        assert response.status_code == 200
        assert title.replace("'", "&#x27;") in html
        assert 'class="event-info' in html
        # The partners' names in the page's language.
        assert DEMO_PARTNER_NAMES["Fundacja Stocznia"][LANGUAGE_INDEX[language]] in html
        assert "openstreetmap.org/search" in html

    ukrainian = EventPage.objects.get(locale__language_code="uk", url_path__startswith="/m6")
    assert ukrainian.venue_name == "соціальна кав'ярня PERS"
    assert "Чому така зустріч?" in str(ukrainian.body)
    html = Client().get(ukrainian.get_url_parts()[2], HTTP_HOST="m6.localhost").content.decode()
    assert f"14 грудня {start.year}, 9:30" in html
    assert "Інформаційна співпраця" in html
    assert not EventPage.objects.filter(url_path__startswith="/konsorcjum")


def test_the_demo_keeps_an_article_and_an_event_in_polish_only(demo_database):
    client = Client(HTTP_HOST="m6.localhost")
    article = ArticlePage.objects.get(slug="forum-w-lublinie-startujemy-jutro")
    event = EventPage.objects.get(slug="forum-lokalnych-polityk-migracyjnych")
    assert [
        a.locale.language_code
        for a in ArticlePage.objects.filter(translation_key=article.translation_key)
    ] == ["pl"]
    assert EventPage.objects.filter(translation_key=event.translation_key).count() == 1

    news = client.get("/uk/novyny/").content.decode()
    events = client.get("/uk/podii/").content.decode()
    assert 'href="/uk/novyny/forum-w-lublinie-startujemy-jutro/" lang="pl"' in news
    assert 'href="/uk/podii/forum-lokalnych-polityk-migracyjnych/" lang="pl"' in events
    assert "(польською)" in news
    assert "(польською)" in events
    response = client.get("/en/events/forum-lokalnych-polityk-migracyjnych/")
    assert response.status_code == 200
    assert "This page is not yet translated into your language." in response.content.decode()


@pytest.fixture
def demo(demo_database, db):
    # One build of the demo with real commits, as under `make run` (tests/conftest.py).
    return list(
        OrganizationSettings.objects.filter(
            slug__in=[definition["slug"] for definition in DEMO_ORGANIZATIONS]
        ).select_related("site")
    )


def live_pages(org):
    for root in org.root_pages():
        yield from Page.objects.live().public().descendant_of(root, inclusive=True).specific()


def every_block_page(org):
    body = [(name, block.get_preview_value()) for name, block in BodyBlock().child_blocks.items()]
    page = ContentPage(title="Każdy blok", slug="kazdy-blok", intro="Wszystkie bloki.", body=body)
    return add_child_page(org.site.root_page, page)


def test_every_public_page_is_valid_html(demo):
    documents = {}

    def fetch(org, path, expected=200, method="get", **data):
        response = (
            visit(org, path)
            if method == "get"
            else Client().post(path, data, HTTP_HOST=org.site.hostname)
        )
        assert response.status_code == expected, f"{org.site.hostname}{path}"
        documents[f"{org.site.hostname}{path}"] = response.content.decode()

    for org in demo:
        for page in live_pages(org):
            fetch(org, page.get_url_parts()[2])
        fetch(org, every_block_page(org).get_url_parts()[2])
        fetch(org, "/pl/szukaj/?q=forum")
        fetch(org, "/uk/poshuk/?q=форум")
        fetch(org, "/pl/nie-ma-takiej-strony/", expected=404)
    event = EventPage.objects.live().filter(registration_mode="form").first()
    org = OrganizationSettings.for_page(event)
    fetch(org, event.get_url_parts()[2] + "register/", method="post", email="nie-adres")

    page_types = {type(page).__name__ for org in demo for page in live_pages(org)}
    assert {"HomePage", "ContentPage", "NewsIndexPage", "ArticlePage"} <= page_types
    assert {"EventIndexPage", "EventPage"} <= page_types
    assert len(documents) > 30
    assert html_errors(documents) == []


def test_the_checker_finds_errors():
    """The check above can fail: the checker reports what is wrong, and where."""
    broken = '<!DOCTYPE html><html lang="pl"><head><title>x</title></head><body><p><div>x</div></p><img src="a.png"></body></html>'

    errors = html_errors({"broken": broken})

    assert any(error.startswith("broken:1: No “p” element in scope") for error in errors)
    assert any("“img” element must have an “alt” attribute" in error for error in errors)


def test_the_checker_finds_polish_outside_lang_pl():
    html = (
        '<main><p>Новини</p><p lang="pl">Aktualności <b>ważne</b></p>'
        '<p>Źródło</p><img alt="Zdjęcie"><script>var x = "ą";</script></main>'
    )

    assert unmarked_polish(html) == ["Źródło", "<img alt='Zdjęcie'>"]


def test_every_demo_ukrainian_page_is_ukrainian_or_marked_polish(demo_database):
    found = {}
    pages = 0
    for definition in DEMO_ORGANIZATIONS:
        org = OrganizationSettings.objects.select_related("site").get(slug=definition["slug"])
        root = org.root_pages().get(locale__language_code="uk")
        for page in Page.objects.live().public().descendant_of(root, inclusive=True):
            path = page.get_url_parts()[2]
            response = visit(org, path)
            assert response.status_code == 200, path
            pages += 1
            polish = unmarked_polish(response.content.decode())
            if polish:
                found[f"{org.site.hostname}{path}"] = polish

    assert pages >= 12
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())

"""RSS and Atom feeds of an organization's news, and the links to them in every page."""

import datetime

import feedparser
import pytest

from tests.news.helpers import add_article, make_category, news_index, translate_article
from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/pl/aktualnosci/feed/rss/", "application/rss+xml; charset=utf-8", "rss20"),
    ("/pl/aktualnosci/feed/atom/", "application/atom+xml; charset=utf-8", "atom10"),
]


def read_feed(org, path):
    response = visit(org, path)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.fixture
def news_of_two_organizations(org_a, org_b, index_a, index_b):
    news = make_category(org_a, "Aktualności")
    forum = add_article(
        index_a,
        "Za nami III Forum Współpracy i Integracji",
        "2023-12-05",
        category=news,
        intro="Solidarność, godność, empatia.",
    )
    add_article(index_a, "Warsztaty dla organizacji", "2023-11-20", intro="Zapraszamy.")
    add_article(index_a, "Szkic", "2023-12-10", publish=False)
    translate_article(forum, "uk", title="Відбувся III Форум співпраці та інтеграції")
    add_article(index_b, "Artykuł Bety", "2023-12-06")
    return forum


@pytest.mark.parametrize(("path", "content_type", "version"), FEEDS)
def test_feed_lists_this_organizations_articles_in_its_language_newest_first(
    org_a, news_of_two_organizations, path, content_type, version
):
    response, feed = read_feed(org_a, path)

    assert response["Content-Type"] == content_type
    assert feed.bozo == 0
    assert feed.version == version
    assert feed.feed.title == "Aktualności – Fundacja Alfa"
    assert feed.feed.link == "http://alfa.localhost/pl/aktualnosci/"
    assert feed.feed.language == "pl"
    assert [entry.title for entry in feed.entries] == [
        "Za nami III Forum Współpracy i Integracji",
        "Warsztaty dla organizacji",
    ]
    first = feed.entries[0]
    assert first.link == news_of_two_organizations.full_url
    assert first.link.startswith("http://alfa.localhost/pl/aktualnosci/")
    assert first.summary == "Solidarność, godność, empatia."
    assert [tag.term for tag in first.tags] == ["Aktualności"]
    published = datetime.datetime(*first.published_parsed[:6], tzinfo=datetime.UTC)
    # Midnight in Warsaw, unless it was first published on that day.
    assert published == datetime.datetime(2023, 12, 4, 23, 0, tzinfo=datetime.UTC)


def test_feed_of_the_ukrainian_news_is_in_ukrainian(org_a, news_of_two_organizations):
    _response, feed = read_feed(org_a, "/uk/novyny/feed/rss/")

    assert feed.feed.language == "uk"
    assert feed.feed.title == "Новини – Fundacja Alfa"
    # The article not yet translated is there too, marked as Polish, at its /uk/ address.
    assert [entry.title for entry in feed.entries] == [
        "Відбувся III Форум співпраці та інтеграції",
        "Warsztaty dla organizacji (польською)",
    ]
    assert feed.entries[0].link.startswith("http://alfa.localhost/uk/novyny/")
    assert feed.entries[1].link == "http://alfa.localhost/uk/novyny/warsztaty-dla-organizacji/"


def test_another_organizations_feed_has_only_its_articles(org_b, news_of_two_organizations):
    _response, feed = read_feed(org_b, "/pl/aktualnosci/feed/atom/")

    assert feed.feed.title == "Aktualności – Stowarzyszenie Beta"
    assert [entry.title for entry in feed.entries] == ["Artykuł Bety"]
    assert feed.entries[0].link.startswith("http://beta.localhost/pl/aktualnosci/")


def test_feed_gives_the_twenty_latest_articles(org_a, index_a):
    for day in range(1, 26):
        add_article(index_a, f"Artykuł {day}", datetime.date(2024, 1, day))

    _response, feed = read_feed(org_a, "/pl/aktualnosci/feed/rss/")

    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Artykuł 25"
    assert feed.entries[-1].title == "Artykuł 6"


def test_every_page_links_to_the_feeds_of_the_news_in_its_language(org_a, page_a):
    home = text_of(visit(org_a, "/pl/"))
    about = text_of(visit(org_a, "/pl/o-fundacji/"))
    ukrainian = text_of(visit(org_a, "/uk/"))

    # Absolute addresses: search engines ignore an hreflang link with a relative one.
    origin = f"http://{org_a.site.hostname}"
    head = home[: home.index("</head>")]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Aktualności (RSS)" '
        f'hreflang="pl" href="{origin}/pl/aktualnosci/feed/rss/">' in head
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Aktualności (Atom)" '
        f'hreflang="pl" href="{origin}/pl/aktualnosci/feed/atom/">' in head
    )
    assert f'href="{origin}/pl/aktualnosci/feed/rss/"' in about[: about.index("</head>")]
    assert f'href="{origin}/uk/novyny/feed/rss/"' in ukrainian[: ukrainian.index("</head>")]


def test_no_feed_links_without_a_published_news_index(org_a):
    news_index(org_a).unpublish()

    html = text_of(visit(org_a, "/pl/"))

    assert "application/rss+xml" not in html
    assert visit(org_a, "/pl/aktualnosci/feed/rss/").status_code == 404

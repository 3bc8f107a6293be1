"""What an article tells link previews and search engines, and how a visitor shares it:
canonical address, language alternates, Open Graph and Twitter card meta, NewsArticle
JSON-LD, the share links and the PDF | Print | Share tools."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.helpers import Head, add_article, make_category, translate_article
from tests.utils import make_image, visit

pytestmark = pytest.mark.django_db

CANONICAL = "http://alfa.localhost/pl/aktualnosci/forum-wspolpracy/"
SHARE_HOSTS = {
    "facebook": "www.facebook.com",
    "x": "x.com",
    "linkedin": "www.linkedin.com",
    "whatsapp": "wa.me",
    "telegram": "t.me",
}


def head_of(org, path, **headers):
    response = visit(org, path, **headers)
    assert response.status_code == 200
    return Head(response.content.decode())


@pytest.fixture
def article(org_a, index_a):
    category = make_category(org_a, "Aktualności")
    return add_article(
        index_a,
        "Forum współpracy",
        "2023-12-05",
        slug="forum-wspolpracy",
        category=category,
        intro="Za nami III Forum Współpracy i Integracji.",
        hero_image=make_image(org_a),
        hero_alt_text="Uczestnicy forum na sali",
        hero_credit="Anna Kowalska",
    )


def test_article_names_its_canonical_address(org_a, article):
    head = head_of(org_a, article.url)

    assert head.link("canonical") == [CANONICAL]
    assert head.meta["og:url"] == [CANONICAL]


def test_every_share_link_carries_the_canonical_address(org_a, article):
    head = head_of(org_a, article.url)

    for key, host in SHARE_HOSTS.items():
        anchor = head.share_link(key)
        address = urlsplit(anchor["href"])
        assert address.scheme == "https"
        assert address.netloc == host
        carried = " ".join(value for values in parse_qs(address.query).values() for value in values)
        assert CANONICAL in carried, key
        # The share page opens in a new tab that cannot reach back into ours.
        assert anchor["rel"] == "noopener noreferrer"
    email = urlsplit(head.share_link("email")["href"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query)["subject"] == ["Forum współpracy"]
    assert CANONICAL in parse_qs(email.query)["body"][0]


def test_nothing_is_loaded_from_a_share_service_before_a_click(org_a, article):
    head = head_of(org_a, article.url)

    for source in head.sources:
        for host in SHARE_HOSTS.values():
            assert host not in source


def test_article_has_open_graph_and_twitter_card_meta(org_a, article):
    head = head_of(org_a, article.url)

    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:title"] == ["Forum współpracy"]
    assert head.meta["og:description"] == ["Za nami III Forum Współpracy i Integracji."]
    assert head.meta["og:site_name"] == ["Fundacja Alfa"]
    assert head.meta["og:locale"] == ["pl_PL"]
    assert head.meta["article:published_time"] == ["2023-12-05"]
    (image,) = head.meta["og:image"]
    assert image.startswith("http://alfa.localhost/")
    assert ".fill-1200x630" in image
    assert head.meta["og:image:width"] == ["1200"]
    assert head.meta["og:image:height"] == ["630"]
    assert head.meta["og:image:alt"] == ["Uczestnicy forum na sali"]
    assert head.meta["twitter:card"] == ["summary_large_image"]
    assert head.meta["twitter:image"] == [image]


def test_news_article_json_ld_has_what_search_engines_require(org_a, article):
    head = head_of(org_a, article.url)

    (data,) = [json.loads(block) for block in head.json_ld]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Forum współpracy"
    assert data["datePublished"] == "2023-12-05"
    assert data["dateModified"].startswith(str(article.last_published_at.date()))
    assert data["mainEntityOfPage"]["@id"] == CANONICAL
    assert data["inLanguage"] == "pl"
    assert data["articleSection"] == "Aktualności"
    assert data["image"] == head.meta["og:image"]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Fundacja Alfa"
    assert data["publisher"]["url"] == "http://alfa.localhost/"
    assert data["author"]["name"] == "Fundacja Alfa"


def test_publisher_carries_the_organizations_logo(org_a, article):
    org_a.logo = make_image(org_a, "Logo")
    org_a.save()

    (data,) = [json.loads(block) for block in head_of(org_a, article.url).json_ld]

    logo = data["publisher"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith("http://alfa.localhost/")
    assert logo["width"] <= 1200
    assert logo["height"] <= 630


def test_a_title_cannot_break_out_of_the_json_ld(org_a, index_a):
    title = 'Forum </script><script>alert("x")</script> & więcej'
    article = add_article(index_a, title, "2024-01-10", slug="forum-xss")

    response = visit(org_a, article.url)
    html = response.content.decode()

    assert "<script>alert" not in html
    (data,) = [json.loads(block) for block in Head(html).json_ld]
    assert data["headline"] == title


def test_translated_article_lists_its_languages(org_a, article):
    translated = translate_article(article, "uk", title="Форум співпраці", slug="forum-spivpratsi")

    head = head_of(org_a, translated.url)

    assert head.link("canonical") == [translated.full_url]
    assert translated.full_url.startswith("http://alfa.localhost/uk/")
    assert head.link("alternate", hreflang="pl") == [CANONICAL]
    assert head.link("alternate", hreflang="uk") == head.link("canonical")
    assert head.link("alternate", hreflang="x-default") == [CANONICAL]
    assert head.meta["og:locale"] == ["uk_UA"]
    assert head.meta["og:locale:alternate"] == ["pl_PL"]
    (data,) = [json.loads(block) for block in head.json_ld]
    assert data["inLanguage"] == "uk"
    assert data["headline"] == "Форум співпраці"


def test_untranslated_article_points_to_its_polish_original(org_a, article):
    head = head_of(org_a, "/uk/aktualnosci/forum-wspolpracy/")

    assert head.link("canonical") == [CANONICAL]
    assert head.link("alternate", hreflang="uk") == []


def test_article_offers_pdf_print_and_share_tools(org_a, article):
    html = visit(org_a, article.url).content.decode()
    head = Head(html)

    tools = [a for a in head.anchors if "page-tool" in a.get("class", "")]
    assert [a["href"] for a in tools] == [urlsplit(article.full_url).path + "pdf/", "#share"]
    assert "download" in tools[0]
    # Printing needs JavaScript: the button stays hidden until site.js shows it.
    assert '<li class="page-tool-print-item" hidden><button type="button"' in html
    assert 'id="share"' in html


def test_the_language_alternates_cost_no_query_of_their_own(
    org_a, article, django_assert_num_queries
):
    """The <head>'s language alternates and the language switcher share one lookup, so a
    translated article costs what an untranslated one does."""
    visit(org_a, article.url)  # renditions made once
    with CaptureQueriesContext(connection) as untranslated:
        visit(org_a, article.url)
    translate_article(article, "uk", title="Форум співпраці", slug="forum-spivpratsi")

    with django_assert_num_queries(len(untranslated.captured_queries)):
        visit(org_a, article.url)


def test_a_photo_whose_file_was_lost_leaves_the_page_readable_and_shared_without_it(org_a, article):
    """An original missing from the media storage (a restore without media, a file
    deleted by hand): the page is served, shared with the logo or no picture."""
    photo = article.hero_image
    photo.file.storage.delete(photo.file.name)

    response = visit(org_a, article.url)

    assert response.status_code == 200
    head = head_of(org_a, article.url)
    assert "og:image" not in head.meta
    (data,) = [json.loads(block) for block in head.json_ld]
    assert "image" not in data

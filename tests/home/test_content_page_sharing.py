"""A content page (about us, contact…) as link previews and visitors sharing it see it."""

import pytest
from django.test import Client

from tests.news.helpers import Head

pytestmark = pytest.mark.django_db


def test_content_page_has_canonical_open_graph_and_share_links(org_a, page_a):
    html = Client().get("/pl/o-fundacji/", HTTP_HOST="alfa.localhost").content.decode()
    head = Head(html)

    assert head.link("canonical") == ["http://alfa.localhost/pl/o-fundacji/"]
    assert head.meta["og:type"] == ["website"]
    assert head.meta["og:title"] == ["O fundacji"]
    assert head.meta["og:description"] == ["Fundacja Alfa pomaga."]
    assert head.meta["twitter:card"] == ["summary"]
    assert head.json_ld == []  # NewsArticle is for news only
    assert "http%3A%2F%2Falfa.localhost%2Fpl%2Fo-fundacji%2F" in head.share_link("facebook")["href"]
    assert [a["href"] for a in head.anchors if "page-tool" in a.get("class", "")] == [
        "/pl/o-fundacji/pdf/",
        "#share",
    ]


def test_home_page_has_no_share_bar(org_a):
    html = Client().get("/pl/", HTTP_HOST="alfa.localhost").content.decode()
    head = Head(html)

    assert head.link("canonical") == ["http://alfa.localhost/pl/"]
    assert 'id="share"' not in html

"""Every page type built from the components is valid HTML (the Nu HTML Checker), in each
of the organization's languages."""

import re

import pytest

from tests.home.helpers import showcase
from tests.utils import html_errors, text_of, unmarked_polish, visit

pytestmark = pytest.mark.django_db


def test_home_news_article_events_and_event_pages_are_valid_html(org_a):
    paths = showcase(org_a)

    documents = {}
    for kind, path in paths.items():
        response = visit(org_a, path)
        assert response.status_code == 200, kind
        documents[kind] = text_of(response)
    documents["past events"] = text_of(visit(org_a, "/pl/wydarzenia/?when=past"))

    assert html_errors(documents) == []


def test_polish_items_listed_on_ukrainian_pages_are_marked_polish_photos_included(org_a):
    showcase(org_a)

    found = {}
    documents = {}
    for path in ("/uk/", "/uk/novyny/", "/uk/podii/"):
        response = visit(org_a, path)
        assert response.status_code == 200, path
        html = text_of(response)
        documents[path] = html
        found[path] = unmarked_polish(html)

    # The Polish articles and events are listed, their photos described in Polish.
    for path, alt in (
        ("/uk/novyny/", "Uczestnicy forum przy stołach"),
        ("/uk/podii/", "Sala kawiarni"),
    ):
        image = re.search(rf'<img alt="{alt}"[^>]*>', documents[path]).group(0)
        assert ' lang="pl"' in image
    assert found == {"/uk/": [], "/uk/novyny/": [], "/uk/podii/": []}
    assert html_errors(documents) == []

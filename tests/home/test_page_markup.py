"""Every page type built from the components is valid HTML (the Nu HTML Checker), in each
of the organization's languages."""

import pytest

from tests.home.helpers import showcase
from tests.utils import html_errors, text_of, visit

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

"""Fixtures of the news tests: the news indexes of two organizations (made by
create_organization). The helpers are in tests/news/helpers.py."""

import pytest

from tests.news.helpers import news_index


@pytest.fixture
def index_a(org_a):
    return news_index(org_a)


@pytest.fixture
def index_b(org_b):
    return news_index(org_b)

"""News of two organizations: their indexes (made by create_organization), categories,
articles and photos."""

import pytest

from tests.news.helpers import news_index


@pytest.fixture
def index_a(org_a):
    return news_index(org_a)


@pytest.fixture
def index_b(org_b):
    return news_index(org_b)

"""The search tests' site, built once per module that reads it."""

import pytest
from django.test import override_settings

from config.settings.test import SEARCH_INDEX_ON
from organizations.models import OrganizationSettings
from tests.search.helpers import build_search_site
from tests.utils import built_for_module

SEARCH_INDEX = {"WAGTAILSEARCH_BACKENDS": SEARCH_INDEX_ON}


@pytest.fixture(autouse=True)
def _search_index(search_index):
    """Every search test keeps the index up to date as in production."""


@pytest.fixture(scope="module")
def search_site(django_db_setup, django_db_blocker):
    """Alfa's and Beta's searchable pages (tests.search.helpers), committed once for the
    module's tests, which read them with the ordinary `db` access; afterwards the database
    is put back as it was."""
    with built_for_module(django_db_blocker), override_settings(**SEARCH_INDEX):
        with django_db_blocker.unblock():
            alfa = OrganizationSettings.objects.get(slug="alfa")
            beta = OrganizationSettings.objects.get(slug="beta")
            site = build_search_site(alfa, beta)
        yield site

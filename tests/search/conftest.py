"""The search tests' site, built once per module that reads it."""

import pytest

from organizations.models import OrganizationSettings
from tests.search.helpers import build_search_site
from tests.utils import database_snapshot, restore_database


@pytest.fixture(scope="module")
def search_site(django_db_setup, django_db_blocker):
    """Alfa's and Beta's searchable pages (tests.search.helpers), committed once for the
    module's tests, which read them with the ordinary `db` access; afterwards the database
    is put back as it was."""
    with django_db_blocker.unblock():
        before = database_snapshot()
        alfa = OrganizationSettings.objects.get(slug="alfa")
        beta = OrganizationSettings.objects.get(slug="beta")
        site = build_search_site(alfa, beta)
    yield site
    with django_db_blocker.unblock():
        restore_database(before)

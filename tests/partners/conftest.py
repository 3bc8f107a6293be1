"""Fixtures of the partners tests: Polish as the language, a partner of each organization.
The helpers are in tests/partners/helpers.py."""

import pytest
from django.utils import translation

from tests.partners.helpers import make_partner


@pytest.fixture(autouse=True)
def polish():
    with translation.override("pl"):
        yield


@pytest.fixture
def partner_a(org_a):
    """Org A's partner, in the directory every organization chooses from."""
    return make_partner(
        org_a,
        "Fundacja Stocznia",
        website="https://stocznia.org.pl/",
        description="Fundacja wspierająca partycypację obywatelską.",
    )


@pytest.fixture
def partner_b(org_b):
    return make_partner(org_b, "Gmina Miasta Toruń", website="https://www.torun.pl/")

"""What an organization's visitors search for: counted per day in the search's own words,
and read in the admin's *Search terms* report by that organization's staff only."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from organizations.models import OrganizationSettings
from search.models import SearchTermDay
from tests.search.helpers import SEARCH_TERMS_ADDRESS, body, promote, refused, search
from tests.utils import make_staff

pytestmark = pytest.mark.django_db


def alfa():
    return OrganizationSettings.objects.get(slug="alfa")


def beta():
    return OrganizationSettings.objects.get(slug="beta")


def counted(org):
    """(language, words, searches, of them found nothing) of the organization, today."""
    return sorted(
        SearchTermDay.objects.filter(site=org.site, date=timezone.localdate()).values_list(
            "language", "query", "searches", "found_nothing"
        )
    )


def staff_client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def report_rows(response):
    """(words, language, searches, found nothing) of the report's rows."""
    return [
        (row["query"], row["language"], row["total"], row["nothing"])
        for row in response.context["object_list"]
    ]


def record(org, language, query, days_ago=0, searches=1, found_nothing=0):
    return SearchTermDay.objects.create(
        site=org.site,
        language=language,
        query=query,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        searches=searches,
        found_nothing=found_nothing,
    )


# Counting


def test_each_search_is_counted_in_the_searchs_own_words_per_language(search_site):
    search(alfa(), "pl", "Integracja")
    search(alfa(), "pl", '  "INTEGRACJA"!! ')
    search(alfa(), "uk", "інтеграція")
    search(alfa(), "pl", "kosmonauta")

    assert counted(alfa()) == [
        ("pl", "integracja", 2, 0),
        ("pl", "kosmonauta", 1, 1),
        ("uk", "інтеграція", 1, 0),
    ]
    assert counted(beta()) == []


def test_hostile_input_is_counted_as_its_words_or_not_at_all(search_site):
    search(alfa(), "pl", "'; DROP TABLE search_searchtermday; --")
    search(alfa(), "pl", "<script>alert(1)</script>")
    search(alfa(), "pl", "pomoc\x00prawna")
    search(alfa(), "pl", '"*" - ()')
    search(alfa(), "pl", "")
    search(alfa(), "pl", "słowo " * 2000)

    rows = counted(alfa())
    assert [query for _language, query, _searches, _nothing in rows] == [
        "drop table search searchtermday",
        "pomoc prawna",
        "script alert 1 script",
        ("słowo " * 33).strip(),
    ]
    assert all(len(query) <= 200 for _language, query, _s, _n in rows)


def test_the_next_pages_of_one_search_are_not_counted_again(search_site):
    search(alfa(), "pl", "integracja")
    search(alfa(), "pl", "integracja", page=2)
    search(alfa(), "pl", "integracja", type="events")

    assert counted(alfa()) == [("pl", "integracja", 2, 0)]


def test_a_search_that_finds_only_a_promoted_page_found_something(search_site):
    promote(alfa(), "pomoc prawna", search_site.integration)

    search(alfa(), "pl", "pomoc prawna")

    assert counted(alfa()) == [("pl", "pomoc prawna", 1, 0)]


def test_terms_older_than_the_report_are_forgotten(search_site):
    old = record(alfa(), "pl", "stare", days_ago=31)
    kept = record(alfa(), "pl", "niedawne", days_ago=29)
    other = record(beta(), "pl", "stare", days_ago=31)

    search(alfa(), "pl", "integracja")

    remaining = set(SearchTermDay.objects.values_list("pk", flat=True))
    assert old.pk not in remaining
    assert {kept.pk, other.pk} <= remaining


# The report


@pytest.fixture
def terms(search_site):
    record(alfa(), "pl", "integracja", searches=5)
    record(alfa(), "pl", "integracja", days_ago=3, searches=2)
    record(alfa(), "uk", "житло", searches=3, found_nothing=3)
    record(alfa(), "pl", "sprzed miesiąca", days_ago=30, searches=50)
    record(beta(), "pl", "tajne beta", searches=9, found_nothing=9)


def test_the_report_lists_the_last_30_days_most_searched_first(terms, editor_a):
    response = staff_client(editor_a).get(SEARCH_TERMS_ADDRESS)

    assert response.status_code == 200
    assert report_rows(response) == [
        ("integracja", "Polski", 7, 0),
        ("житло", "Українська", 3, 3),
    ]
    html = response.content.decode()
    assert "житло" in html
    assert "tajne beta" not in html


def test_the_report_lists_the_searches_that_found_nothing(terms, editor_a):
    response = staff_client(editor_a).get(SEARCH_TERMS_ADDRESS, {"found_nothing": "on"})

    assert report_rows(response) == [("житло", "Українська", 3, 3)]


def test_each_organizations_staff_read_only_its_own_terms(terms, editor_a, editor_b):
    rows_a = report_rows(staff_client(editor_a).get(SEARCH_TERMS_ADDRESS))
    rows_b = report_rows(staff_client(editor_b).get(SEARCH_TERMS_ADDRESS))

    assert "tajne beta" not in [row[0] for row in rows_a]
    assert rows_b == [("tajne beta", "Polski", 9, 9)]


def test_another_organizations_id_in_the_address_is_refused(terms, editor_a):
    client = staff_client(editor_a)

    theirs = client.get(SEARCH_TERMS_ADDRESS, {"site": beta().site.pk})
    mine = client.get(SEARCH_TERMS_ADDRESS, {"site": alfa().site.pk})
    garbage = client.get(SEARCH_TERMS_ADDRESS, {"site": "1 OR 1=1"})

    assert refused(theirs)
    assert "tajne beta" not in body(theirs)
    assert refused(garbage)
    assert mine.status_code == 200


def test_translators_and_moderators_read_the_report_and_others_do_not(
    terms, org_a, moderator_a, translator_a
):
    for user in (moderator_a, translator_a):
        response = staff_client(user).get(SEARCH_TERMS_ADDRESS)
        assert response.status_code == 200
        assert report_rows(response)[0] == ("integracja", "Polski", 7, 0)
    registrations = staff_client(make_staff(org_a, "registrations")).get(SEARCH_TERMS_ADDRESS)
    anonymous = Client().get(SEARCH_TERMS_ADDRESS)
    assert refused(registrations)
    assert "integracja" not in body(registrations)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous.url


def test_an_administrator_chooses_the_organization(terms, admin_user):
    client = staff_client(admin_user)

    everyone = report_rows(client.get(SEARCH_TERMS_ADDRESS))
    only_beta = report_rows(client.get(SEARCH_TERMS_ADDRESS, {"site": beta().site.pk}))

    assert ("tajne beta", "Polski", 9, 9) in everyone
    assert ("житло", "Українська", 3, 3) in everyone
    assert only_beta == [("tajne beta", "Polski", 9, 9)]


@pytest.mark.parametrize(
    "params",
    [
        {"language": "<script>"},
        {"language": "pl\x00"},
        {"found_nothing": "\x00"},
        {"p": "999"},
        {"p": "x"},
        {"export": "csv", "language": "'"},
    ],
)
def test_the_report_answers_odd_parameters_with_a_page(terms, editor_a, params):
    response = staff_client(editor_a).get(SEARCH_TERMS_ADDRESS, params)

    assert response.status_code in (200, 404)
    assert "tajne beta" not in body(response)


def test_the_report_downloads_as_a_spreadsheet(terms, editor_a):
    response = staff_client(editor_a).get(SEARCH_TERMS_ADDRESS, {"export": "csv"})

    text = body(response)
    assert response.streaming
    assert "integracja" in text
    assert "tajne beta" not in text

"""The search has an address in each language; the old one and the other languages' lead
there for good, with the query; every page's search form points at the visitor's."""

import pytest

from tests.utils import add_content_page, text_of, visit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/pl/search/", "/pl/szukaj/"),
        ("/pl/poshuk/", "/pl/szukaj/"),
        ("/uk/search/", "/uk/poshuk/"),
        ("/uk/szukaj/", "/uk/poshuk/"),
        ("/en/szukaj/", "/en/search/"),
        ("/en/poshuk/", "/en/search/"),
    ],
)
def test_other_addresses_redirect_for_good_keeping_the_query(org_a, path, target):
    response = visit(org_a, f"{path}?q=integracja+w%C5%82%C4%85czenie&type=events&page=2")

    assert response.status_code == 301
    assert response["Location"] == f"{target}?q=integracja+w%C5%82%C4%85czenie&type=events&page=2"


def test_a_redirect_without_a_query_has_no_question_mark(org_a):
    assert visit(org_a, "/pl/search/")["Location"] == "/pl/szukaj/"


@pytest.mark.parametrize(
    ("language", "address", "label"),
    [
        ("pl", "/pl/szukaj/", "Szukaj"),
        ("uk", "/uk/poshuk/", "Пошук"),
        ("en", "/en/search/", "Search"),
    ],
)
def test_each_language_has_its_own_address_and_page(org_a, language, address, label):
    page = add_content_page(org_a, "Integracja", slug="integracja")

    response = visit(org_a, address, HTTP_ACCEPT_LANGUAGE=language)
    home = visit(org_a, f"/{language}/")

    assert response.status_code == 200
    assert f"<h1>{label}</h1>" in text_of(response)
    assert f'action="{address}"' in text_of(home)
    assert page.live


def test_a_page_shown_in_polish_for_want_of_a_translation_searches_in_ukrainian(org_a):
    add_content_page(org_a, "Tylko po polsku", slug="tylko-po-polsku")

    response = visit(org_a, "/uk/tylko-po-polsku/")

    assert response.status_code == 200
    assert 'action="/uk/poshuk/"' in text_of(response)

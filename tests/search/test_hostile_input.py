"""Whatever is typed into a search box or a filter, the answer is a normal page, never an
error: quotes and FTS operators, SQL and HTML fragments, NUL and other control characters,
10,000 characters, a page number past the end — on SQLite and on PostgreSQL, in the public
search, the news and event filters, and every admin search and chooser (core.search)."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.search import has_control_characters, words_of
from tests.utils import add_content_page

HOSTILE = [
    "",
    " ",
    '"',
    '"a"b"',
    "'",
    "*",
    "-",
    "-integracja",
    "NEAR",
    "OR",
    "fundacja OR alfa",
    "NOT alfa",
    "NEAR(alfa beta)",
    "alfa*",
    "(",
    ")",
    ":",
    "^",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "<script>alert(1)</script>",
    "\x00",
    "alfa\x00beta",
    "\x01\x1f\x7f",
    "a" * 10000,
    "🙂",
    "%",
    "\\",
]

# One of each kind for the admin, whose ~20 searches all reduce what is typed with
# core.search.words_of (tested below on every kind): quotes, operators, brackets, SQL, HTML,
# NUL and control characters, length, emoji, LIKE wildcards and escapes.
ADMIN_HOSTILE = [
    "",
    '"a"b"',
    "*",
    "-integracja",
    "fundacja OR alfa",
    "NEAR(alfa beta)",
    "(",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "alfa\x00beta",
    "\x01\x1f\x7f",
    "a" * 10000,
    "🙂",
    "%",
    "\\",
]

PUBLIC = [
    ("/pl/szukaj/", "q"),
    ("/pl/szukaj/", "page"),
    ("/pl/szukaj/", "type"),
    ("/uk/poshuk/", "q"),
    ("/en/search/", "q"),
    ("/en/search/", "type"),
    ("/pl/aktualnosci/", "tag"),
    ("/pl/aktualnosci/", "category"),
    ("/pl/aktualnosci/", "page"),
    ("/pl/wydarzenia/", "month"),
    ("/pl/wydarzenia/", "format"),
    ("/pl/wydarzenia/", "language"),
    ("/pl/wydarzenia/", "when"),
    ("/pl/wydarzenia/", "page"),
]

ADMIN_SEARCHES = [
    "/admin/pages/search/",
    "/admin/pages/search/results/",
    "/admin/pages/",
    "/admin/choose-page/search/",
    "/admin/images/",
    "/admin/images/results/",
    "/admin/images/chooser/results/",
    "/admin/documents/",
    "/admin/documents/chooser/results/",
    "/admin/snippets/partners/partner/",
    "/admin/snippets/choose/partners/partner/results/",
    "/admin/snippets/organizations/fundingnotice/",
    "/admin/snippets/choose/organizations/fundingnotice/results/",
    "/admin/snippets/news/newscategory/",
    "/admin/snippets/choose/news/newscategory/results/",
    "/admin/tag-autocomplete/",
    "/admin/localize/reports/translations/",
    "/admin/reports/site-history/",
    "/admin/registrations/",
    "/admin/snippets/search/searchpromotion/",
    "/admin/snippets/search/searchpromotion/results/",
    "/admin/reports/search-terms/",
]


# The old and the other languages' addresses send the query on: a redirect, never an error.
REDIRECTED = ["/pl/search/", "/uk/szukaj/", "/en/poshuk/"]


def visitor():
    return Client(raise_request_exception=False, HTTP_HOST="alfa.localhost")


@pytest.fixture
def searchable(org_a):
    return add_content_page(org_a, "Integracja w Alfie", slug="integracja", intro="Fundacja Alfa.")


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_public_search_and_filters_answer_hostile_input_with_a_page(searchable, text):
    client = visitor()
    for path, parameter in PUBLIC:
        response = client.get(path, {parameter: text})
        assert response.status_code in (200, 404), (path, parameter)
    for path in REDIRECTED:
        assert client.get(path, {"q": text}).status_code == 301, path


@pytest.mark.parametrize("text", ADMIN_HOSTILE, ids=range(len(ADMIN_HOSTILE)))
def test_admin_searches_answer_hostile_input_with_a_page(client, searchable, editor_a, text):
    client = Client(raise_request_exception=False)
    client.force_login(editor_a)
    for path in ADMIN_SEARCHES:
        response = client.get(path, {"q": text, "term": text})
        assert response.status_code < 500, path


def test_a_query_of_signs_only_gets_a_message_not_an_error(searchable):
    response = visitor().get("/pl/szukaj/", {"q": '"*" -'})

    assert response.status_code == 200
    assert "Wpisz słowa, których szukasz" in response.content.decode()


def test_words_are_still_found_among_signs_and_operators(searchable):
    response = visitor().get("/pl/szukaj/", {"q": '"Integracja" OR *alfie*'})

    assert response.status_code == 200
    assert "Integracja w Alfie" in response.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(searchable):
    response = visitor().get("/pl/szukaj/", {"q": "integracja", "page": "9999"})

    assert response.status_code == 200
    assert "Integracja w Alfie" in response.content.decode()


def test_words_of_keeps_words_of_every_script_and_drops_the_rest():
    assert words_of('"Integracja" OR żołnierz* -інтеграція') == "integracja or żołnierz інтеграція"
    assert words_of("a\x00b NEAR(c)") == "a b near c"
    assert words_of('" * - ( ) :') == ""
    assert len(words_of("słowo " * 1000)) <= 200
    assert has_control_characters("a\x00b")
    assert not has_control_characters("migracja-2024")


# Arbitrary text, as a fuzzer would send it: never a server error.
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=300))
def test_no_text_breaks_a_search_box_or_a_filter(searchable, editor_a, text):
    client = visitor()
    for path, parameter in PUBLIC:
        assert client.get(path, {parameter: text}).status_code in (200, 404), (path, parameter)
    for path in REDIRECTED:
        assert client.get(path, {"q": text, "type": text}).status_code == 301, path
    admin = Client(raise_request_exception=False)
    admin.force_login(editor_a)
    for path in ("/admin/pages/search/", "/admin/images/chooser/results/", "/admin/snippets/"):
        assert admin.get(path, {"q": text}).status_code < 500, path

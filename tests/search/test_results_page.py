"""What a results page shows: type, date, an excerpt with the matched words marked,
upcoming events marked, pages of results; and how many queries it takes."""

import pytest
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from organizations.models import OrganizationSettings
from tests.query_budgets import VARIANTS
from tests.search.helpers import SEARCH_ADDRESS, found, search
from tests.utils import add_content_page, pagination_shown

pytestmark = pytest.mark.django_db


def alfa():
    return OrganizationSettings.objects.get(slug="alfa")


def test_a_result_shows_its_type_date_and_marked_excerpt(search_site):
    response = search(alfa(), "pl", "fundraisingu środki")

    (result,) = response.context["results"]
    assert result.kind == "news"
    assert str(result.date) == "2024-03-01"
    html = response.content.decode()
    assert "Aktualności" in html
    assert "1 marca 2024" in html
    assert "<mark>środki</mark>" in html


def test_upcoming_events_are_marked_and_past_ones_are_not(search_site):
    response = search(alfa(), "pl", "Toruń warsztaty integracja forum")

    by_title = {result.page.title: result for result in response.context["results"]}
    assert by_title["Warsztaty dla żołnierzy i ich rodzin"].upcoming
    assert not by_title["Forum integracji 2023"].upcoming
    assert not by_title["Porozmawiajmy o integracji"].upcoming
    assert response.content.decode().count("Nadchodzące") == 1


def test_the_excerpt_of_a_page_comes_from_its_body_when_the_lead_does_not_match(search_site):
    response = search(alfa(), "pl", "krajowym")

    (result,) = response.context["results"]
    assert "<mark>krajowym.</mark>" in result.excerpt


def test_html_typed_into_the_search_is_never_markup(search_site):
    response = search(alfa(), "pl", "<b>integracja</b>")

    html = response.content.decode()
    assert "<b>integracja" not in html
    assert found(response)


def test_a_results_page_takes_the_same_few_queries_however_many_pages_match(
    org_a, client, django_assert_num_queries
):
    for number in range(25):
        add_content_page(org_a, f"Porada {number}", intro="Konsultacje prawne dla cudzoziemców.")
    host = org_a.site.hostname
    client.get(
        SEARCH_ADDRESS["pl"], {"q": "konsultacja cudzoziemiec"}, HTTP_HOST=host
    )  # warm caches

    # The search: view restrictions, the home pages, 2 searches in each of 3 languages, the
    # 10 pages shown (their types, then the pages of their one type): 11. The page around
    # it (site, organization settings, home, menu): 5. The first page of results also asks
    # for promoted pages and counts the search (search.terms): 2.
    with django_assert_num_queries(VARIANTS["search, first page of 25 results"]):
        response = client.get(
            SEARCH_ADDRESS["pl"], {"q": "konsultacja cudzoziemiec"}, HTTP_HOST=host
        )
    assert len(response.context["results"]) == 10
    assert response.context["search_results"].paginator.count == 25
    with django_assert_num_queries(VARIANTS["search, third page of 25 results"]):
        response = client.get(
            SEARCH_ADDRESS["pl"], {"q": "konsultacja cudzoziemiec", "page": 3}, HTTP_HOST=host
        )
    assert len(response.context["results"]) == 5


def test_update_index_rebuilds_the_lemmas(org_a):
    page = add_content_page(org_a, "Porady", intro="Dyżury psychologów dla rodzin z Ukrainy.")
    IndexEntry.objects.all().delete()
    assert found(search(org_a, "pl", "psycholog")) == []

    call_command("update_index", verbosity=0)

    assert found(search(org_a, "pl", "psycholog")) == ["Porady"]
    assert page.search_lemmas().split()[:2] == ["porada", "porady"]


def test_the_pages_of_results_keep_the_words_and_the_type(org_a, client):
    for number in range(25):
        add_content_page(org_a, f"Porada {number}", intro="Konsultacje prawne dla cudzoziemców.")

    response = client.get(
        SEARCH_ADDRESS["pl"],
        {"q": "konsultacja cudzoziemiec", "type": "pages", "page": 2},
        HTTP_HOST=org_a.site.hostname,
    )

    html = response.content.decode()
    assert pagination_shown(html) == ["‹", "Poprzednia", "1", "2", "3", "Następna", "›"]
    kept = "?q=konsultacja+cudzoziemiec&amp;type=pages&amp;page="
    assert f'href="{kept}1" rel="prev"' in html
    assert f'href="{kept}3" rel="next"' in html
    assert '<nav class="pagination" aria-label="Strony wyników wyszukiwania">' in html

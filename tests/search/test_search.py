"""Site search: one organization's live pages, in the visitor's language."""

import pytest
from django.test import Client
from wagtail.models import Locale

from tests.utils import add_content_page

pytestmark = pytest.mark.django_db

SEARCH_ADDRESS = {"pl": "/pl/szukaj/", "uk": "/uk/poshuk/", "en": "/en/search/"}


def search(org, language, query, **params):
    return Client().get(
        SEARCH_ADDRESS[language], {"q": query, **params}, HTTP_HOST=org.site.hostname
    )


def titles(response):
    return [result.page.title for result in response.context["results"]]


def test_finds_only_this_organizations_pages(org_a, org_b):
    add_content_page(org_a, "Warsztaty integracyjne", intro="Spotkanie dla organizacji")
    add_content_page(org_b, "Warsztaty dla wolontariuszy", intro="Spotkanie w Warszawie")

    response = search(org_a, "pl", "Warsztaty")

    assert titles(response) == ["Warsztaty integracyjne"]
    assert "Warsztaty integracyjne" in response.content.decode()


def test_finds_only_live_pages(org_a):
    add_content_page(org_a, "Warsztaty opublikowane")
    add_content_page(org_a, "Warsztaty w szkicu", publish=False)
    assert titles(search(org_a, "pl", "Warsztaty")) == ["Warsztaty opublikowane"]


def test_searches_the_current_languages_pages(org_a, django_capture_on_commit_callbacks):
    page = add_content_page(org_a, "Warsztaty")
    with django_capture_on_commit_callbacks(execute=True):
        translated = page.copy_for_translation(Locale.objects.get(language_code="uk"))
        translated.title = "Майстерня Warsztaty"
        translated.save_revision().publish()

    assert titles(search(org_a, "uk", "Warsztaty")) == ["Майстерня Warsztaty"]
    assert titles(search(org_a, "pl", "Warsztaty")) == ["Warsztaty"]
    elsewhere = search(org_a, "pl", "Майстерня").context["results_elsewhere"]
    assert [(result.page.title, result.language) for result in elsewhere] == [
        ("Майстерня Warsztaty", "uk")
    ]


def test_an_empty_query_shows_the_form_and_no_results(org_a):
    response = search(org_a, "pl", "")
    assert response.status_code == 200
    assert response.context["results"] == []
    assert 'name="q"' in response.content.decode()


def test_a_page_number_out_of_range_shows_the_last_page(org_a):
    for index in range(12):
        add_content_page(org_a, f"Szkolenie {index}")
    response = search(org_a, "pl", "Szkolenie", page="99")
    assert response.context["search_results"].number == 2
    assert len(titles(search(org_a, "pl", "Szkolenie", page="abc"))) == 10

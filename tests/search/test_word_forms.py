"""Search understands word forms: a table of what a visitor types, in which language, and
which of Alfa's pages it must find, on SQLite and on PostgreSQL alike. Beta's look-alike
page is never among the results."""

import pytest

from organizations.models import OrganizationSettings
from tests.search.helpers import found, found_elsewhere, found_here, search

pytestmark = pytest.mark.django_db

INTEGRATION = "Porozmawiajmy o integracji"
FUNDRAISING = "Szkolenie z fundraisingu dla NGO"
SOLDIERS = "Warsztaty dla żołnierzy i ich rodzin"
VOLUNTEERING = "Wolontariat w fundacji"
FORUM = "Forum integracji 2023"
INTEGRATION_UK = "Поговорімо про інтеграцію"
REFUGEES_UK = "Допомога біженцям"
INTEGRATION_EN = "Let's talk about integration"
WORKSHOPS_EN = "Volunteering workshops"
BETA = {"Integracja migrantów w Bydgoszczy", "Інтеграція мігрантів у Бидгощі"}

# (language of the visitor, query, pages found in that language, pages found in the others)
CASES = [
    # Polish: inflected forms, diacritics optional, multi-word, project overrides.
    ("pl", "integracja", [INTEGRATION, FORUM], []),
    ("pl", "integracji", [INTEGRATION, FORUM], []),
    ("pl", "integrację", [INTEGRATION, FORUM], []),
    ("pl", "integracje", [INTEGRATION, FORUM], []),
    ("pl", "INTEGRACJA", [INTEGRATION, FORUM], []),
    ("pl", "organizacja pozarządowa", [INTEGRATION], []),
    ("pl", "organizacji pozarzadowych", [INTEGRATION], []),
    ("pl", "zolnierz", [SOLDIERS], []),
    ("pl", "żołnierzom", [SOLDIERS], []),
    ("pl", "zolnierzy", [SOLDIERS], []),
    ("pl", "polityka", [INTEGRATION], []),
    ("pl", "polityki integracyjne", [INTEGRATION], []),
    ("pl", "fundraising", [FUNDRAISING], []),
    ("pl", "fundraisingu", [FUNDRAISING], []),
    ("pl", "kawiarnia", [SOLDIERS], []),
    ("pl", "Mostowa", [SOLDIERS], []),
    ("pl", "wolontariusz", [VOLUNTEERING], []),
    ("pl", "uchodźca", [VOLUNTEERING], []),
    ("pl", "uchodzca", [VOLUNTEERING], []),
    ("pl", "migranci", [INTEGRATION], []),
    ("pl", "Toruń", [INTEGRATION, SOLDIERS], []),
    ("pl", "torun", [INTEGRATION, SOLDIERS], []),
    ("pl", "migracja", [FORUM], []),
    ("pl", "Bydgoszcz", [], []),
    ("pl", "kwiatostan", [], []),
    # Polish reader, Ukrainian words: the Ukrainian page, under "in other languages".
    ("pl", "біженці", [], [REFUGEES_UK]),
    # Ukrainian.
    ("uk", "інтеграція", [INTEGRATION_UK], []),
    ("uk", "інтеграцію", [INTEGRATION_UK], []),
    ("uk", "мігранти", [INTEGRATION_UK], []),
    ("uk", "мігрантів", [INTEGRATION_UK], []),
    ("uk", "біженці", [REFUGEES_UK], []),
    ("uk", "біженцем", [REFUGEES_UK], []),
    ("uk", "організація", [INTEGRATION_UK], []),
    ("uk", "Торунь", [INTEGRATION_UK], []),
    ("uk", "легалізація перебування", [REFUGEES_UK], []),
    ("uk", "політика", [INTEGRATION_UK], []),
    ("uk", "Бидгощ", [], []),
    # A Ukrainian reader finds a Polish-only event and a Polish-only article.
    ("uk", "warsztaty", [], [SOLDIERS]),
    ("uk", "żołnierz", [], [SOLDIERS]),
    ("uk", "fundraising", [], [FUNDRAISING]),
    # English: stemmed.
    ("en", "integration", [INTEGRATION_EN], []),
    ("en", "integrating", [INTEGRATION_EN], []),
    ("en", "migrant", [INTEGRATION_EN], []),
    ("en", "refugee", [WORKSHOPS_EN], []),
    ("en", "workshop", [WORKSHOPS_EN], []),
    ("en", "volunteer", [WORKSHOPS_EN], []),
    ("en", "meetings", [INTEGRATION_EN], []),
    ("en", "organization", [INTEGRATION_EN], []),
    ("en", "torun", [INTEGRATION_EN], [SOLDIERS]),
    ("en", "policy", [INTEGRATION_EN], []),
    ("en", "tulip", [], []),
    ("en", "kawiarnia", [], [SOLDIERS]),
]


@pytest.mark.parametrize(
    ("language", "query", "here", "elsewhere"),
    CASES,
    ids=[f"{language}-{query}" for language, query, _here, _elsewhere in CASES],
)
def test_query_finds_the_pages_of_its_word_forms(search_site, language, query, here, elsewhere):
    alfa = OrganizationSettings.objects.get(slug="alfa")

    response = search(alfa, language, query)

    assert response.status_code == 200
    assert sorted(found_here(response)) == sorted(here)
    assert sorted(found_elsewhere(response)) == sorted(elsewhere)
    assert not BETA & set(found(response))
    html = response.content.decode()
    for title in here + elsewhere:
        assert title.replace("'", "&#x27;") in html


def test_the_cases_cover_three_languages_and_forty_queries():
    assert len(CASES) >= 40
    assert {language for language, *_rest in CASES} == {"pl", "uk", "en"}


def test_beta_finds_its_own_page_and_none_of_alfas(search_site):
    beta = OrganizationSettings.objects.get(slug="beta")

    response = search(beta, "pl", "integracja")

    assert found(response) == ["Integracja migrantów w Bydgoszczy"]


def test_pages_with_every_word_come_before_pages_with_some(search_site):
    alfa = OrganizationSettings.objects.get(slug="alfa")

    titles = found(search(alfa, "pl", "integracja Toruń"))

    assert titles[0] == INTEGRATION
    assert set(titles[1:]) == {FORUM, SOLDIERS}


def test_other_languages_come_after_the_visitors_under_their_own_heading(search_site):
    alfa = OrganizationSettings.objects.get(slug="alfa")

    response = search(alfa, "uk", "Торунь warsztaty")

    # The Polish page translated into Ukrainian is not listed twice.
    assert found(response) == [INTEGRATION_UK, SOLDIERS]
    html = response.content.decode()
    assert html.index(INTEGRATION_UK) < html.index("Іншими мовами") < html.index(SOLDIERS)
    assert 'lang="pl"' in html


def test_the_type_filter_keeps_news_events_or_pages(search_site):
    alfa = OrganizationSettings.objects.get(slug="alfa")

    assert found(search(alfa, "pl", "integracja", type="events")) == [FORUM]
    assert found(search(alfa, "pl", "integracja", type="pages")) == [INTEGRATION]
    assert found(search(alfa, "pl", "fundraising", type="news")) == [FUNDRAISING]
    assert found(search(alfa, "pl", "fundraising", type="events")) == []
    assert sorted(found(search(alfa, "pl", "integracja", type="bogus"))) == [FORUM, INTEGRATION]

"""Promoted results: an organization's editors put its own pages first for a search term;
visitors get them in their language; no other organization's staff or visitors see them."""

import pytest
from django.test import Client
from django.urls import reverse

from organizations.models import OrganizationSettings
from search.models import SearchPromotion
from tests.search.helpers import (
    PROMOTIONS_ADDRESS,
    found,
    promote,
    promotion_form,
    recommended,
    refused,
    search,
)
from tests.utils import make_staff

pytestmark = pytest.mark.django_db


def alfa():
    return OrganizationSettings.objects.get(slug="alfa")


def beta():
    return OrganizationSettings.objects.get(slug="beta")


def staff_client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def promotions_of(org):
    return list(
        SearchPromotion.objects.filter(site=org.site).values_list("query", "page_id", "sort_order")
    )


# What visitors get


def test_a_promoted_page_comes_first_in_the_visitors_language(search_site):
    promote(alfa(), "pomoc prawna", search_site.integration)

    polish = search(alfa(), "pl", "Pomoc,  PRAWNA!")
    ukrainian = search(alfa(), "uk", "pomoc prawna")
    english = search(alfa(), "en", "pomoc prawna")

    assert recommended(polish) == ["Porozmawiajmy o integracji"]
    assert recommended(ukrainian) == ["Поговорімо про інтеграцію"]
    assert recommended(english) == ["Let's talk about integration"]
    html = polish.content.decode()
    section = html[html.index('<section class="search-recommended"') :]
    section = section[: section.index("</section>")]
    assert "Polecane</h2>" in section
    assert "Porozmawiajmy o integracji</a></h3>" in section


def test_a_promoted_page_not_translated_is_shown_in_its_own_language_marked(search_site):
    promote(alfa(), "wolontariat", search_site.volunteering)

    response = search(alfa(), "uk", "волонтерство wolontariat")
    assert recommended(response) == []  # other words than the promotion's

    response = search(alfa(), "uk", "wolontariat")
    (shown,) = response.context["recommended"]
    assert shown.page.title == "Wolontariat w fundacji"
    assert shown.language == "pl"
    assert '<h3 lang="pl"><a href="' in response.content.decode()


def test_promoted_pages_come_in_the_editors_order_even_when_the_search_finds_nothing(
    search_site,
):
    promote(alfa(), "pomoc", search_site.soldiers, sort_order=2)
    promote(alfa(), "pomoc", search_site.fundraising, sort_order=1)

    response = search(alfa(), "pl", "pomoc")

    assert recommended(response) == [
        "Szkolenie z fundraisingu dla NGO",
        "Warsztaty dla żołnierzy i ich rodzin",
    ]
    assert found(response) == []


def test_the_type_filter_applies_to_promoted_pages(search_site):
    promote(alfa(), "pomoc", search_site.soldiers, sort_order=1)
    promote(alfa(), "pomoc", search_site.fundraising, sort_order=2)

    assert recommended(search(alfa(), "pl", "pomoc", type="events")) == [
        "Warsztaty dla żołnierzy i ich rodzin"
    ]
    assert recommended(search(alfa(), "pl", "pomoc", type="news")) == [
        "Szkolenie z fundraisingu dla NGO"
    ]


def test_an_unpublished_promoted_page_is_not_shown(search_site):
    promote(alfa(), "pomoc", search_site.fundraising)
    search_site.fundraising.unpublish()

    assert recommended(search(alfa(), "pl", "pomoc")) == []


def test_another_organizations_promotion_never_shows(search_site):
    promote(beta(), "pomoc", search_site.beta)
    # Even a row that names another organization's page (never accepted by the admin's form,
    # see below) shows nothing on this organization's site.
    SearchPromotion.objects.create(site=alfa().site, query="integracja", page=search_site.beta)
    promote(alfa(), "integracja", search_site.integration, sort_order=2)

    assert recommended(search(alfa(), "pl", "pomoc")) == []
    assert recommended(search(beta(), "pl", "pomoc")) == ["Integracja migrantów w Bydgoszczy"]
    assert recommended(search(alfa(), "pl", "integracja")) == ["Porozmawiajmy o integracji"]


# What editors do in the admin


def test_an_editor_promotes_a_page_of_the_organization(search_site, editor_a):
    client = staff_client(editor_a)

    response = client.post(
        f"{PROMOTIONS_ADDRESS}add/",
        promotion_form(search_site.integration, query='  "Pomoc"  PRAWNA!! ', site=beta().site.pk),
    )

    assert response.status_code == 302
    # Under the editor's own organization whatever the form said, in the search's words.
    assert promotions_of(alfa()) == [("pomoc prawna", search_site.integration.pk, 1)]
    assert promotions_of(beta()) == []
    listing = client.get(PROMOTIONS_ADDRESS).content.decode()
    assert "pomoc prawna" in listing
    assert recommended(search(alfa(), "pl", "pomoc prawna")) == ["Porozmawiajmy o integracji"]


HOSTILE_QUERIES = {
    "only signs": '"*" - (<>)',
    "a NUL character": "pomoc\x00prawna",
    "too long": "pomoc " * 2000,
}


@pytest.mark.parametrize("query", HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_the_promotion_form_refuses_a_query_without_words_with_a_message(
    search_site, editor_a, query
):
    response = staff_client(editor_a).post(
        f"{PROMOTIONS_ADDRESS}add/", promotion_form(search_site.integration, query=query)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["query"]
    assert promotions_of(alfa()) == []


def test_markup_in_a_query_is_kept_as_words_only(search_site, editor_a):
    client = staff_client(editor_a)

    response = client.post(
        f"{PROMOTIONS_ADDRESS}add/",
        promotion_form(search_site.integration, query="<script>alert(1)</script> pomoc"),
    )

    assert response.status_code == 302
    assert promotions_of(alfa()) == [("script alert 1 script pomoc", search_site.integration.pk, 1)]
    assert "<script>alert" not in client.get(PROMOTIONS_ADDRESS).content.decode()


def test_the_form_refuses_another_organizations_page(search_site, editor_a):
    response = staff_client(editor_a).post(
        f"{PROMOTIONS_ADDRESS}add/", promotion_form(search_site.beta)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["page"]
    assert promotions_of(alfa()) == []


def test_the_same_page_is_promoted_once_for_the_same_words(search_site, editor_a):
    promote(alfa(), "pomoc prawna", search_site.integration)

    response = staff_client(editor_a).post(
        f"{PROMOTIONS_ADDRESS}add/", promotion_form(search_site.integration, query="Pomoc prawna!")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["page"]
    assert len(promotions_of(alfa())) == 1


def test_staff_see_and_change_only_their_own_organizations_promotions(
    search_site, editor_a, editor_b
):
    own = promote(alfa(), "pomoc alfa", search_site.integration)
    other = promote(beta(), "pomoc beta", search_site.beta)
    client_a, client_b = staff_client(editor_a), staff_client(editor_b)

    listing_a = client_a.get(PROMOTIONS_ADDRESS).content.decode()
    listing_b = client_b.get(PROMOTIONS_ADDRESS).content.decode()
    assert "pomoc alfa" in listing_a
    assert "pomoc beta" not in listing_a
    assert "pomoc beta" in listing_b
    assert "pomoc alfa" not in listing_b

    for client, mine, theirs in ((client_a, own, other), (client_b, other, own)):
        assert client.get(f"{PROMOTIONS_ADDRESS}edit/{mine.pk}/").status_code == 200
        for action in ("edit", "delete", "inspect", "history", "usage"):
            assert refused(client.get(f"{PROMOTIONS_ADDRESS}{action}/{theirs.pk}/")), action
        edited = client.post(
            f"{PROMOTIONS_ADDRESS}edit/{theirs.pk}/",
            promotion_form(mine.page, query="przejęte"),
        )
        deleted = client.post(f"{PROMOTIONS_ADDRESS}delete/{theirs.pk}/")
        assert refused(edited)
        assert refused(deleted)
    assert promotions_of(alfa()) == [("pomoc alfa", search_site.integration.pk, 1)]
    assert promotions_of(beta()) == [("pomoc beta", search_site.beta.pk, 1)]


def test_an_editor_changes_and_deletes_the_organizations_promotion(search_site, editor_a):
    promotion = promote(alfa(), "pomoc", search_site.integration)
    client = staff_client(editor_a)

    edited = client.post(
        f"{PROMOTIONS_ADDRESS}edit/{promotion.pk}/",
        promotion_form(search_site.volunteering, query="Wolontariat", sort_order=3),
    )
    assert edited.status_code == 302
    assert promotions_of(alfa()) == [("wolontariat", search_site.volunteering.pk, 3)]

    assert client.post(f"{PROMOTIONS_ADDRESS}delete/{promotion.pk}/").status_code == 302
    assert promotions_of(alfa()) == []


def test_a_moderator_changes_promotions_too(search_site, moderator_a):
    response = staff_client(moderator_a).post(
        f"{PROMOTIONS_ADDRESS}add/", promotion_form(search_site.integration)
    )

    assert response.status_code == 302
    assert promotions_of(alfa()) == [("pomoc prawna", search_site.integration.pk, 1)]


def test_a_translator_sees_the_promotions_but_changes_none(search_site, translator_a):
    promotion = promote(alfa(), "pomoc", search_site.integration)
    client = staff_client(translator_a)

    listing = client.get(PROMOTIONS_ADDRESS)
    inspected = client.get(f"{PROMOTIONS_ADDRESS}inspect/{promotion.pk}/")
    added = client.post(f"{PROMOTIONS_ADDRESS}add/", promotion_form(search_site.volunteering))
    edited = client.post(
        f"{PROMOTIONS_ADDRESS}edit/{promotion.pk}/", promotion_form(search_site.volunteering)
    )
    deleted = client.post(f"{PROMOTIONS_ADDRESS}delete/{promotion.pk}/")

    assert listing.status_code == 200
    assert "pomoc" in listing.content.decode()
    assert f"{PROMOTIONS_ADDRESS}edit/{promotion.pk}/" not in listing.content.decode()
    assert inspected.status_code == 200
    assert "Porozmawiajmy o integracji" in inspected.content.decode()
    assert refused(added)
    assert refused(edited)
    assert refused(deleted)
    assert promotions_of(alfa()) == [("pomoc", search_site.integration.pk, 1)]


def test_registrations_staff_get_no_promotions(search_site, org_a):
    promote(alfa(), "pomoc", search_site.integration)
    client = staff_client(make_staff(org_a, "registrations"))

    response = client.get(PROMOTIONS_ADDRESS)

    assert refused(response)
    assert "pomoc" not in response.content.decode()


def test_bulk_delete_removes_only_the_organizations_own_promotions(search_site, editor_a, editor_b):
    own = promote(alfa(), "pomoc alfa", search_site.integration)
    other = promote(beta(), "pomoc beta", search_site.beta)
    bulk_delete = reverse("wagtail_bulk_action", args=["search", "searchpromotion", "delete"])

    staff_client(editor_b).post(f"{bulk_delete}?id={own.pk}&id={other.pk}")
    assert promotions_of(alfa()) == [("pomoc alfa", search_site.integration.pk, 1)]
    assert promotions_of(beta()) == []

    staff_client(editor_a).post(f"{bulk_delete}?id={own.pk}")
    assert promotions_of(alfa()) == []

"""The partners page: an organization's patrons, partners and funders, grouped by role."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage
from partners.blocks import Role
from partners.models import PartnersPage
from tests.home.helpers import assert_refused, login
from tests.partners.helpers import make_logo, make_partner, translate_partner
from tests.utils import visit

pytestmark = pytest.mark.django_db


def strip_data(partners, role=Role.PARTNERS, custom_heading="", show_details=False):
    return {
        "type": "partner_strip",
        "value": {
            "role": role,
            "custom_heading": custom_heading,
            "partners": [partner.pk for partner in partners],
            "show_details": show_details,
        },
    }


def add_partners_page(org, slug, strips, title="Partnerzy", intro=""):
    page = PartnersPage(title=title, slug=slug, intro=intro, strips=strips, show_in_menus=False)
    org.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def sections(response):
    """(heading, [partner texts]) of each strip, as a visitor reads them."""
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [
        (
            section.h2.get_text(strip=True),
            [item.get_text(" ", strip=True) for item in section.select("li.partner")],
        )
        for section in html.select("main section.partner-strip")
    ]


def test_partners_page_lists_partners_under_their_roles(org_a):
    stocznia = make_partner(org_a, "Fundacja Stocznia", logo=make_logo(org_a, "Stocznia"))
    batory = make_partner(org_a, "Fundacja Batorego")
    konsul = make_partner(org_a, "Konsul Honorowy Ukrainy w Bydgoszczy")
    torun = make_partner(org_a, "Gmina Miasta Toruń", website="https://www.torun.pl/")
    add_partners_page(
        org_a,
        "partnerzy",
        [
            strip_data([konsul], Role.HONORARY_PATRONAGE),
            strip_data([stocznia, batory], Role.PATRONAGE),
            strip_data([torun], Role.MEDIA_PARTNERS),
        ],
        intro="Dziękujemy za wsparcie.",
    )

    response = visit(org_a, "/pl/partnerzy/")

    assert sections(response) == [
        ("Patronat honorowy", ["Konsul Honorowy Ukrainy w Bydgoszczy"]),
        ("Patronat", ["", "Fundacja Batorego"]),  # the first is a logo, named by its alt text
        ("Współpraca informacyjna", ["Gmina Miasta Toruń"]),
    ]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Partnerzy"
    assert html.select_one("main .lead").get_text() == "Dziękujemy za wsparcie."
    assert html.select_one("main img.partner-logo")["alt"] == "Fundacja Stocznia"
    assert PartnersPage.objects.get(slug="partnerzy").get_parent().specific_class is HomePage


def test_partners_page_in_ukrainian_shows_partners_translated_where_they_are(org_a):
    stocznia = make_partner(org_a, "Fundacja Stocznia", description="Wspiera partycypację.")
    translate_partner(stocznia, "uk", name="Фонд «Верф»", description="Підтримує участь.")
    emic = make_partner(org_a, "Fundacja Emic")
    page = add_partners_page(
        org_a, "partnerzy", [strip_data([stocznia, emic], Role.PARTNERS, show_details=True)]
    )
    translated = page.copy_for_translation(Locale.objects.get(language_code="uk"))
    translated.title = "Партнери"
    translated.save_revision().publish()

    response = visit(org_a, f"/uk/{translated.slug}/")

    assert sections(response) == [
        ("Партнери", ["Фонд «Верф» Підтримує участь.", "Fundacja Emic"]),
    ]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select("li.partner")[1]["lang"] == "pl"
    assert PartnersPage.objects.filter(translation_key=page.translation_key).count() == 2


def test_partners_page_makes_the_same_queries_however_many_partners_and_strips(
    org_a, django_assert_num_queries
):
    one = make_partner(
        org_a, "Jeden", logo=make_logo(org_a, "Logo"), website="https://1.example.org/"
    )
    small = add_partners_page(org_a, "mali", [strip_data([one])])
    many = []
    for number in range(12):
        partner = make_partner(
            org_a,
            f"Partner {number}",
            logo=make_logo(org_a, f"Logo {number}") if number % 2 else None,
            website=f"https://partner{number}.example.org/",
        )
        if number % 3 == 0:
            translate_partner(partner, "uk", name=f"Партнер {number}")
        many.append(partner)
    big = add_partners_page(
        org_a,
        "duzi",
        [strip_data(many[:4], role) for role in (Role.PATRONAGE, Role.PARTNERS)]
        + [strip_data(many[4:], custom_heading="Partnerzy Projektu Szkolimy NGO")],
    )
    # The first views make the logos' renditions; after that, views only read.
    visit(org_a, small.url)
    visit(org_a, big.url)
    with CaptureQueriesContext(connection) as one_partner:
        visit(org_a, small.url)

    with django_assert_num_queries(len(one_partner.captured_queries)):
        response = visit(org_a, big.url)

    assert [len(partners) for _heading, partners in sections(response)] == [4, 4, 8]


# --- Editors ---------------------------------------------------------------------------


def list_block(values):
    return {
        "count": len(values),
        **{
            str(index): {"value": value, "deleted": "", "order": index, "id": ""}
            for index, value in enumerate(values)
        },
    }


def page_form(title, strips):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "intro": "",
            "strips": streamfield(
                [
                    (
                        "partner_strip",
                        {
                            "role": role,
                            "custom_heading": heading,
                            "partners": list_block([partner.pk for partner in partners]),
                            "show_details": "",
                        },
                    )
                    for role, heading, partners in strips
                ]
            ),
            "comments": inline_formset([]),
        }
    )


def add_url(org):
    return reverse(
        "wagtailadmin_pages:add", args=["partners", "partnerspage", org.site.root_page_id]
    )


def test_editor_adds_a_partners_page_with_another_organizations_partner(
    client, editor_b, org_b, partner_a, partner_b
):
    data = page_form("Partnerzy", [(Role.PATRONAGE, "", [partner_a, partner_b])])

    response = login(client, editor_b).post(add_url(org_b), data)

    assert response.status_code == 302
    page = PartnersPage.objects.get(title="Partnerzy")
    assert page.get_parent().pk == org_b.site.root_page_id
    strip = page.strips[0].value
    assert [partner.pk for partner in strip["partners"]] == [partner_a.pk, partner_b.pk]


def test_editor_cannot_publish_a_strip_without_role_or_heading(client, editor_b, org_b, partner_b):
    data = page_form("Bez nagłówka", [("", "", [partner_b])])

    response = login(client, editor_b).post(add_url(org_b), {**data, "action-publish": "publish"})

    assert response.status_code == 200
    # Shown beside the strip's fields; the admin hands block errors to its scripts as JSON.
    assert json.dumps("Wybierz rolę albo wpisz nagłówek.")[1:-1] in response.content.decode()
    assert not Page.objects.filter(title="Bez nagłówka").exists()


def test_partners_page_lives_only_under_an_organizations_home_page(client, editor_b, org_b, page_b):
    url = reverse("wagtailadmin_pages:add", args=["partners", "partnerspage", page_b.pk])

    response = login(client, editor_b).post(url, page_form("Zagnieżdżona", []))

    assert_refused(response)
    assert not Page.objects.filter(title="Zagnieżdżona").exists()
    assert PartnersPage.can_create_at(org_b.site.root_page.specific)
    assert not PartnersPage.can_create_at(page_b)

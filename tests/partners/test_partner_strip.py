"""The partner strip: what visitors see of a role's partners, and what editors may not save."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from partners.blocks import Role
from partners.models import Partner
from tests.partners.helpers import STRIP, make_logo, make_partner, strip, translate_partner

pytestmark = pytest.mark.django_db


def render(value, page=None):
    return BeautifulSoup(STRIP.render(value, {"page": page} if page else {}), "html.parser")


def home_in(org, language):
    return Page.objects.get(
        translation_key=org.site.root_page.translation_key, locale__language_code=language
    )


def items(html):
    return html.select("li.partner")


# --- What visitors see -----------------------------------------------------------------


def test_strip_shows_each_logo_with_the_partners_name_as_its_text(org_a):
    stocznia = make_partner(org_a, "Fundacja Stocznia", logo=make_logo(org_a, "Stocznia"))
    emic = make_partner(org_a, "Fundacja Emic")

    html = render(strip(stocznia, emic))

    logo_item, name_item = items(html)
    assert logo_item.img["alt"] == "Fundacja Stocznia"
    assert "partner-logo" in logo_item.img["class"]
    assert logo_item.get_text(strip=True) == ""  # the logo speaks for itself
    assert name_item.img is None
    assert name_item.get_text(strip=True) == "Fundacja Emic"
    # A 1x and a 2x, each in AVIF, WebP and the original's PNG: the style's six, no more.
    assert Partner.objects.get(pk=stocznia.pk).logo.renditions.count() == 6


def test_strip_keeps_the_editors_order_of_partners(org_a):
    names = ["Fundacja Stocznia", "Fundacja Batorego", "Fundacja NESST"]
    partners = [make_partner(org_a, name) for name in names]

    html = render(strip(*reversed(partners)))

    assert [item.get_text(strip=True) for item in items(html)] == list(reversed(names))


def test_strip_links_each_partner_to_its_website_without_handing_over_the_page(org_a):
    torun = make_partner(org_a, "Gmina Miasta Toruń", website="https://www.torun.pl/")
    pers = make_partner(org_a, "Kawiarnia PERS")

    html = render(strip(torun, pers))

    link_item, plain_item = items(html)
    link = link_item.a
    assert link["href"] == "https://www.torun.pl/"
    assert set(link["rel"]) == {"noopener", "noreferrer"}
    # Opens where the visitor is: no new tab the visitor was not told about.
    assert not link.has_attr("target")
    assert link.get_text(strip=True) == "Gmina Miasta Toruń"
    assert plain_item.a is None
    assert Partner.objects.get(pk=pers.pk).website == ""


def test_strip_heading_names_the_role(org_a, partner_a):
    html = render(strip(partner_a, role=Role.HONORARY_PATRONAGE), page=home_in(org_a, "pl"))

    assert html.h2.get_text(strip=True) == "Patronat honorowy"


@pytest.mark.parametrize(
    ("language", "heading"), [("pl", "Organizatorzy"), ("uk", "Організатори"), ("en", "Organizers")]
)
def test_a_strip_names_the_organizers_as_the_events_help_text_offers(
    org_a, partner_a, language, heading
):
    html = render(strip(partner_a, role=Role.ORGANIZERS), page=home_in(org_a, language))

    assert html.h2.get_text(strip=True) == heading
    assert STRIP.clean(strip(partner_a, role=Role.ORGANIZERS))["role"] == "organizers"


def test_custom_heading_replaces_the_role(org_a, partner_a):
    value = strip(partner_a, role=Role.PARTNERS, custom_heading="Partnerzy Projektu Szkolimy NGO")

    html = render(value)

    assert html.h2.get_text(strip=True) == "Partnerzy Projektu Szkolimy NGO"
    assert "Partnerzy</h2>" not in str(html)


def test_strip_shows_partners_and_role_in_the_pages_language(org_a, partner_a):
    translate_partner(partner_a, "uk", name="Фонд «Верф»")
    batory = make_partner(org_a, "Fundacja Batorego")  # not translated into Ukrainian

    html = render(strip(partner_a, batory, role=Role.MEDIA_PARTNERS), page=home_in(org_a, "uk"))

    translated, untranslated = items(html)
    assert html.h2.get_text(strip=True) == "Інформаційні партнери"
    assert translated.get_text(strip=True) == "Фонд «Верф»"
    assert not translated.has_attr("lang")
    # The original, marked as Polish for screen readers.
    assert untranslated.get_text(strip=True) == "Fundacja Batorego"
    assert untranslated["lang"] == "pl"
    assert set(
        Partner.objects.filter(translation_key=partner_a.translation_key).values_list(
            "locale__language_code", flat=True
        )
    ) == {"pl", "uk"}


def test_a_page_not_yet_translated_shows_partners_in_its_own_language(org_a, partner_a):
    # A Polish page shown to a visitor who chose Ukrainian (the language fallback).
    translate_partner(partner_a, "uk", name="Фонд «Верф»")

    with translation.override("uk"):
        html = render(strip(partner_a, role=Role.PARTNERS), page=home_in(org_a, "pl"))

    assert html.h2.get_text(strip=True) == "Partnerzy"
    assert items(html)[0].get_text(strip=True) == "Fundacja Stocznia"


def test_strip_without_a_page_uses_the_visitors_language(org_a, partner_a):
    translate_partner(partner_a, "en", name="Shipyard Foundation")

    with translation.override("en"):
        html = render(strip(partner_a, role=Role.FUNDING))

    assert html.h2.get_text(strip=True) == "Funding"
    assert items(html)[0].get_text(strip=True) == "Shipyard Foundation"


def test_details_show_names_and_descriptions_beside_decorative_logos(org_a):
    stocznia = make_partner(
        org_a,
        "Fundacja Stocznia",
        logo=make_logo(org_a, "Stocznia"),
        website="https://stocznia.org.pl/",
        description="Wspiera partycypację obywatelską.",
    )

    html = render(strip(stocznia, show_details=True))

    item = items(html)[0]
    # The name is read once: from the text, not again from the logo.
    assert item.img["alt"] == ""
    assert item.a.get_text(strip=True) == "Fundacja Stocznia"
    assert item.select_one(".partner-description").get_text() == (
        "Wspiera partycypację obywatelską."
    )


def test_strip_leaves_out_a_partner_deleted_from_the_directory(org_a, partner_a):
    gone = make_partner(org_a, "Fundacja Dobra dla Dobra")
    value = strip(partner_a, gone)
    gone.delete()

    html = render(STRIP.to_python(STRIP.get_prep_value(value)))

    assert [item.get_text(strip=True) for item in items(html)] == ["Fundacja Stocznia"]
    assert not Partner.objects.filter(name="Fundacja Dobra dla Dobra").exists()


# --- What editors may not save ----------------------------------------------------------


def test_strip_without_role_or_heading_is_refused(partner_a):
    with pytest.raises(ValidationError) as raised:
        STRIP.clean(strip(partner_a, role="", custom_heading="  "))

    errors = raised.value.block_errors
    assert set(errors) == {"role", "custom_heading"}
    assert "Wybierz rolę albo wpisz nagłówek." in str(errors["role"])


def test_strip_with_only_a_custom_heading_is_accepted(partner_a):
    value = STRIP.clean(strip(partner_a, role="", custom_heading="Rozmowy poprowadzi"))

    assert value.heading() == "Rozmowy poprowadzi"


def test_strip_role_must_be_one_of_the_listed_roles(partner_a):
    with pytest.raises(ValidationError) as raised:
        STRIP.clean(strip(partner_a, role="friends"))

    assert set(raised.value.block_errors) == {"role"}


def test_strip_without_partners_is_refused(partner_a):
    with pytest.raises(ValidationError) as raised:
        STRIP.clean(strip(role=Role.PARTNERS))

    assert set(raised.value.block_errors) == {"partners"}


def test_strip_preview_shows_partners_from_the_directory(partner_a, partner_b):
    value = STRIP.get_preview_value()

    html = render(value)

    assert html.h2.get_text(strip=True) == "Partnerzy"
    assert {item.get_text(strip=True) for item in items(html)} == {
        "Fundacja Stocznia",
        "Gmina Miasta Toruń",
    }


def test_logos_and_names_without_a_logo_sit_in_boxes_of_one_kind_on_one_baseline(org_a):
    stocznia = make_partner(org_a, "Fundacja Stocznia", logo=make_logo(org_a, "Stocznia"))
    emic = make_partner(org_a, "Fundacja Emic")

    html = render(strip(stocznia, emic))

    logo_item, name_item = items(html)
    # The stylesheet gives every box one height and sets its content on the bottom edge.
    assert logo_item.select_one(".partner-logo-box img.partner-logo") is not None
    fallback = name_item.select_one(".partner-logo-box .partner-name-fallback")
    assert fallback is not None
    assert fallback.get_text(strip=True) == "Fundacja Emic"
    assert "partner-no-logo" in name_item["class"]
    assert "partner-no-logo" not in logo_item["class"]

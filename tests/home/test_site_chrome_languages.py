"""The site's chrome in the visitor's language: the footer text written per language, the
funding notice and the partners as translated, and what is not yet translated marked with
the language it is in."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale, Page

from organizations.models import FundingNotice
from organizations.provisioning import translate_and_publish
from partners.models import Partner
from tests.home.helpers import make_notice
from tests.partners.helpers import make_partner
from tests.utils import (
    add_content_page,
    settings_form,
    settings_url,
    translate_page,
    unmarked_polish,
    visit,
)

pytestmark = pytest.mark.django_db

FOOTER = {
    "pl": "Fundacja Alfa działa od 2015 roku.",
    "uk": "Фундація Альфа діє з 2015 року.",
}


def footer_text(org, path):
    html = BeautifulSoup(visit(org, path).content, "html.parser")
    return html.select_one(".footer-text")


def locales(*codes):
    return [Locale.objects.get(language_code=code) for code in codes]


@pytest.fixture
def pages(org_a, page_a):
    """The page in Polish, Ukrainian and English."""
    return {
        "pl": page_a,
        "uk": translate_page(page_a, "uk", title="Про фундацію", slug="pro-fundatsiiu"),
        "en": translate_page(page_a, "en", title="About the foundation", slug="about"),
    }


def test_staff_write_the_footer_text_in_each_language(client, org_a, editor_a):
    client.force_login(editor_a)

    response = client.post(
        settings_url(org_a),
        settings_form(org_a, footer_text=FOOTER["pl"], footer_text_uk=FOOTER["uk"]),
    )

    assert response.status_code == 302
    org_a.refresh_from_db()
    assert (org_a.footer_text, org_a.footer_text_uk, org_a.footer_text_en) == (
        FOOTER["pl"],
        FOOTER["uk"],
        "",
    )


def test_the_footer_text_is_in_the_visitors_language_else_polish_marked_as_polish(org_a, pages):
    org_a.footer_text = FOOTER["pl"]
    org_a.footer_text_uk = FOOTER["uk"]
    org_a.save()

    polish = footer_text(org_a, pages["pl"].url)
    ukrainian = footer_text(org_a, pages["uk"].url)
    english = footer_text(org_a, pages["en"].url)

    assert (polish.get_text(), polish.get("lang")) == (FOOTER["pl"], None)
    assert (ukrainian.get_text(), ukrainian.get("lang")) == (FOOTER["uk"], None)
    # No English text written: the Polish one, marked as Polish.
    assert (english.get_text(), english.get("lang")) == (FOOTER["pl"], "pl")


def test_the_footer_funding_notice_is_translated_or_marked_as_polish(
    org_a, pages, editor_a, django_capture_on_commit_callbacks
):
    notice = make_notice(org_a)
    org_a.funding_notice = notice
    org_a.save()
    # wagtail-localize translates rich text paragraph by paragraph.
    disclaimer = "Projekt współfinansowany ze środków Unii Europejskiej."
    with django_capture_on_commit_callbacks(execute=True):
        translate_and_publish(
            notice,
            locales("uk", "en"),
            editor_a,
            {
                disclaimer: {"uk": "Проєкт співфінансується Європейським Союзом."},
                "FAMI": {"uk": "FAMI", "en": "FAMI"},
                "Dofinansowane przez Unię Europejską": {
                    "uk": "Співфінансовано Європейським Союзом",
                    "en": "Co-funded by the European Union",
                },
            },
        )
    assert FundingNotice.objects.filter(translation_key=notice.translation_key).count() == 3

    ukrainian = BeautifulSoup(visit(org_a, pages["uk"].url).content, "html.parser")
    english = BeautifulSoup(visit(org_a, pages["en"].url).content, "html.parser")

    uk_notice = ukrainian.select_one(".site-footer .funding-notice")
    assert "Проєкт співфінансується" in uk_notice.get_text()
    assert uk_notice.get("lang") is None
    # The English disclaimer was not translated: shown in Polish, marked as Polish.
    en_notice = english.select_one(".site-footer .funding-notice")
    assert "Projekt współfinansowany" in en_notice.get_text()
    assert en_notice.get("lang") == "pl"


def test_partners_are_shown_in_the_visitors_language_and_untranslated_parts_marked(
    org_a, editor_a, django_capture_on_commit_callbacks
):
    stocznia = make_partner(
        org_a, "Fundacja Stocznia", description="Wspieramy mądre działania społeczne."
    )
    emic = make_partner(org_a, "Fundacja Emic", description="Badamy różnorodność.")
    with django_capture_on_commit_callbacks(execute=True):
        translate_and_publish(
            stocznia,
            locales("uk"),
            editor_a,
            {
                "Fundacja Stocznia": {"uk": "Фундація «Стоцня»"},
                "Wspieramy mądre działania społeczne.": {"uk": "Підтримуємо мудрі дії громад."},
            },
        )
        translate_and_publish(
            emic, locales("uk"), editor_a, {"Fundacja Emic": {"uk": "Фундація Emic"}}
        )
    strip = {
        "role": "partners",
        "custom_heading": "",
        "partners": [stocznia, emic],
        "show_details": True,
    }
    page = add_content_page(org_a, "Partnerzy", slug="partnerzy", body=[("partner_strip", strip)])
    with django_capture_on_commit_callbacks(execute=True):
        translate_and_publish(page, locales("uk"), editor_a, {"Partnerzy": {"uk": "Партнери"}})
    ukrainian = Page.objects.get(translation_key=page.translation_key, locale__language_code="uk")

    html = visit(org_a, ukrainian.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    names = [item.select_one(".partner-name").get_text() for item in soup.select("li.partner")]
    assert names == ["Фундація «Стоцня»", "Фундація Emic"]
    descriptions = soup.select("li.partner .partner-description")
    assert [(d.get_text(), d.get("lang")) for d in descriptions] == [
        ("Підтримуємо мудрі дії громад.", None),
        ("Badamy różnorodność.", "pl"),
    ]
    assert Partner.objects.filter(translation_key=emic.translation_key).count() == 2
    assert unmarked_polish(html) == []


def test_a_polish_visitor_sees_the_polish_footer_without_marks(org_a, page_a):
    org_a.footer_text = FOOTER["pl"]
    org_a.save()

    response = Client().get(page_a.url, HTTP_HOST=org_a.site.hostname)

    assert f'<p class="footer-text">{FOOTER["pl"]}</p>' in response.content.decode()


def test_the_organizations_polish_name_is_marked_polish_in_other_languages(org_b, page_b):
    """The organization's name in the header, the footer and its ©: a proper name, in Polish
    on every language's pages, said to be Polish so that a screen reader reads it as such."""
    org_b.name = "Stowarzyszenie Świetlica Łąki"
    org_b.save()
    translated = translate_page(page_b, "uk", title="Хто ми", slug="khto-my", intro="Бета працює.")

    html = visit(org_b, translated.url).content.decode()
    polish = visit(org_b, page_b.url).content.decode()

    marked = BeautifulSoup(html, "html.parser")
    for selector in (".brand-name", ".footer-org", ".footer-bottom span"):
        element = marked.select_one(selector)
        assert (element.get_text(), element.get("lang")) == (org_b.name, "pl")
    # Only the <title> holds it unmarked: no element can mark a part of it.
    assert unmarked_polish(html) == [f"Хто ми – {org_b.name}"]
    unmarked = BeautifulSoup(polish, "html.parser")
    assert unmarked.select_one(".brand-name").get("lang") is None
    assert unmarked.select_one(".footer-org").get("lang") is None

"""create_organization makes a draft accessibility statement (deklaracja dostępności) in
every language of the organization, with the structure Polish law asks of public bodies and
placeholders in [brackets] for the staff; it shows nowhere until they publish it."""

import importlib
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps

from home.models import ContentPage
from organizations.models import OrganizationSettings
from organizations.standard_pages import ACCESSIBILITY_STATEMENT as STATEMENT
from tests.utils import create_organization_command as run
from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db

# The parts the statement must have (ustawa o dostępności cyfrowej, art. 10, and the
# ministry's template), in order, as each language heads them.
SECTIONS = {
    "pl": [
        "Daty publikacji i aktualizacji",
        "Stan dostępności cyfrowej",
        "Treści niedostępne",
        "Wyłączenia",
        "Przygotowanie deklaracji",
        "Ułatwienia na stronie",
        "Informacje zwrotne i dane kontaktowe",
        "Procedura wnioskowo-skargowa",
        "Dostępność architektoniczna",
    ],
    "uk": [
        "Дати публікації та оновлення",
        "Стан цифрової доступності",
        "Недоступний вміст",
        "Винятки",
        "Підготовка заяви",
        "Зручності на сайті",
        "Зворотний зв'язок і контакти",
        "Порядок подання вимог і скарг",
        "Архітектурна доступність",
    ],
    "en": [
        "Dates of publication and update",
        "Compliance status",
        "Non-accessible content",
        "Exemptions",
        "Preparation of this statement",
        "Accessibility features",
        "Feedback and contact information",
        "Enforcement procedure",
        "Architectural accessibility",
    ],
}
TITLES = {
    "pl": "Deklaracja dostępności",
    "uk": "Заява про доступність",
    "en": "Accessibility statement",
}


def statement(org, language="pl"):
    polish = ContentPage.objects.child_of(org.site.root_page).get(slug=STATEMENT.slug)
    if language == "pl":
        return polish
    return ContentPage.objects.get(
        translation_key=polish.translation_key, locale__language_code=language
    )


def headings(page):
    return [block.value["text"] for block in page.body if block.block_type == "heading"]


def texts(page):
    return [str(block.value) for block in page.body if block.block_type == "rich_text"]


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_every_language_gets_a_draft_statement_with_the_sections_the_law_asks_for(org_a, language):
    page = statement(org_a, language)

    assert page.title == TITLES[language]
    assert not page.live
    assert not page.show_in_menus
    assert headings(page) == SECTIONS[language]


def test_the_statement_names_the_law_the_complaint_procedure_and_the_ombudsman(org_a):
    polish = " ".join(texts(statement(org_a)))
    english = " ".join(texts(statement(org_a, "en")))

    assert "ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej" in polish
    assert "żądaniem zapewnienia dostępności cyfrowej" in polish
    assert "nie później niż w ciągu 7 dni" in polish
    assert "Rzecznika Praw Obywatelskich" in polish
    assert "Commissioner for Human Rights" in english


def test_what_the_staff_fill_in_is_marked_in_brackets_in_every_language(org_a):
    for language in ("pl", "uk", "en"):
        body = " ".join(texts(statement(org_a, language)))
        placeholders = re.findall(r"\[[^\]]+\]", body)
        # The entity and site, the dates, compliance, exclusions, the contact person and the
        # building; the complaint procedure is the law's own text.
        assert len(placeholders) >= 10, language
        assert all("[" not in text for text in texts(statement(org_a, language))[-4:-1])


def test_the_translations_carry_no_polish_text(org_a):
    polish = texts(statement(org_a))
    for language in ("uk", "en"):
        translated = texts(statement(org_a, language))
        assert len(translated) == len(polish)
        assert not set(translated) & set(polish), language


def test_the_draft_shows_nowhere_until_published(org_a):
    page = statement(org_a)

    before = visit(org_a, "/pl/deklaracja-dostepnosci/")
    page.get_latest_revision().publish()
    after = visit(org_a, "/pl/deklaracja-dostepnosci/")

    assert before.status_code == 404
    assert after.status_code == 200
    assert "Procedura wnioskowo-skargowa" in text_of(after)


def test_an_organization_made_before_the_statement_gets_it_when_the_command_runs_again(org_b):
    statement(org_b).get_translations(inclusive=True).delete()

    output = run("--name", org_b.name, "--slug", org_b.slug, "--hostname", org_b.site.hostname)

    assert "created the draft page 'Deklaracja dostępności' in pl, uk" in output
    assert not statement(org_b).live
    assert statement(org_b, "uk").title == "Заява про доступність"
    assert "nothing changed" in run(
        "--name", org_b.name, "--slug", org_b.slug, "--hostname", org_b.site.hostname
    )


def footer_link(org, path):
    """(address, hreflang, text) of the footer's link to the statement; None without one."""
    addresses = {
        page.get_url_parts()[2] for page in statement(org).get_translations(inclusive=True)
    }
    footer = BeautifulSoup(visit(org, path).content, "html.parser").select_one(".site-footer")
    for link in footer.select("a"):
        if link["href"] in addresses:
            return link["href"], link.get("hreflang"), link.get_text()
    return None


def test_the_setting_points_at_the_statement_create_organization_made(org_a):
    assert org_a.accessibility_statement_page_id == statement(org_a).pk


def test_the_footer_links_the_statement_once_published_in_the_visitors_language(org_a):
    assert [footer_link(org_a, f"/{code}/") for code in ("pl", "uk", "en")] == [None] * 3

    statement(org_a).get_latest_revision().publish()

    assert footer_link(org_a, "/pl/") == (
        "/pl/deklaracja-dostepnosci/",
        None,
        "Deklaracja dostępności",
    )
    # Not yet published in Ukrainian or English: the Polish statement, said to be Polish.
    assert footer_link(org_a, "/uk/")[:2] == ("/pl/deklaracja-dostepnosci/", "pl")
    assert footer_link(org_a, "/en/") == (
        "/pl/deklaracja-dostepnosci/",
        "pl",
        "Accessibility statement",
    )

    statement(org_a, "en").get_latest_revision().publish()

    assert footer_link(org_a, "/en/") == (
        "/en/accessibility-statement/",
        None,
        "Accessibility statement",
    )
    assert footer_link(org_a, "/uk/")[:2] == ("/pl/deklaracja-dostepnosci/", "pl")


def test_a_statement_taken_back_to_a_draft_leaves_the_footer(org_a):
    page = statement(org_a)
    page.get_latest_revision().publish()
    assert footer_link(org_a, "/pl/") is not None

    page.refresh_from_db()
    page.unpublish()

    assert footer_link(org_a, "/pl/") is None


def test_organizations_made_before_the_setting_get_their_statement_linked(org_a, org_b):
    migration = importlib.import_module(
        "organizations.migrations.0007_accessibility_statement_page"
    )
    OrganizationSettings.objects.update(accessibility_statement_page=None)

    migration.link_existing_statements(apps, None)

    assert OrganizationSettings.objects.get(pk=org_a.pk).accessibility_statement_page_id == (
        statement(org_a).pk
    )
    assert OrganizationSettings.objects.get(pk=org_b.pk).accessibility_statement_page_id == (
        statement(org_b).pk
    )

"""Funding notices: an organization's disclaimers with programme logos, on pages and in the footer."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from organizations.blocks import ProgrammeLogoBlock
from organizations.models import FundingNotice
from pages.blocks import BodyBlock
from tests.home.helpers import make_notice
from tests.utils import add_content_page, make_image, settings_form, settings_url

pytestmark = pytest.mark.django_db


def translate(notice, language, disclaimer):
    translated = notice.copy_for_translation(Locale.objects.get(language_code=language))
    translated.disclaimer = disclaimer
    translated.save()
    return translated


def visit(org, path):
    return Client().get(path, HTTP_HOST=org.site.hostname).content.decode()


def notice_state(notice):
    found = FundingNotice.objects.filter(pk=notice.pk).first()
    return None if found is None else (found.name, found.disclaimer, found.site_id)


@pytest.fixture
def notice_a(org_a):
    return make_notice(org_a, "FAMI Alfa")


@pytest.fixture
def notice_b(org_b):
    return make_notice(org_b, "FAMI Beta", disclaimer="<p>Beta: finansowanie ze środków UE.</p>")


def test_block_shows_the_disclaimer_and_the_logos_in_the_pages_language(org_a, notice_a):
    translate(notice_a, "uk", "<p>Проєкт співфінансується Європейським Союзом.</p>")
    page = add_content_page(org_a, "Projekt", body=[("funding_notice", {"notice": notice_a})])

    polish = visit(org_a, page.url)
    ukrainian_fallback = visit(org_a, page.url.replace("/pl/", "/uk/"))

    assert "Projekt współfinansowany ze środków Unii Europejskiej." in polish
    assert "Dofinansowane przez Unię Europejską" in polish
    assert "Проєкт співфінансується Європейським Союзом." in ukrainian_fallback


def test_a_programme_logo_is_offered_at_1x_and_2x_in_avif_and_webp_and_loads_lazily(org_a):
    logo = make_image(org_a, "FAMI")  # 1600 × 900
    block = ProgrammeLogoBlock()
    value = block.to_python(
        {
            "image": logo.pk,
            "alt_text": "Dofinansowane przez Unię Europejską",
            "link": "https://example.org/fami",
        }
    )

    html = str(block.render(value))

    link = BeautifulSoup(html, "html.parser").a
    assert link["href"] == "https://example.org/fami"
    sources = link.picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    img = link.picture.img
    assert [entry.split()[-1] for entry in img["srcset"].split(", ")] == ["1x", "2x"]
    assert (img["width"], img["height"]) == ("113", "64")  # 4rem high, as the footer shows it
    assert img["alt"] == "Dofinansowane przez Unię Europejską"
    assert img["loading"] == "lazy"


def test_block_preview_renders_without_the_database():
    block = BodyBlock().child_blocks["funding_notice"]
    html = str(block.render(block.get_preview_value()))
    assert "Unii Europejskiej" in html


def test_footer_shows_the_organizations_default_notice_on_every_page(org_a, org_b, notice_a):
    org_a.funding_notice = notice_a
    org_a.save()
    page = add_content_page(org_a, "O fundacji", slug="o-fundacji")

    assert "Projekt współfinansowany" in visit(org_a, "/pl/")
    assert "Projekt współfinansowany" in visit(org_a, page.url)
    assert "Projekt współfinansowany" not in visit(org_b, "/pl/")


def test_settings_refuse_another_organizations_notice(client, org_a, editor_a, notice_a, notice_b):
    client.force_login(editor_a)

    refused = client.post(settings_url(org_a), settings_form(org_a, funding_notice=notice_b.pk))
    accepted = client.post(settings_url(org_a), settings_form(org_a, funding_notice=notice_a.pk))

    assert refused.status_code == 200
    assert accepted.status_code == 302
    org_a.refresh_from_db()
    assert org_a.funding_notice_id == notice_a.pk


def snippet_url(action, notice=None):
    name = f"wagtailsnippets_organizations_fundingnotice:{action}"
    return reverse(name, args=[notice.pk]) if notice else reverse(name)


def test_staff_see_only_their_organizations_notices(client, editor_b, notice_a, notice_b):
    client.force_login(editor_b)

    listing = client.get(snippet_url("list")).content.decode()
    chooser = client.get(
        reverse("wagtailsnippetchoosers_organizations_fundingnotice:choose")
    ).content.decode()

    assert "FAMI Beta" in listing
    assert "FAMI Alfa" not in listing
    assert "FAMI Beta" in chooser
    assert "FAMI Alfa" not in chooser


def test_editor_cannot_edit_or_delete_another_organizations_notice(client, editor_b, notice_a):
    before = notice_state(notice_a)
    client.force_login(editor_b)

    client.post(snippet_url("edit", notice_a), {"name": "Przejęte", "disclaimer": "x"})
    client.post(snippet_url("delete", notice_a))

    assert notice_state(notice_a) == before


def test_editor_edits_and_deletes_own_organizations_notice(client, editor_a, notice_a):
    client.force_login(editor_a)

    response = client.post(
        snippet_url("edit", notice_a),
        {
            "name": "FAMI 2021–2027",
            "disclaimer": '{"blocks": [{"key": "a", "text": "Nowy tekst", "type": "unstyled", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "logos-count": "0",
        },
    )

    assert response.status_code == 302
    assert notice_state(notice_a)[0] == "FAMI 2021–2027"
    client.post(snippet_url("delete", notice_a))
    assert notice_state(notice_a) is None


def test_a_new_notice_is_filed_under_the_editors_organization(client, org_a, org_b, editor_b):
    client.force_login(editor_b)

    client.post(
        snippet_url("add") + "?locale=pl",
        {
            "site": org_a.site.pk,
            "name": "Nowy",
            "disclaimer": '{"blocks": [{"key": "a", "text": "Tekst", "type": "unstyled", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "logos-count": "0",
        },
    )

    notice = FundingNotice.objects.get(name="Nowy")
    assert notice.site_id == org_b.site.pk


def test_editor_cannot_see_where_another_organizations_notice_is_used_or_copy_it(
    client, org_a, editor_b, notice_a
):
    add_content_page(org_a, "Projekt Alfa", body=[("funding_notice", {"notice": notice_a})])
    client.force_login(editor_b)

    usage = client.get(snippet_url("usage", notice_a))
    copy = client.get(snippet_url("copy", notice_a))

    for response in (usage, copy):
        assert response.status_code in (302, 403)
        assert "FAMI Alfa" not in response.content.decode()
        assert "Projekt Alfa" not in response.content.decode()


def test_editor_sees_where_own_notice_is_used(client, org_a, editor_a, notice_a):
    add_content_page(org_a, "Projekt Alfa", body=[("funding_notice", {"notice": notice_a})])
    client.force_login(editor_a)

    usage = client.get(snippet_url("usage", notice_a))

    assert usage.status_code == 200
    assert "Projekt Alfa" in usage.content.decode()

"""An editor fills in a standard page that create_organization made as a draft, publishes
it, and a visitor finds it in the menu; the privacy policy link follows its publication."""

import re

from playwright.sync_api import expect

from home.models import ContentPage
from organizations.standard_pages import ABOUT, PRIVACY_POLICY
from tests.browser.helpers import in_polish, log_in

MISSION = "Uczymy polskiego i pomagamy w urzędach, po ukraińsku i po rosyjsku."


def standard_page(org, spec):
    return ContentPage.objects.child_of(org.site.root_page).get(slug=spec.slug)


def test_editor_fills_in_the_draft_about_page_and_a_visitor_finds_it_in_the_menu(
    page, new_page, site_url, org_a, editor_a, axe, third_party_requests
):
    about = standard_page(org_a, ABOUT)
    assert not about.live
    visitor = new_page()
    visitor.goto(site_url(org_a, "/pl/"))
    expect(visitor.locator("nav.main-nav")).not_to_contain_text(ABOUT.title)

    log_in(page, site_url(org_a, "/admin/login/"), editor_a)
    page.goto(site_url(org_a, f"/admin/pages/{org_a.site.root_page.pk}/"))
    page.locator("main table.listing").get_by_role("link", name=ABOUT.title).first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{about.pk}/edit/$"))

    # The mission's placeholder, the first paragraph of the body, gives way to the text.
    mission = page.locator('#body-root [contenteditable="true"]').first
    expect(mission).to_contain_text("[Opiszcie")
    mission.click()
    mission.press("Control+a")
    mission.press_sequentially(MISSION)
    # Draftail writes what was typed into the form a moment later (debounced): all of it,
    # not the first words typed (a busy machine publishes those otherwise).
    expect(page.locator('input[name="body-1-value"]')).to_have_value(re.compile(re.escape(MISSION)))
    footer = page.locator("footer")
    footer.get_by_role("button", name=in_polish("More actions")).click()
    footer.get_by_role("button", name=in_polish("Publish")).click()
    expect(page).to_have_url(site_url(org_a, f"/admin/pages/{org_a.site.root_page.pk}/"))

    about.refresh_from_db()
    assert about.live
    assert MISSION in str(about.body)

    visitor.goto(site_url(org_a, "/pl/"))
    visitor.locator("nav.main-nav").get_by_role("link", name=ABOUT.title).click()
    expect(visitor).to_have_url(site_url(org_a, "/pl/o-nas/"))
    expect(visitor.locator("main")).to_contain_text(MISSION)
    expect(visitor.get_by_role("heading", name="Nasza misja")).to_be_visible()
    expect(visitor.locator("main")).not_to_contain_text("[Opiszcie")
    assert axe(visitor) == []
    assert third_party_requests == []


def test_the_footer_links_the_privacy_policy_once_it_is_published(
    page, site_url, org_a, third_party_requests
):
    policy_link = page.locator("footer").get_by_role("link", name=in_polish("Privacy policy"))
    page.goto(site_url(org_a, "/pl/"))
    expect(policy_link).to_have_count(0)

    standard_page(org_a, PRIVACY_POLICY).save_revision().publish()

    page.goto(site_url(org_a, "/pl/"))
    policy_link.click()
    expect(page).to_have_url(site_url(org_a, "/pl/polityka-prywatnosci/"))
    expect(page.get_by_role("heading", name="Twoje prawa")).to_be_visible()
    assert third_party_requests == []

"""An editor of one organization in the Wagtail admin, in a real browser."""

from playwright.sync_api import expect

from tests.browser.helpers import log_in


def test_editor_sees_only_own_organization_pages_in_the_explorer(
    page, site_url, org_a, org_b, editor_a, page_a, page_b
):
    log_in(page, site_url(org_a, "/admin/login/"), editor_a)

    # The top of the explorer: org A's home page in each of its languages, nothing of B.
    page.goto(site_url(org_a, "/admin/pages/"))
    expect(page.locator("main table.listing")).to_contain_text("Fundacja Alfa")
    expect(page.locator("body")).not_to_contain_text("Stowarzyszenie Beta")

    page.goto(site_url(org_a, f"/admin/pages/{org_a.site.root_page.pk}/"))
    expect(page.locator("main table.listing")).to_contain_text(page_a.title)
    expect(page.locator("body")).not_to_contain_text(page_b.title)
    expect(page.locator("body")).not_to_contain_text("Stowarzyszenie Beta")


def test_editor_cannot_open_another_organization_page_for_editing(
    page, site_url, org_a, org_b, editor_a, page_a, page_b
):
    log_in(page, site_url(org_a, "/admin/login/"), editor_a)

    # Their own page opens in the editor…
    page.goto(site_url(org_a, f"/admin/pages/{page_a.pk}/edit/"))
    expect(page.locator('form#page-edit-form input[name="title"]')).to_have_value(page_a.title)

    # …the other organization's sends them back to the dashboard, without its form.
    page.goto(site_url(org_a, f"/admin/pages/{page_b.pk}/edit/"))
    expect(page).to_have_url(site_url(org_a, "/admin/"))
    expect(page.locator("form#page-edit-form")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text(page_b.title)


def test_admin_loads_nothing_from_a_third_party(
    page, site_url, org_a, editor_a, third_party_requests
):
    log_in(page, site_url(org_a, "/admin/login/"), editor_a)
    page.goto(site_url(org_a, "/admin/pages/"))
    expect(page.locator("main table.listing")).to_contain_text("Fundacja Alfa")

    assert third_party_requests == []

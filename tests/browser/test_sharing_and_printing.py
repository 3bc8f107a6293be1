"""A visitor shares and prints an article, in a real browser."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from tests.news.helpers import add_article, news_index
from tests.utils import make_image

ARTICLE_PATH = "/pl/aktualnosci/forum-wspolpracy/"


@pytest.fixture
def article(org_a):
    return add_article(
        news_index(org_a),
        "Forum współpracy",
        "2023-12-05",
        slug="forum-wspolpracy",
        intro="Za nami III Forum Współpracy i Integracji.",
        hero_image=make_image(org_a),
        hero_alt_text="Uczestnicy forum",
        hero_credit="Anna Kowalska",
        body=[
            (
                "rich_text",
                RichText(
                    '<p>Relacja na stronie <a href="https://www.gov.pl/web/udsc">UDSC</a>.</p>'
                ),
            )
        ],
    )


def test_printed_article_has_no_navigation_and_shows_link_addresses(
    page, site_url, org_a, article, tmp_path
):
    page.goto(site_url(org_a, ARTICLE_PATH))
    expect(page.locator(".main-nav")).to_be_visible()

    page.emulate_media(media="print")
    screenshot = tmp_path / "print.png"
    page.screenshot(path=screenshot, full_page=True)

    for chrome in (".site-header", ".main-nav", ".breadcrumbs", ".share", ".page-tools"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Forum współpracy")
    expect(page.locator(".article-hero img")).to_be_visible()
    expect(page.get_by_text("Zdjęcie: Anna Kowalska")).to_be_visible()
    shown_after_link = page.locator(".article-body a").evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "https://www.gov.pl/web/udsc" in shown_after_link
    # The screenshot is the printed page: as wide as the page, no taller than its content.
    assert screenshot.stat().st_size > 10_000
    image_width = page.locator(".article-hero img").evaluate(
        "img => img.getBoundingClientRect().width"
    )
    assert image_width <= page.evaluate("document.documentElement.clientWidth")


def test_print_button_opens_the_browsers_print_dialog(new_page, site_url, org_a, article):
    page = new_page()
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(site_url(org_a, ARTICLE_PATH))

    page.get_by_role("button", name="Drukuj").click()

    assert page.evaluate("window.printed") == 1


def test_visitor_copies_the_link_and_nothing_loads_from_share_services(
    new_page, site_url, org_a, article, third_party_requests, axe
):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url(org_a, ARTICLE_PATH))

    share = page.get_by_role("navigation", name="Udostępnij")
    for service in ("Facebook", "X", "LinkedIn", "WhatsApp", "Telegram", "E-mail"):
        expect(share.get_by_role("link", name=service)).to_be_visible()
    share.get_by_role("button", name="Kopiuj link").click()

    expect(share.get_by_role("status")).to_have_text("Link skopiowany")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith(ARTICLE_PATH)
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert third_party_requests == []
    assert axe(page) == []


def test_share_uses_the_devices_share_sheet_where_there_is_one(new_page, site_url, org_a, article):
    page = new_page()
    page.add_init_script(
        "navigator.share = data => { window.shared = data; return Promise.resolve(); };"
    )
    page.goto(site_url(org_a, ARTICLE_PATH))

    page.locator(".page-tools").get_by_role("link", name="Udostępnij").click()

    assert page.evaluate("window.shared") == {
        "title": "Forum współpracy",
        "url": page.locator("link[rel=canonical]").get_attribute("href"),
    }


def test_without_a_share_sheet_share_jumps_to_the_links(page, site_url, org_a, article):
    page.goto(site_url(org_a, ARTICLE_PATH))
    if page.evaluate("'share' in navigator"):
        pytest.fail("this Chromium has a share sheet; the test needs one without")

    page.locator(".page-tools").get_by_role("link", name="Udostępnij").click()

    assert page.url.endswith("#share")
    expect(page.get_by_role("link", name="WhatsApp")).to_be_in_viewport()

"""How the pages sit on a phone and on a laptop: the event page's aside after the text on a
phone and beside it on a wide screen, nothing scrolling sideways at 320 px, no axe-core
violation; and screenshots of each page type at 360 px and 1280 px for people to look at
(saved to SCREENSHOT_DIR, by default a temporary folder; never committed)."""

import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import fits_the_screen
from tests.home.helpers import showcase

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
NARROWEST = {"viewport": {"width": 320, "height": 640}, "is_mobile": True}


def screenshot_dir():
    folder = Path(os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def all_violations(page):
    """axe-core's violations of any impact (the `axe` fixture keeps only the serious ones)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]])
        for violation in results.response["violations"]
    ]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.fixture
def content(org_a):
    return showcase(org_a)


def test_the_event_pages_aside_follows_the_text_on_a_phone_and_sits_beside_it_on_a_laptop(
    new_page, site_url, org_a, content, axe, third_party_requests
):
    phone = new_page(**PHONE)
    phone.goto(site_url(org_a, content["event"]))
    article, aside = box(phone, "article.event"), box(phone, "aside.page-aside")
    assert aside["y"] >= article["y"] + article["height"]
    # The essentials come first where the box is below the text.
    expect(phone.locator(".event-summary")).to_be_visible()
    assert fits_the_screen(phone)

    laptop = new_page(**LAPTOP)
    laptop.goto(site_url(org_a, content["event"]))
    article, aside = box(laptop, "article.event"), box(laptop, "aside.page-aside")
    assert aside["x"] >= article["x"] + article["width"]
    assert aside["y"] < article["y"] + 100
    expect(laptop.locator(".event-summary")).to_be_hidden()
    register = laptop.locator("aside .event-box-register")
    expect(register).to_be_visible()
    register.click()
    expect(laptop).to_have_url(
        site_url(org_a, content["event"]) + f"#{register.get_attribute('href')[1:]}"
    )
    expect(laptop.locator("form.registration-form")).to_be_in_viewport()
    assert axe(laptop) == []
    assert third_party_requests == []


def test_partner_logos_and_names_without_a_logo_stand_on_one_baseline(
    new_page, site_url, org_a, content
):
    for options in (PHONE, LAPTOP):
        page = new_page(**options)
        page.goto(site_url(org_a, content["home"]))
        boxes = page.locator(".partner-strip .partner-logo-box")
        expect(boxes).to_have_count(2)
        logo, name = (boxes.nth(n).bounding_box() for n in range(2))
        if logo["y"] < name["y"] + name["height"] and name["y"] < logo["y"] + logo["height"]:
            # Side by side (a narrow screen may put them on two lines): the same bottom edge.
            assert abs((logo["y"] + logo["height"]) - (name["y"] + name["height"])) < 1
        else:
            assert options is PHONE, "side by side on a laptop"
        expect(page.locator(".partner-name-fallback")).to_have_text(
            "Centrum Wielokulturowe w Toruniu, partner od lat"
        )


@pytest.mark.parametrize("kind", ["home", "news", "article", "events", "event"])
def test_each_page_type_fits_a_320_px_screen_and_is_photographed_at_360_and_1280_px(
    new_page, site_url, org_a, content, kind, third_party_requests
):
    narrow = new_page(**NARROWEST)
    narrow.goto(site_url(org_a, content[kind]))
    assert fits_the_screen(narrow)
    # 200% zoom of a 640 px window: the same layout at 320 CSS pixels, text twice as big.
    narrow.evaluate("document.documentElement.dataset.textSize = '2'")
    assert fits_the_screen(narrow)

    for name, options in (("360", PHONE), ("1280", LAPTOP)):
        page = new_page(**options)
        page.goto(site_url(org_a, content[kind]))
        page.wait_for_load_state("load")
        assert fits_the_screen(page)
        assert all_violations(page) == []
        page.screenshot(path=screenshot_dir() / f"{kind}-{name}.png", full_page=True)
    assert third_party_requests == []


def test_every_page_type_in_ukrainian_and_english_has_no_axe_violation_on_a_phone_or_a_laptop(
    new_page, site_url, org_a, content
):
    """The Ukrainian and English versions, reached by the language switcher as a visitor
    would: the home and the indexes translated, the articles and events not yet (the
    original shown with the fallback notice and its parts marked Polish)."""
    phone, laptop = new_page(**PHONE), new_page(**LAPTOP)
    checked = []
    for kind in ("home", "news", "article", "events", "event"):
        phone.goto(site_url(org_a, content[kind]))
        switcher = phone.locator(".language-switcher").first
        hrefs = {
            language: switcher.locator(f'a[hreflang="{language}"]').get_attribute("href")
            for language in ("uk", "en")
        }
        for language, href in hrefs.items():
            url = href if href.startswith("http") else site_url(org_a, href)
            for page in (phone, laptop):
                page.goto(url)
                expect(page.locator("html")).to_have_attribute("lang", language)
                assert all_violations(page) == [], (kind, language, page.viewport_size)
            checked.append((kind, language))
    assert len(checked) == 10

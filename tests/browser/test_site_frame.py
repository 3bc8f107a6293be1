"""The frame of every page as a visitor sees it on a phone and a laptop: the compact phone
header, a wide screen used, no sideways scrolling, icons, and no layout shift.

Screenshots of the home page at 360 and 1280 px go to $SCREENSHOT_DIR (default: a folder
under the system's temporary directory); they are never committed."""

import io
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.helpers import choose_text_size, fits_the_screen, in_polish
from tests.home.helpers import make_logo
from tests.utils import add_content_page

PHONE = {"viewport": {"width": 360, "height": 740}}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
# A long name, as the demo organizations have.
LONG_NAME = "Fundacja Wspierania Migrantów Inna Przestrzeń"


@pytest.fixture
def screenshot_dir():
    folder = Path(
        os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "foundation-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def alfa(org_a):
    """Fundacja Alfa with a long name, a logo and two pages in its menu."""
    org_a.name = LONG_NAME
    org_a.save()
    make_logo(org_a)
    add_content_page(org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.")
    add_content_page(org_a, "Projekty", slug="projekty")
    return org_a


def top_of(page, selector):
    return page.locator(selector).evaluate("el => el.getBoundingClientRect().top")


def test_on_a_phone_the_content_starts_in_the_first_quarter_of_the_screen(
    new_page, site_url, alfa, screenshot_dir, third_party_requests
):
    page = new_page(**PHONE)
    page.goto(site_url(alfa, "/pl/o-fundacji/"))

    page.screenshot(path=screenshot_dir / "phone-header-360.png")
    assert top_of(page, "main") <= 740 / 4
    # Languages and text size wait behind one control, beside Menu.
    settings = page.locator(".header-settings > summary")
    expect(settings).to_be_visible()
    expect(page.locator(".menu-toggle")).to_be_visible()
    languages = page.locator(".language-switcher").get_by_role("link")
    expect(languages.first).to_be_hidden()

    settings.click()

    expect(languages).to_have_text(["Polski", "Українська", "English"])
    expect(page.get_by_role("button", name=in_polish("Largest text"))).to_be_visible()
    page.screenshot(path=screenshot_dir / "phone-header-open-360.png")
    page.keyboard.press("Escape")
    expect(languages.first).to_be_hidden()
    expect(settings).to_be_focused()

    settings.click()
    languages.get_by_text("English").click()
    expect(page).to_have_url(site_url(alfa, "/en/o-fundacji/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert third_party_requests == []


def test_the_phone_controls_work_without_javascript(new_page, site_url, alfa, third_party_requests):
    page = new_page(**PHONE, java_script_enabled=False)
    page.goto(site_url(alfa, "/pl/o-fundacji/"))

    page.locator(".header-settings > summary").click()

    expect(page.locator(".language-switcher").get_by_role("link", name="English")).to_be_visible()
    # Without a script the menu is simply open: every link is there to follow.
    expect(page.locator(".main-nav").get_by_role("link", name="Projekty")).to_be_visible()
    assert third_party_requests == []


def test_on_a_laptop_the_header_shows_everything_and_the_page_uses_the_width(
    page, site_url, alfa, third_party_requests
):
    page.goto(site_url(alfa, "/pl/"))

    header = page.locator(".site-header")
    expect(header.locator(".brand-logo")).to_be_visible()
    expect(header.locator(".brand-name")).to_have_text(LONG_NAME)
    expect(header.locator(".main-nav").get_by_role("link", name="O fundacji")).to_be_visible()
    expect(header.locator(".language-switcher").get_by_role("link")).to_have_count(3)
    expect(header.get_by_role("button", name=in_polish("Larger text"), exact=True)).to_be_visible()
    expect(header.get_by_role("searchbox")).to_be_visible()
    expect(header.locator(".header-settings > summary")).to_be_hidden()
    expect(header.locator(".menu-toggle")).to_be_hidden()
    assert header.bounding_box()["height"] <= 160
    # The keyboard reaches the languages right after the name, with no disclosure between.
    header.locator(".brand").focus()
    page.keyboard.press("Tab")
    expect(header.locator(".language-switcher").get_by_role("link", name="Polski")).to_be_focused()
    # The container is 76rem, not a column in the left 60 % of the screen.
    bar = page.locator(".header-bar").bounding_box()
    assert bar["width"] >= 1200
    assert fits_the_screen(page)
    assert third_party_requests == []


def test_the_header_logo_is_sharp_on_dense_screens(new_page, site_url, alfa):
    page = new_page(**LAPTOP, device_scale_factor=2)
    page.goto(site_url(alfa, "/pl/"))

    logo = page.locator(".brand-logo")
    expect(logo).to_be_visible()
    sources = dict(
        reversed(candidate.split()) for candidate in logo.get_attribute("srcset").split(", ")
    )
    assert logo.evaluate("img => new URL(img.currentSrc).pathname") == sources["2x"]


@pytest.mark.parametrize(
    ("context_options", "text_size"),
    [
        pytest.param({"viewport": {"width": 320, "height": 640}}, "2", id="320px-largest-text"),
        # A 1280 px screen at 200 % zoom: 640 CSS px, two device pixels each.
        pytest.param(
            {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
            "0",
            id="1280px-at-200%",
        ),
        pytest.param(
            {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
            "2",
            id="1280px-at-200%-largest-text",
        ),
    ],
)
def test_the_home_page_never_scrolls_sideways(
    new_page, site_url, alfa, context_options, text_size, third_party_requests
):
    page = new_page(**context_options)
    page.goto(site_url(alfa, "/pl/"))
    choose_text_size(page, text_size)
    page.keyboard.press("Escape")

    assert fits_the_screen(page)
    page.locator(".menu-toggle").click()
    assert fits_the_screen(page)
    # Positive control: something too wide is caught.
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<div style=\"width: 2000px; height: 1px\"></div>')"
    )
    assert not fits_the_screen(page)
    assert third_party_requests == []


CUMULATIVE_LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) total += entry.value;
        }
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("context_options", [PHONE, LAPTOP], ids=["360px", "1280px"])
def test_nothing_moves_when_the_script_starts(new_page, site_url, alfa, context_options):
    """The script's class and a remembered text size apply before the first paint."""
    page = new_page(**context_options)
    page.add_init_script("window.localStorage.setItem('text-size', '2')")
    page.goto(site_url(alfa, "/pl/o-fundacji/"))

    expect(page.locator("html")).to_have_attribute("data-text-size", "2")
    expect(page.locator("html")).to_have_class("js")
    assert page.evaluate(CUMULATIVE_LAYOUT_SHIFT) < 0.01


def fetch(address):
    """(status, content type, decoded image) of a GET of `address` on the live server.
    Not through Chromium: Playwright's routing fails a page's own fetch of /favicon.ico."""
    parts = urlsplit(address)
    local = f"http://127.0.0.1:{parts.port}{parts.path}" + (
        f"?{parts.query}" if parts.query else ""
    )
    with urlopen(Request(local, headers={"Host": parts.netloc})) as response:
        body = response.read()
        return response.status, response.headers["Content-Type"], Image.open(io.BytesIO(body))


def test_the_favicon_is_an_image_and_no_console_error_is_logged(
    page, site_url, alfa, third_party_requests
):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site_url(alfa, "/pl/"))

    status, content_type, icon = fetch(site_url(alfa, "/favicon.ico"))
    assert (status, content_type, icon.format) == (200, "image/x-icon", "ICO")
    for link, size in (('link[rel="icon"]', 32), ('link[rel="apple-touch-icon"]', 180)):
        status, content_type, icon = fetch(site_url(alfa, page.locator(link).get_attribute("href")))
        assert (status, content_type, icon.size) == (200, "image/png", (size, size))
    assert errors == []
    assert third_party_requests == []


@pytest.mark.parametrize(
    ("name", "context_options"), [("360", PHONE), ("1280", LAPTOP)], ids=["360px", "1280px"]
)
def test_the_home_page_passes_axe_with_its_header_open_and_closed(
    new_page, site_url, alfa, axe, screenshot_dir, name, context_options
):
    page = new_page(**context_options)
    page.goto(site_url(alfa, "/pl/"))
    page.screenshot(path=screenshot_dir / f"home-{name}.png", full_page=True)

    assert axe(page) == []
    summary = page.locator(".header-settings > summary")
    if summary.is_visible():
        summary.click()
        assert axe(page) == []

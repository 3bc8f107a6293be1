"""A visitor's path through the organizations' sites, in a real browser."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from organizations.models import locale_for
from tests.browser.helpers import choose_text_size, fits_the_screen
from tests.utils import add_content_page

# Each organization's own colours; both keep white text readable (WCAG AA).
ALFA_COLOURS = {"primary_colour": "#0b5d1e", "accent_colour": "#8a3b12"}
BETA_COLOURS = {"primary_colour": "#7a1f5c", "accent_colour": "#1d4e89"}

BODY = [
    ("heading", {"text": "Jak pomagamy", "level": "h2", "anchor": "pomoc"}),
    (
        "rich_text",
        RichText(
            "<p>Porady prawne, kursy języka polskiego i pomoc w szukaniu pracy. "
            'Zapraszamy do <a href="/pl/">naszego biura</a> od poniedziałku do piątku.</p>'
        ),
    ),
]


def set_colours(org, colours):
    """Change the colours as the organization's settings form would."""
    for field, value in colours.items():
        setattr(org, field, value)
    org.full_clean()
    org.save()


def rgb(hex_colour):
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def translate(page, language_code, title):
    """Publish the page's translation, as a translator would."""
    translation = page.copy_for_translation(locale_for(language_code))
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def menu_titles(page):
    return page.locator(".main-nav .menu-list > li > a").all_inner_texts()


def header_background(page):
    return page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")


def accent_colour(page):
    return page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim()"
    )


def root_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_each_organization_shows_its_own_name_colours_and_menu(
    page, site_url, org_a, org_b, third_party_requests
):
    set_colours(org_a, ALFA_COLOURS)
    set_colours(org_b, BETA_COLOURS)
    add_content_page(org_a, "O fundacji", slug="o-fundacji")
    add_content_page(org_a, "Projekty", slug="projekty")
    add_content_page(org_a, "Polityka prywatności", slug="prywatnosc", show_in_menus=False)
    add_content_page(org_b, "Kim jesteśmy", slug="kim-jestesmy")

    page.goto(site_url(org_a))
    expect(page).to_have_url(site_url(org_a, "/pl/"))
    expect(page.locator(".brand-name")).to_have_text("Fundacja Alfa")
    assert header_background(page) == rgb(ALFA_COLOURS["primary_colour"])
    assert accent_colour(page) == ALFA_COLOURS["accent_colour"]
    titles = menu_titles(page)
    assert titles[1:] == ["O fundacji", "Projekty"], "the home link, then the pages shown in menus"
    assert "Kim jesteśmy" not in titles

    page.goto(site_url(org_b))
    expect(page).to_have_url(site_url(org_b, "/pl/"))
    expect(page.locator(".brand-name")).to_have_text("Stowarzyszenie Beta")
    assert header_background(page) == rgb(BETA_COLOURS["primary_colour"])
    assert accent_colour(page) == BETA_COLOURS["accent_colour"]
    assert menu_titles(page)[1:] == ["Kim jesteśmy"]

    assert third_party_requests == []


def test_language_switcher_leads_to_the_translated_page(
    page, site_url, org_a, third_party_requests
):
    about = add_content_page(org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.")
    ukrainian = translate(about, "uk", "Про нас")

    page.goto(site_url(org_a, "/pl/o-fundacji/"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    switcher = page.locator(".language-switcher")
    expect(switcher.get_by_role("link")).to_have_text(["Polski", "Українська", "English"])
    expect(switcher.get_by_role("link", name="Polski")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="Українська").click()

    # The translation's own address, from its title ("pro-nas" is the standard page's).
    assert ukrainian.slug == "pro-nas-1"
    expect(page).to_have_url(site_url(org_a, "/uk/pro-nas-1/"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Про нас")
    expect(page.locator(".notice-language")).to_have_count(0)
    switcher = page.locator(".language-switcher")
    expect(switcher.get_by_role("link", name="Українська")).to_have_attribute(
        "aria-current", "true"
    )

    switcher.get_by_role("link", name="Polski").click()
    expect(page).to_have_url(site_url(org_a, "/pl/o-fundacji/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("O fundacji")

    assert third_party_requests == []


def test_organization_without_english_offers_no_english(
    page, site_url, org_b, third_party_requests
):
    page.goto(site_url(org_b, "/pl/"))
    links = page.locator(".language-switcher a")
    expect(links).to_have_text(["Polski", "Українська"])
    expect(page.locator('.language-switcher a[hreflang="en"]')).to_have_count(0)

    # Typing /en/ by hand does not reach an English version either.
    page.goto(site_url(org_b, "/en/"))
    expect(page).to_have_url(site_url(org_b, "/pl/"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")

    assert third_party_requests == []


def test_text_size_control_enlarges_text_and_is_remembered(
    page, site_url, org_a, third_party_requests
):
    add_content_page(
        org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.", body=BODY
    )
    page.goto(site_url(org_a, "/pl/o-fundacji/"))
    normal, largest = (
        page.locator('button[data-text-size="0"]'),
        page.locator('button[data-text-size="2"]'),
    )
    expect(normal).to_have_attribute("aria-pressed", "true")
    lead = page.locator(".lead")
    normal_size = root_font_size(page)
    normal_lead_height = lead.bounding_box()["height"]

    largest.click()

    expect(largest).to_have_attribute("aria-pressed", "true")
    expect(normal).to_have_attribute("aria-pressed", "false")
    assert root_font_size(page) >= normal_size * 1.3
    assert lead.bounding_box()["height"] > normal_lead_height

    page.reload()

    expect(page.locator('button[data-text-size="2"]')).to_have_attribute("aria-pressed", "true")
    assert root_font_size(page) >= normal_size * 1.3

    page.locator('button[data-text-size="0"]').click()
    assert root_font_size(page) == normal_size

    assert third_party_requests == []


# The header's controls, one box each; none may overlap another or leave the screen.
HEADER_CONTROLS = """() => {
    const visible = (el) => {
        const box = el.getBoundingClientRect();
        // checkVisibility: also false inside a closed <details> (the phone's "Aa" panel).
        return el.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
    };
    const describe = (el) => el.tagName.toLowerCase()
        + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "")
        + (el.textContent.trim() ? " '" + el.textContent.trim().slice(0, 30) + "'" : "");
    const selectors = [
        ".brand", ".language-switcher a", ".text-size-button", ".menu-toggle",
        ".main-nav .menu-list > li > a", ".menu-search input", ".menu-search button",
    ];
    const boxes = [...document.querySelectorAll(selectors.join(","))]
        .filter(visible)
        .map((el) => ({ name: describe(el), box: el.getBoundingClientRect().toJSON() }));
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].box, b = boxes[j].box;
            const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (width > 0.5 && height > 0.5) overlaps.push([boxes[i].name, boxes[j].name]);
        }
    }
    const offscreen = boxes
        .filter(({ box }) => box.left < 0 || box.right > window.innerWidth + 0.5)
        .map(({ name }) => name);
    return { count: boxes.length, overlaps, offscreen };
}"""


@pytest.mark.parametrize(
    ("context_options", "text_size"),
    [
        pytest.param({"viewport": {"width": 360, "height": 740}}, "2", id="360px-largest-text"),
        # 320 CSS px is WCAG 1.4.10's reflow width (1280 px at 400 %).
        pytest.param({"viewport": {"width": 320, "height": 640}}, "2", id="320px-largest-text"),
        pytest.param(
            {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
            "0",
            id="200%-zoom",
        ),
        pytest.param(
            {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
            "2",
            id="200%-zoom-largest-text",
        ),
    ],
)
def test_nothing_overlaps_or_scrolls_sideways_on_a_narrow_screen_with_large_text(
    new_page, site_url, org_a, third_party_requests, context_options, text_size
):
    about = add_content_page(org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.")
    add_content_page(
        org_a,
        "Pomoc prawna dla cudzoziemców",
        slug="pomoc-prawna",
        parent=about,
        intro="Bezpłatne porady w sprawach pobytu, pracy i zdrowia.",
        body=BODY,
    )
    add_content_page(org_a, "Kursy języka polskiego", slug="kursy")
    page = new_page(**context_options)

    page.goto(site_url(org_a, "/pl/o-fundacji/pomoc-prawna/"))
    choose_text_size(page, text_size)

    def assert_fits(when):
        assert fits_the_screen(page), (
            f"{when}: the page scrolls sideways "
            f"({page.evaluate('document.documentElement.scrollWidth')}px wide)"
        )
        layout = page.evaluate(HEADER_CONTROLS)
        assert layout["count"] >= 6, layout
        assert layout["overlaps"] == [], when
        assert layout["offscreen"] == [], when

    assert_fits("menu closed")
    toggle = page.locator(".menu-toggle")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".main-nav .menu-list")).to_be_visible()
    assert_fits("menu open")

    assert third_party_requests == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(
    page, site_url, org_a, third_party_requests
):
    add_content_page(
        org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.", body=BODY
    )
    page.goto(site_url(org_a, "/pl/o-fundacji/"))

    page.keyboard.press("Tab")

    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert skip_link.get_attribute("href") == "#main"

    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), (
        "the next Tab continues inside the content, not back in the header"
    )

    assert third_party_requests == []


@pytest.mark.parametrize("path", ["/pl/", "/pl/o-fundacji/pomoc-prawna/"], ids=["home", "content"])
def test_pages_have_no_serious_accessibility_violations(
    page, site_url, org_a, axe, third_party_requests, path
):
    set_colours(org_a, ALFA_COLOURS)
    about = add_content_page(org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.")
    add_content_page(
        org_a,
        "Pomoc prawna dla cudzoziemców",
        slug="pomoc-prawna",
        parent=about,
        intro="Bezpłatne porady w sprawach pobytu, pracy i zdrowia.",
        body=BODY,
    )
    org_a.contact_email = "biuro@alfa.example.org"
    org_a.facebook_url = "https://www.facebook.com/fundacja-alfa"
    org_a.footer_text = "Fundacja Alfa, KRS 0000000000."
    org_a.save()

    page.goto(site_url(org_a, path))
    expect(page.locator("main#main")).to_be_visible()

    assert axe(page) == []
    assert third_party_requests == []

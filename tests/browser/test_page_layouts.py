"""How the pages sit on a phone and on a laptop: the event page's aside after the text on a
phone and beside it on a wide screen, nothing scrolling sideways at 320 px, no axe-core
violation; and screenshots of each page type at 360 px and 1280 px for people to look at
(saved to SCREENSHOT_DIR, by default a temporary folder; never committed)."""

import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.events.helpers import add_event, event_index, in_days, path_of
from tests.news.helpers import add_article, news_index

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
NARROWEST = {"viewport": {"width": 320, "height": 640}, "is_mobile": True}


def screenshot_dir():
    folder = Path(os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_photo(org, title, colour):
    """A plain coloured 1600×900 "photo", so that a screenshot shows where photos go."""
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(filename="photo.png", colour=colour, size=(1600, 900)),
        collection=org.collection,
    )


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.fixture
def content(org_a):
    """A home page with its photo, articles and events with photos, one with a form."""
    home = org_a.site.root_page.specific
    home.intro = "Pomagamy osobom, które znalazły w Toruniu nowy dom."
    home.hero_image = make_photo(org_a, "Spotkanie", "#7a9cc6")
    home.save_revision().publish()
    org_a.newsletter_url = "https://example.org/newsletter"
    org_a.donate_url = "https://example.org/wesprzyj"
    org_a.save()
    photo = make_photo(org_a, "Forum", "#c69c7a")
    news = news_index(org_a)
    article = add_article(
        news,
        "Forum integracji w Toruniu",
        "2026-11-20",
        intro="Ponad sto osób rozmawiało o tym, jak mieszkać razem.",
        hero_image=photo,
        hero_alt_text="Uczestnicy forum przy stołach",
        hero_credit="Piotr Rojewski",
    )
    for day in range(1, 5):
        add_article(news, f"Wiadomość {day}", f"2026-11-0{day}", intro="Krótko o tym, co nowego.")
    events = event_index(org_a)
    event = add_event(
        events,
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        intro="Diagnoza problemów i wspólne wypracowanie mechanizmów integracyjnych.",
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        postal_code="87-100",
        city="Toruń",
        languages=["pl", "uk"],
        registration_mode="form",
        capacity=40,
        hero_image=photo,
        hero_alt_text="Sala kawiarni",
    )
    add_event(events, "Webinar: legalizacja pobytu", in_days(3, 17, 0), format="online")
    add_event(events, "Spacer po Starówce", in_days(40, 11, 0), city="Toruń")
    return {
        "home": "/pl/",
        "news": "/pl/aktualnosci/",
        "article": path_of(article),
        "events": "/pl/wydarzenia/",
        "event": path_of(event),
    }


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


@pytest.mark.parametrize("kind", ["home", "news", "article", "events", "event"])
def test_each_page_type_fits_a_320_px_screen_and_is_photographed_at_360_and_1280_px(
    new_page, site_url, org_a, content, axe, kind, third_party_requests
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
        assert axe(page) == []
        page.screenshot(path=screenshot_dir() / f"{kind}-{name}.png", full_page=True)
    assert third_party_requests == []

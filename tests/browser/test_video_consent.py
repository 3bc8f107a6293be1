"""A video in a page's body loads from YouTube or Vimeo only when the visitor asks for it."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.helpers import choose_text_size
from tests.news.helpers import add_article, news_index
from tests.utils import add_content_page


@dataclass(frozen=True)
class Video:
    provider: str
    url: str
    title: str
    player: str  # the start of the player's address, loaded only on the visitor's click
    watch_url: str  # the video's page at the provider, for visitors without JavaScript


YOUTUBE = Video(
    provider="YouTube",
    url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    title="II Forum Migracyjne w Lublinie",
    player="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
    watch_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
)
VIMEO = Video(
    provider="Vimeo",
    url="https://vimeo.com/76979871",
    title="Jak działa punkt informacyjny dla cudzoziemców",
    player="https://player.vimeo.com/video/76979871",
    watch_url="https://vimeo.com/76979871",
)
VIDEOS = [pytest.param(YOUTUBE, id="youtube"), pytest.param(VIMEO, id="vimeo")]


def in_polish(message, **values):
    with translation.override("pl"):
        return gettext(message) % values


def embed(video):
    return [("embed", {"url": video.url, "title": video.title, "caption": "Lublin, 2014"})]


def page_with_video(org, video):
    """A YouTube video on a content page and a Vimeo one in an article: both kinds of
    page with a body."""
    if video is YOUTUBE:
        return add_content_page(org, "Forum migracyjne", slug="forum", body=embed(video))
    return add_article(news_index(org), "Punkt informacyjny", "2024-03-21", body=embed(video))


def address(site_url, org, page):
    return site_url(org, page.get_url_parts()[2])


def load_button(page, video):
    name = in_polish("Load video from %(provider)s", provider=video.provider)
    return page.locator(".embed-placeholder").get_by_role(
        "button", name=re.compile(rf"^{re.escape(name)}\s*: {re.escape(video.title)}$")
    )


def tab_to(page, target, most=60):
    """Press Tab until `target` has the keyboard focus, as a keyboard user gets there."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{most} presses of Tab did not reach {target}")


@pytest.mark.parametrize("video", VIDEOS)
def test_video_loads_from_the_provider_only_after_the_visitor_asks_with_the_keyboard(
    page, site_url, org_a, axe, third_party_requests, video
):
    page.goto(address(site_url, org_a, page_with_video(org_a, video)))
    page.wait_for_load_state("networkidle")

    placeholder = page.locator(".embed-placeholder")
    expect(placeholder.locator(".embed-title")).to_have_text(video.title)
    expect(placeholder.locator(".embed-privacy")).to_have_text(
        in_polish(
            "The video is loaded from %(provider)s only when you ask for it; %(provider)s "
            "then receives your IP address and may store cookies.",
            provider=video.provider,
        )
    )
    button = load_button(page, video)
    expect(button).to_be_visible()
    expect(page.locator("iframe")).to_have_count(0)
    assert third_party_requests == [], "nothing comes from the provider before the click"
    assert axe(page) == []

    tab_to(page, button)
    with page.expect_request(lambda request: request.url.startswith(video.player)):
        page.keyboard.press("Enter")

    frame = page.locator(".embed-frame iframe")
    expect(frame).to_have_attribute("src", re.compile(rf"^{re.escape(video.player)}\?"))
    expect(frame).to_have_attribute("title", video.title)
    expect(frame).to_be_focused()
    expect(placeholder).to_have_count(0)
    player_host = urlsplit(video.player).hostname
    assert third_party_requests, "the player was requested"
    assert {urlsplit(url).hostname for url in third_party_requests} == {player_host}


@pytest.mark.parametrize("video", VIDEOS)
def test_without_javascript_the_video_is_a_link_to_its_page_at_the_provider(
    new_page, site_url, org_a, third_party_requests, video
):
    page = new_page(java_script_enabled=False)
    page.goto(address(site_url, org_a, page_with_video(org_a, video)))

    watch = in_polish("Watch on %(provider)s", provider=video.provider)
    link = page.locator(".embed-placeholder").get_by_role(
        "link", name=re.compile(rf"^{re.escape(watch)}\s*: {re.escape(video.title)}$")
    )
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", video.watch_url)
    expect(load_button(page, video)).to_be_hidden()
    expect(page.locator("iframe")).to_have_count(0)
    assert third_party_requests == []


# How many whole pixels the placeholder or anything in it sticks out sideways: of the
# placeholder's box, of the screen, and the page's own sideways scroll.
OVERFLOW = """(placeholder) => {
    const box = placeholder.getBoundingClientRect();
    const inside = [...placeholder.querySelectorAll("*")].map((el) => el.getBoundingClientRect());
    const page = document.documentElement;
    const pixels = (...amounts) => Math.round(Math.max(0, ...amounts));
    return {
        screen: pixels(box.right - page.clientWidth, -box.left),
        content: pixels(placeholder.scrollWidth - placeholder.clientWidth,
            ...inside.map((r) => Math.max(r.right - box.right, box.left - r.left))),
        page: pixels(page.scrollWidth - page.clientWidth),
    };
}"""


@pytest.mark.parametrize("text_size", ["0", "2"], ids=["normal-text", "largest-text"])
@pytest.mark.parametrize("video", VIDEOS)
def test_placeholder_fits_a_360px_screen(
    new_page, site_url, org_a, third_party_requests, video, text_size
):
    page = new_page(viewport={"width": 360, "height": 740})
    page.goto(address(site_url, org_a, page_with_video(org_a, video)))
    choose_text_size(page, text_size)

    placeholder = page.locator(".embed-placeholder")
    expect(load_button(page, video)).to_be_visible()
    overflow = placeholder.evaluate(OVERFLOW)
    assert overflow == {"screen": 0, "content": 0, "page": 0}
    assert third_party_requests == []

"""Where each photo and logo shows on the public site, it is offered in the widths and the
space of that place (core.images.STYLES), AVIF and WebP first; the first thing on the
screen loads at once, the rest when it is scrolled near; and a list of cards fetches its
photos' renditions in the same number of queries however many photos it shows."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.images import STYLES
from tests.events.helpers import add_event, event_index, in_days
from tests.home.helpers import showcase
from tests.news.helpers import add_article, news_index
from tests.utils import make_image, text_of, visit

pytestmark = pytest.mark.django_db


def pictures(html):
    """{where: what the picture offers} for each <picture> of the page's main content, where
    being the <img>'s class or else its parent's."""
    main = BeautifulSoup(html, "html.parser").main
    found = {}
    for picture in main.find_all("picture"):
        img = picture.img
        where = " ".join(img.get("class") or picture.parent.get("class"))
        found[where] = {
            "sources": [source["type"] for source in picture.find_all("source")],
            "sizes": img.get("sizes"),
            "descriptors": [entry.split()[-1] for entry in img["srcset"].split(", ")],
            "loading": img.get("loading"),
            "fetchpriority": img.get("fetchpriority"),
            "sized": img.has_attr("width") and img.has_attr("height"),
        }
    return found


def offered(style, loading="lazy", fetchpriority=None, descriptors=None):
    return {
        "sources": ["image/avif", "image/webp"],
        "sizes": STYLES[style].sizes or None,
        "descriptors": descriptors,
        "loading": loading,
        "fetchpriority": fetchpriority,
        "sized": True,
    }


def test_every_place_offers_its_own_widths_and_only_the_first_screen_loads_at_once(org_a):
    paths = showcase(org_a)

    found = {kind: pictures(text_of(visit(org_a, path))) for kind, path in paths.items()}

    card = ["480w", "960w"]
    lead = ["480w", "800w", "1200w"]
    assert found == {
        "home": {
            "hero-image": offered("hero", None, "high", ["640w", "960w", "1280w"]),
            "card-image article-card-image": offered("card_featured", descriptors=[*card, "1280w"]),
            "card-image event-card-image": offered("card", descriptors=card),
            "partner-logo": offered("partner_logo", descriptors=["1x", "2x"]),
        },
        "news": {"card-image article-card-image": offered("card", descriptors=card)},
        "article": {"article-hero image-figure": offered("lead", None, descriptors=lead)},
        "events": {"card-image event-card-image": offered("card_schedule", descriptors=card)},
        "event": {"event-hero image-figure": offered("lead", None, descriptors=lead)},
    }


def queries_of(org, path):
    """The number of queries a visit of `path` takes, once its renditions are made."""
    visit(org, path)
    with CaptureQueriesContext(connection) as captured:
        response = visit(org, path)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", ["/pl/", "/pl/aktualnosci/"])
def test_a_list_of_articles_each_with_its_own_photo_costs_the_same_queries_for_more_photos(
    org_a, path
):
    news = news_index(org_a)

    def add_articles(numbers):
        for number in numbers:
            add_article(
                news,
                f"Artykuł {number}",
                datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
                hero_image=make_image(org_a, f"Zdjęcie {number}"),
                hero_alt_text="Uczestnicy forum",
            )

    add_articles(range(2))
    with_two = queries_of(org_a, path)
    add_articles(range(2, 5))
    with_five = queries_of(org_a, path)

    assert with_five == with_two


@pytest.mark.parametrize("path", ["/pl/", "/pl/wydarzenia/"])
def test_a_list_of_events_each_with_its_own_photo_costs_the_same_queries_for_more_photos(
    org_a, path
):
    events = event_index(org_a)

    def add_events(numbers):
        for number in numbers:
            add_event(
                events,
                f"Wydarzenie {number}",
                in_days(number + 1),
                hero_image=make_image(org_a, f"Zdjęcie {number}"),
                hero_alt_text="Uczestnicy",
            )

    add_events(range(2))
    with_two = queries_of(org_a, path)
    add_events(range(2, 4))
    with_four = queries_of(org_a, path)

    assert with_four == with_two


def test_an_event_the_home_page_features_shows_its_photo_as_large_as_the_featured_card(org_a):
    paths = showcase(org_a)
    home = org_a.site.root_page.specific
    home.featured_page = event_index(org_a).get_children().get(title="Porozmawiajmy o integracji")
    home.save_revision().publish()

    found = pictures(text_of(visit(org_a, paths["home"])))

    assert found["card-image event-card-image"] == offered(
        "card_featured", descriptors=["480w", "960w", "1280w"]
    )

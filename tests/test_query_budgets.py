"""Every public page type takes the number of SQL queries tests/query_budgets.py gives it,
uncached (the page cache off), whatever it shows: the same with 2 and with 12 articles,
events, body blocks, partners, translations and menu items.

"Warm" is a page asked for the second time (Django's and Wagtail's caches filled by the
first); "cold" is the first request after the cache was emptied (renditions already made)."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from config.settings.test import SEARCH_INDEX_ON
from events.models import EventIndexPage
from news.models import NewsIndexPage
from partners.models import PartnersPage
from tests.events.helpers import add_event, in_days, translate_event
from tests.news.helpers import add_article, make_category, translate_article
from tests.partners.helpers import make_logo, make_partner, translate_partner
from tests.query_budgets import BUDGETS, COLD
from tests.utils import (
    add_child_page,
    add_content_page,
    listing_page,
    make_image,
    translate_page,
    visit,
)

pytestmark = pytest.mark.django_db

SIZES = [2, 12]


@dataclass
class Site:
    """The addresses of each page type, in Polish and Ukrainian, and a text each must show
    (the last item of its size: all of them were shown)."""

    paths: dict = field(default_factory=dict)
    shows: dict = field(default_factory=dict)


def body_blocks(size, photo, pages, partners):
    """Twice `size` blocks of the kinds that look things up: links in rich text, images,
    buttons to pages, partner strips (each kind at either size)."""
    kinds = [
        lambda n: {
            "type": "rich_text",
            "value": f'<p>Zob. <a linktype="page" id="{pages[n % len(pages)].pk}">stronę</a>.</p>',
        },
        lambda n: {
            "type": "image",
            "value": {"image": photo.pk, "alt_text": f"Zdjęcie {n}", "decorative": False},
        },
        lambda n: {
            "type": "call_to_action",
            "value": {"text": f"Przycisk {n}", "page": pages[n % len(pages)].pk},
        },
        lambda n: {
            "type": "partner_strip",
            "value": {
                "role": "partners",
                "custom_heading": "",
                "partners": [partners[n % len(partners)].pk],
                "show_details": False,
            },
        },
    ]
    return [kinds[n % len(kinds)](n) for n in range(2 * size)]


def build(org, size):
    """The organization's site with `size` of everything, some of it in Ukrainian."""
    photo = make_image(org)
    menu = [add_content_page(org, f"Strona {n}", slug=f"strona-{n}") for n in range(size)]
    for page in menu[::-2]:
        translate_page(page, "uk", title=f"Сторінка {page.title}")

    news = listing_page(NewsIndexPage, org)
    category = make_category(org, "Forum", slug="forum")
    articles = []
    for n in range(size):
        articles.append(
            add_article(
                news,
                f"Aktualność {n}",
                datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                category=category,
                intro="Forum współpracy organizacji.",
                tags=["forum"],
                hero_image=photo,
                hero_alt_text="Zdjęcie",
                related=articles[:],
            )
        )
    for article in articles[::-2]:
        translate_article(article, "uk", title=f"Новина {article.title}")

    events = listing_page(EventIndexPage, org)
    happenings = [
        add_event(
            events,
            f"Wydarzenie {n}",
            in_days(n + 1),
            hero_image=photo,
            hero_alt_text="Uczestnicy",
            languages=["pl", "uk"],
        )
        for n in range(size)
    ]
    for event in happenings[::-2]:
        translate_event(event, "uk", title=f"Подія {event.title}")

    partners = [
        make_partner(
            org,
            f"Partner {n}",
            logo=make_logo(org, f"Logo {n}") if n % 2 else None,
            website=f"https://partner{n}.example.org/",
        )
        for n in range(size)
    ]
    for partner in partners[::-2]:
        translate_partner(partner, "uk", name=f"Партнер {partner.name}")
    strip = {
        "role": "partners",
        "custom_heading": "",
        "partners": [partner.pk for partner in partners],
        "show_details": True,
    }
    partners_page = add_child_page(
        org.site.root_page,
        PartnersPage(
            title="Partnerzy",
            slug="partnerzy",
            show_in_menus=False,
            strips=[{"type": "partner_strip", "value": strip}],
        ),
    )

    blocks = add_content_page(
        org,
        "Z blokami",
        slug="z-blokami",
        show_in_menus=False,
        intro="Strona z blokami.",
        body=body_blocks(size, photo, menu, partners),
    )

    last = size - 1
    site = Site()
    pages = {
        "home": org.site.root_page,
        "content": blocks,
        "article": articles[-1],
        "news_index": news,
        "event": happenings[0],
        "event_index": events,
        "partners": partners_page,
    }
    ukrainian = Locale.objects.get(language_code="uk")
    for kind, page in pages.items():
        translated = page.get_translation_or_none(ukrainian) or translate_page(page, "uk")
        site.paths[kind] = [page.url, translated.url]
    site.paths["search"] = ["/pl/szukaj/?q=strona", "/uk/poshuk/?q=strona"]
    site.paths["feed"] = [f"{path}feed/rss/" for path in site.paths["news_index"]]
    site.paths["calendar"] = [f"{path}ics/" for path in site.paths["event_index"]]
    site.paths["sitemap"] = ["/sitemap.xml"]

    site.shows = {
        "home": f"Strona {last}",
        "content": f"Zdjęcie {max(n for n in range(2 * size) if n % 4 == 1)}",
        "article": f"Aktualność {last}",
        "news_index": f"Aktualność {last}",
        "event": f"Strona {last}",
        "event_index": "Wydarzenie 0",
        "partners": f"Partner {last}",
        "search": f"Strona {last}",
        "feed": f"Aktualność {last}",
        "calendar": f"Wydarzenie {last}",
        "sitemap": f"strona-{last}/",
    }
    return site


def queries(org, path):
    with CaptureQueriesContext(connection) as captured:
        response = visit(org, path)
    assert response.status_code == 200, path
    return len(captured.captured_queries)


def cold_queries(org, path):
    """The queries of the first request after every cache was emptied (the page was seen
    once before: the renditions of its images are made on its first view ever)."""
    visit(org, path)
    cache.clear()
    ContentType.objects.clear_cache()
    return queries(org, path)


@pytest.fixture
def built(request, org_a, settings):
    settings.WAGTAILSEARCH_BACKENDS = SEARCH_INDEX_ON
    return build(org_a, request.param)


@pytest.mark.parametrize("built", SIZES, indirect=True)
def test_every_public_page_takes_its_budget_of_queries_whatever_it_shows(
    org_a, built, django_assert_num_queries
):
    warm, cold = {}, {}
    for kind, paths in built.paths.items():
        for path in paths:
            cold.setdefault(kind, []).append(cold_queries(org_a, path))
            warm.setdefault(kind, []).append(queries(org_a, path))

    # The whole table at once, to read when a number changes.
    assert {kind: tuple(counts) for kind, counts in warm.items()} == BUDGETS
    assert {kind: tuple(counts) for kind, counts in cold.items()} == COLD
    for kind, paths in built.paths.items():
        for path, budget in zip(paths, BUDGETS[kind], strict=True):
            visit(org_a, path)
            with django_assert_num_queries(budget):
                response = visit(org_a, path)
            if path == paths[0]:
                assert built.shows[kind] in response.content.decode(), kind

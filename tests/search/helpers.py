"""The small site the search tests search: pages of Fundacja Alfa in Polish, Ukrainian and
English (news, events, pages), and a page of Stowarzyszenie Beta that Alfa's visitors must
never find. Real sentences of the kind these organizations publish."""

import datetime
from dataclasses import dataclass

from django.test import Client
from wagtail.rich_text import RichText

from events.models import EventIndexPage, EventPage
from news.models import ArticlePage, NewsIndexPage
from search.models import SearchPromotion
from tests.utils import add_child_page, add_content_page, listing_page, translate_page

SEARCH_ADDRESS = {"pl": "/pl/szukaj/", "uk": "/uk/poshuk/", "en": "/en/search/"}

FUTURE = datetime.datetime(2099, 12, 14, 9, 30, tzinfo=datetime.UTC)
PAST = datetime.datetime(2023, 12, 14, 9, 30, tzinfo=datetime.UTC)


def search(org, language, query, **params):
    """A visitor's search on the organization's own site, in `language`."""
    return Client().get(
        SEARCH_ADDRESS[language], {"q": query, **params}, HTTP_HOST=org.site.hostname
    )


def found(response):
    """The titles of the results: in the visitor's language, then in the others."""
    return [result.page.title for result in response.context["results"]]


def found_here(response):
    return [result.page.title for result in response.context["results_here"]]


def found_elsewhere(response):
    return [result.page.title for result in response.context["results_elsewhere"]]


def home(org, language):
    return org.root_pages().get(locale__language_code=language)


def rich_text(html):
    return [("rich_text", RichText(html))]


@dataclass
class SearchSite:
    integration: object
    fundraising: object
    soldiers: object
    volunteering: object
    forum: object
    integration_uk: object
    refugees_uk: object
    integration_en: object
    workshops_en: object
    beta: object


def build_search_site(alfa, beta):
    """Alfa's pages in three languages and Beta's look-alike; committed by the caller."""
    news = listing_page(NewsIndexPage, alfa)
    events = listing_page(EventIndexPage, alfa)
    integration = add_content_page(
        alfa,
        "Porozmawiajmy o integracji",
        slug="porozmawiajmy",
        intro="Spotkanie organizacji pozarządowych o integracji migrantów w Toruniu.",
        body=rich_text(
            "<p>Mowa tu o problemach wynikających z braku polityk integracyjnych na "
            "poziomie krajowym.</p>"
        ),
    )
    fundraising = add_child_page(
        news,
        ArticlePage(
            title="Szkolenie z fundraisingu dla NGO",
            date=datetime.date(2024, 3, 1),
            intro="Jak pozyskiwać środki na działania pomocowe i edukacyjne.",
        ),
    )
    soldiers = add_child_page(
        events,
        EventPage(
            title="Warsztaty dla żołnierzy i ich rodzin",
            start=FUTURE,
            end=FUTURE + datetime.timedelta(hours=6),
            intro="Zajęcia w kawiarni społecznej PERS przy ul. Mostowej 6 w Toruniu.",
        ),
    )
    volunteering = add_content_page(
        alfa,
        "Wolontariat w fundacji",
        slug="wolontariat",
        intro="Zostań wolontariuszem i pomagaj uchodźcom z Ukrainy.",
    )
    forum = add_child_page(
        events,
        EventPage(
            title="Forum integracji 2023",
            start=PAST,
            end=PAST + datetime.timedelta(hours=6),
            intro="Podsumowanie roku pracy z osobami z doświadczeniem migracji.",
        ),
    )
    integration_uk = translate_page(
        integration,
        "uk",
        title="Поговорімо про інтеграцію",
        intro="Зустріч громадських організацій щодо інтеграції мігрантів у Торуні.",
        body=rich_text("<p>Бракує державної політики інтеграції.</p>"),
    )
    refugees_uk = add_content_page(
        alfa,
        "Допомога біженцям",
        slug="dopomoha",
        parent=home(alfa, "uk"),
        intro="Консультації для біженців з України щодо легалізації перебування.",
    )
    integration_en = translate_page(
        integration,
        "en",
        title="Let's talk about integration",
        intro="A meeting of non-governmental organizations about integrating migrants in Toruń.",
        body=rich_text("<p>There are no national integration policies.</p>"),
    )
    workshops_en = add_content_page(
        alfa,
        "Volunteering workshops",
        slug="volunteering",
        parent=home(alfa, "en"),
        intro="Workshops for volunteers who help refugees.",
    )
    beta_page = add_content_page(
        beta,
        "Integracja migrantów w Bydgoszczy",
        slug="integracja",
        intro="Spotkanie o integracji, fundraisingu i wolontariacie w Bydgoszczy.",
    )
    translate_page(beta_page, "uk", title="Інтеграція мігрантів у Бидгощі")
    return SearchSite(
        integration,
        fundraising,
        soldiers,
        volunteering,
        forum,
        integration_uk,
        refugees_uk,
        integration_en,
        workshops_en,
        beta_page,
    )


PROMOTIONS_ADDRESS = "/admin/snippets/search/searchpromotion/"
SEARCH_TERMS_ADDRESS = "/admin/reports/search-terms/"


def recommended(response):
    """The titles of the promoted results, in their order."""
    return [result.page.title for result in response.context["recommended"]]


def promote(org, query, page, sort_order=1):
    """A promotion as an editor of `org` saves it (query already in words_of's form)."""
    return SearchPromotion.objects.create(
        site=org.site, query=query, page=page, sort_order=sort_order
    )


def promotion_form(page, query="pomoc prawna", **fields):
    """What the admin's form for a promoted result posts."""
    return {"query": query, "page": page.pk, "sort_order": 1, **fields}


def refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response.url == "/admin/"
    )


def body(response):
    """The text of a response, streamed (a download) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()

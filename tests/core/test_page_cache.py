"""The page cache (core.page_cache): an anonymous visitor's second visit is served whole,
without a query; whatever the page shows, changed, is shown at the next visit; nothing
personal is ever kept."""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from core.page_cache import FastPath
from events.models import EventIndexPage
from news.models import NewsIndexPage
from search.models import SearchTermDay
from tests.events.helpers import add_event, in_days, register
from tests.home.helpers import make_notice
from tests.news.helpers import add_article, make_category
from tests.partners.helpers import make_partner, strip
from tests.utils import (
    add_content_page,
    listing_page,
    make_image,
    make_staff,
    text_of,
    translate_page,
)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def get(org, path, client=None):
    return (client or Client()).get(path, HTTP_HOST=org.site.hostname)


def cached(org, path):
    """The page as a visitor sees it after it was stored: a second visit that was a hit."""
    get(org, path)
    response = get(org, path)
    assert response["X-Page-Cache"] == "hit", path
    return text_of(response)


def test_a_second_visit_is_served_without_a_query(org_a, django_assert_num_queries):
    add_content_page(org_a, "Misja", slug="misja", intro="Pomagamy od 2015 roku.")

    first = get(org_a, "/pl/misja/")
    with django_assert_num_queries(0):
        second = get(org_a, "/pl/misja/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Pomagamy od 2015 roku." in text_of(second)


def test_pages_are_kept_per_host_path_and_query(org_a, org_b):
    add_content_page(org_a, "Misja", slug="misja", intro="Alfa pomaga.")
    add_content_page(org_b, "Misja", slug="misja", intro="Beta pomaga.")

    assert "Alfa pomaga." in cached(org_a, "/pl/misja/")
    assert "Beta pomaga." in cached(org_b, "/pl/misja/")
    assert get(org_a, "/pl/misja/?a=1")["X-Page-Cache"] == "miss"


def test_publishing_a_page_shows_the_change_and_keeps_the_other_organizations_pages(org_a, org_b):
    page = add_content_page(org_a, "Misja", slug="misja", intro="Stary opis.")
    add_content_page(org_b, "Misja", slug="misja", intro="Beta pomaga.")
    cached(org_a, "/pl/misja/")
    cached(org_b, "/pl/misja/")

    page.intro = "Nowy opis."
    page.save_revision().publish()

    response = get(org_a, "/pl/misja/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nowy opis." in text_of(response)
    assert get(org_b, "/pl/misja/")["X-Page-Cache"] == "hit"


def test_unpublishing_a_page_takes_it_off_the_menu_of_every_page(org_a):
    page = add_content_page(org_a, "Kontakt z nami", slug="kontakt-z-nami")
    add_content_page(org_a, "Misja", slug="misja")
    assert "Kontakt z nami" in cached(org_a, "/pl/misja/")

    page.unpublish()

    assert "Kontakt z nami" not in text_of(get(org_a, "/pl/misja/"))
    assert get(org_a, "/pl/kontakt-z-nami/").status_code == 404


def test_a_new_menu_page_appears_in_the_menu_of_a_cached_page(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    assert "Dla mediów" not in cached(org_a, "/pl/misja/")

    add_content_page(org_a, "Dla mediów", slug="dla-mediow", show_in_menus=True)

    assert "Dla mediów" in text_of(get(org_a, "/pl/misja/"))


def test_publishing_a_translation_shows_it(org_a):
    page = add_content_page(org_a, "Misja", slug="misja")
    translated = translate_page(page, "uk", title="Про нас", slug="misiia", intro="Старий.")
    assert "Старий." in cached(org_a, "/uk/misiia/")

    translated.intro = "Новий."
    translated.save_revision().publish()

    assert "Новий." in text_of(get(org_a, "/uk/misiia/"))


def test_a_partner_changed_is_shown_on_the_pages_with_its_strip(org_a):
    partner = make_partner(org_a, "Urząd Miasta")
    add_content_page(org_a, "Projekt", slug="projekt", body=[("partner_strip", strip(partner))])
    assert "Urząd Miasta" in cached(org_a, "/pl/projekt/")

    partner.name = "Urząd Miasta Torunia"
    partner.save()

    assert "Urząd Miasta Torunia" in text_of(get(org_a, "/pl/projekt/"))


def test_a_funding_notice_changed_is_shown(org_a):
    notice = make_notice(org_a, name="FAMI")
    add_content_page(
        org_a, "Projekt", slug="projekt", body=[("funding_notice", {"notice": notice})]
    )
    assert "Unii Europejskiej" in cached(org_a, "/pl/projekt/")

    notice.disclaimer = "<p>Projekt finansowany przez Fundusz Azylu.</p>"
    notice.save()

    assert "Fundusz Azylu" in text_of(get(org_a, "/pl/projekt/"))


def test_a_category_renamed_is_shown_in_the_news_list(org_a):
    category = make_category(org_a, "Wydarzenia lokalne", slug="lokalne")
    add_article(listing_page(NewsIndexPage, org_a), "Forum", "2026-11-02", category=category)
    path = listing_page(NewsIndexPage, org_a).url_path.split("/", 2)[2]
    news = f"/pl/{path}"
    assert "Wydarzenia lokalne" in cached(org_a, news)

    category.name = "Z regionu"
    category.save()

    assert "Z regionu" in text_of(get(org_a, news))


def test_the_organizations_settings_changed_are_shown(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    assert "Nowa stopka." not in cached(org_a, "/pl/misja/")

    org_a.footer_text = "Nowa stopka."
    org_a.save()

    assert "Nowa stopka." in text_of(get(org_a, "/pl/misja/"))


def test_a_registration_updates_the_places_left_in_the_event_list(org_a):
    index = listing_page(EventIndexPage, org_a)
    event = add_event(index, "Warsztaty", in_days(7), registration_mode="form", capacity=2)
    events = "/pl/" + index.url_path.split("/", 2)[2]
    cached(org_a, events)

    register(event, "Anna", "anna@example.org")

    assert get(org_a, events)["X-Page-Cache"] == "miss"


def test_an_image_changed_shows_on_every_site(org_a, org_b):
    add_content_page(org_a, "Misja", slug="misja")
    add_content_page(org_b, "Misja", slug="misja")
    cached(org_a, "/pl/misja/")
    cached(org_b, "/pl/misja/")

    make_image(org_a)

    assert get(org_a, "/pl/misja/")["X-Page-Cache"] == "miss"
    assert get(org_b, "/pl/misja/")["X-Page-Cache"] == "miss"


# Never kept


def test_logged_in_staff_get_fresh_pages_and_leave_nothing_behind(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    editor = Client()
    editor.force_login(make_staff(org_a, "editors"))

    assert "X-Page-Cache" not in get(org_a, "/pl/misja/", editor)
    assert "X-Page-Cache" not in get(org_a, "/pl/misja/", editor)
    assert get(org_a, "/pl/misja/")["X-Page-Cache"] == "miss"


def test_a_page_with_a_form_a_visitor_posts_is_never_kept(org_a):
    event = add_event(
        listing_page(EventIndexPage, org_a), "Warsztaty", in_days(7), registration_mode="form"
    )
    path = "/pl/" + event.url_path.split("/", 2)[2]

    first, second = get(org_a, path), get(org_a, path)

    assert first.status_code == second.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in text_of(second)
    assert "X-Page-Cache" not in second


def test_search_results_are_never_kept(org_a):
    add_content_page(org_a, "Integracja", slug="integracja")

    get(org_a, "/pl/szukaj/?q=integracja")
    second = get(org_a, "/pl/szukaj/?q=integracja")

    assert "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]


def test_a_new_search_leaves_the_stored_pages_of_the_organization(org_a):
    add_content_page(org_a, "Integracja", slug="integracja")
    cached(org_a, "/pl/integracja/")

    get(org_a, "/pl/szukaj/?q=integracja")
    get(org_a, "/pl/szukaj/?q=cudzoziemcy")

    assert SearchTermDay.objects.filter(site=org_a.site).count() == 2
    assert get(org_a, "/pl/integracja/")["X-Page-Cache"] == "hit"


def test_a_visitor_with_a_session_gets_a_fresh_page(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    cached(org_a, "/pl/misja/")
    visitor = Client()
    visitor.cookies["sessionid"] = "abc"

    assert "X-Page-Cache" not in get(org_a, "/pl/misja/", visitor)


def test_errors_redirects_and_posts_are_never_kept(org_a):
    get(org_a, "/pl/nie-ma/")
    assert "X-Page-Cache" not in get(org_a, "/pl/nie-ma/")
    assert get(org_a, "/").status_code == 302
    assert "X-Page-Cache" not in get(org_a, "/")
    add_content_page(org_a, "Misja", slug="misja")
    cached(org_a, "/pl/misja/")
    posted = Client().post("/pl/misja/", HTTP_HOST=org_a.site.hostname)
    assert "X-Page-Cache" not in posted


def test_the_page_cache_is_off_at_zero_seconds(org_a, settings):
    settings.PAGE_CACHE_SECONDS = 0
    add_content_page(org_a, "Misja", slug="misja")

    get(org_a, "/pl/misja/")

    assert "X-Page-Cache" not in get(org_a, "/pl/misja/")


# Compressed: public pages only (BREACH)


def test_a_browser_that_accepts_gzip_gets_the_page_compressed_first_and_second_time(org_a):
    add_content_page(org_a, "Misja", slug="misja", intro="Pomagamy od 2015 roku.")
    browser = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}

    first = Client().get("/pl/misja/", HTTP_HOST=org_a.site.hostname, **browser)
    second = Client().get("/pl/misja/", HTTP_HOST=org_a.site.hostname, **browser)

    for response in (first, second):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content)
        assert "Pomagamy od 2015 roku." in gzip.decompress(response.content).decode()
    assert second["X-Page-Cache"] == "hit"
    assert gzip.decompress(second.content) == get(org_a, "/pl/misja/").content


def test_public_pages_are_compressed_with_the_page_cache_off(org_a, settings):
    settings.PAGE_CACHE_SECONDS = 0
    add_content_page(org_a, "Misja", slug="misja")

    response = Client().get(
        "/pl/misja/", HTTP_HOST=org_a.site.hostname, HTTP_ACCEPT_ENCODING="gzip"
    )

    assert response["Content-Encoding"] == "gzip"
    assert "X-Page-Cache" not in response


def test_a_page_with_a_csrf_token_or_for_logged_in_staff_is_never_compressed(org_a):
    event = add_event(
        listing_page(EventIndexPage, org_a), "Warsztaty", in_days(7), registration_mode="form"
    )
    add_content_page(org_a, "Misja", slug="misja")
    editor = Client()
    editor.force_login(make_staff(org_a, "editors"))

    form = Client().get(
        "/pl/" + event.url_path.split("/", 2)[2],
        HTTP_HOST=org_a.site.hostname,
        HTTP_ACCEPT_ENCODING="gzip",
    )
    staff = editor.get("/pl/misja/", HTTP_HOST=org_a.site.hostname, HTTP_ACCEPT_ENCODING="gzip")

    assert 'name="csrfmiddlewaretoken"' in text_of(form)
    assert not form.has_header("Content-Encoding")
    assert not staff.has_header("Content-Encoding")


# The fast path: stored pages served by the WSGI application before Django (config/wsgi.py)


class Django:
    """Stands for the Django application behind the fast path: records what reached it."""

    def __init__(self):
        self.reached = []

    def __call__(self, environ, start_response):
        self.reached.append(environ["PATH_INFO"])
        start_response("204 No Content", [])
        return [b""]


def fast(org, path, **environ):
    """(status, headers, body, what reached Django) of a GET through the fast path."""
    django = Django()
    request = RequestFactory().get(path, HTTP_HOST=org.site.hostname, **environ)
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    body = b"".join(FastPath(django)(request.environ, start_response))
    return started["status"], started["headers"], body, django.reached


def test_the_fast_path_serves_a_stored_page_without_django_or_a_query(
    org_a, django_assert_num_queries
):
    add_content_page(org_a, "Misja", slug="misja", intro="Pomagamy od 2015 roku.")
    stored = get(org_a, "/pl/misja/")

    with django_assert_num_queries(0):
        status, headers, body, reached = fast(org_a, "/pl/misja/")

    assert reached == []
    assert status == "200 OK"
    assert headers["X-Page-Cache"] == "hit"
    assert body == stored.content
    assert headers["Content-Type"] == stored["Content-Type"]
    assert headers["X-Frame-Options"] == "DENY"
    compressed = fast(org_a, "/pl/misja/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed[1]["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed[2]) == stored.content


def test_the_fast_path_leaves_to_django_what_is_not_stored(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    add_content_page(org_a, "Integracja", slug="integracja")
    event = add_event(
        listing_page(EventIndexPage, org_a), "Warsztaty", in_days(7), registration_mode="form"
    )
    event_path = "/pl/" + event.url_path.split("/", 2)[2]
    for path in ("/pl/szukaj/?q=integracja", event_path):
        get(org_a, path)
        get(org_a, path)

    assert fast(org_a, "/pl/misja/")[3] == ["/pl/misja/"]  # never visited: not stored
    assert fast(org_a, "/pl/szukaj/", QUERY_STRING="q=integracja")[3] == ["/pl/szukaj/"]
    assert fast(org_a, event_path)[3] == [event_path]
    assert fast(org_a, "/static/css/site.css")[3] == ["/static/css/site.css"]


def test_the_fast_path_never_serves_a_visitor_with_a_session_or_logged_in_staff(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    cached(org_a, "/pl/misja/")
    editor = Client()
    editor.force_login(make_staff(org_a, "editors"))
    session = editor.cookies["sessionid"].value

    assert fast(org_a, "/pl/misja/", HTTP_COOKIE=f"sessionid={session}")[3] == ["/pl/misja/"]
    assert fast(org_a, "/pl/misja/", HTTP_COOKIE="messages=abc")[3] == ["/pl/misja/"]
    assert fast(org_a, "/pl/misja/", HTTP_AUTHORIZATION="Basic YTpi")[3] == ["/pl/misja/"]
    assert fast(org_a, "/pl/misja/")[3] == []


def test_the_fast_path_keeps_pages_apart_by_scheme_and_serves_only_gets(org_a):
    add_content_page(org_a, "Misja", slug="misja")
    cached(org_a, "/pl/misja/")

    assert fast(org_a, "/pl/misja/", **{"wsgi.url_scheme": "https"})[3] == ["/pl/misja/"]
    django = Django()
    request = RequestFactory().head("/pl/misja/", HTTP_HOST=org_a.site.hostname)
    FastPath(django)(request.environ, lambda status, headers: None)
    assert django.reached == ["/pl/misja/"]


def test_a_publish_reaches_the_fast_path(org_a):
    page = add_content_page(org_a, "Misja", slug="misja", intro="Stary opis.")
    cached(org_a, "/pl/misja/")
    assert b"Stary opis." in fast(org_a, "/pl/misja/")[2]

    page.intro = "Nowy opis."
    page.save_revision().publish()

    assert fast(org_a, "/pl/misja/")[3] == ["/pl/misja/"]
    assert "Nowy opis." in cached(org_a, "/pl/misja/")
    assert b"Nowy opis." in fast(org_a, "/pl/misja/")[2]


def test_the_fast_path_is_off_with_the_page_cache(org_a, settings):
    add_content_page(org_a, "Misja", slug="misja")
    cached(org_a, "/pl/misja/")
    settings.PAGE_CACHE_SECONDS = 0

    assert fast(org_a, "/pl/misja/")[3] == ["/pl/misja/"]


# A cache in front (Varnish): purged by the same publishing, through
# wagtail.contrib.frontend_cache, here against a real HTTP server on loopback.


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_from_a_cache_in_front(org_a, front_cache):
    page = add_content_page(org_a, "Misja", slug="misja")
    front_cache.clear()

    page.intro = "Nowy opis."
    page.save_revision().publish()

    assert ("alfa.localhost", "/pl/misja/") in front_cache

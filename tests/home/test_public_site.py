"""What a visitor gets from an organization's site: its look, menu, languages, errors."""

import pytest
from django.test import Client

from home.models import ContentPage, HomePage
from tests.utils import add_content_page, text_of, visit

pytestmark = pytest.mark.django_db


def test_each_hostname_serves_its_own_organization(org_a, org_b, page_a, page_b):
    org_a.primary_colour = "#2f5d3a"
    org_a.save()

    alfa = text_of(visit(org_a, "/pl/"))
    beta = text_of(visit(org_b, "/pl/"))

    assert "Fundacja Alfa" in alfa
    assert "Stowarzyszenie Beta" not in alfa
    assert "--color-primary:#2f5d3a;" in alfa
    assert 'href="/pl/o-fundacji/"' in alfa
    assert "Kim jesteśmy" not in alfa

    assert "Stowarzyszenie Beta" in beta
    assert "Fundacja Alfa" not in beta
    assert 'href="/pl/kim-jestesmy/"' in beta


def test_root_redirects_to_the_best_of_the_organizations_languages(org_a, org_b):
    assert visit(org_a, "/", HTTP_ACCEPT_LANGUAGE="uk-UA,uk;q=0.9,en;q=0.5")["Location"] == "/uk/"
    assert visit(org_a, "/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    # Beta does not publish in English: the visitor's next choice, else Polish.
    assert visit(org_b, "/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/pl/"
    assert visit(org_b, "/", HTTP_ACCEPT_LANGUAGE="en,uk;q=0.8")["Location"] == "/uk/"
    assert visit(org_a, "/")["Location"] == "/pl/"
    assert "Accept-Language" in visit(org_a, "/")["Vary"]


def test_a_language_the_organization_does_not_publish_redirects(org_b):
    response = visit(org_b, "/en/kim-jestesmy/?x=1", HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 302
    assert response["Location"] == "/uk/kim-jestesmy/?x=1"


def test_language_switcher_lists_only_the_organizations_languages(org_b, page_b):
    html = text_of(visit(org_b, "/pl/kim-jestesmy/"))
    assert 'hreflang="pl"' in html
    assert 'hreflang="uk"' in html
    assert 'hreflang="en"' not in html


def test_interface_follows_the_language_in_the_url(org_a):
    polish = text_of(visit(org_a, "/pl/"))
    ukrainian = text_of(visit(org_a, "/uk/"))
    english = text_of(visit(org_a, "/en/"))
    assert '<html lang="pl"' in polish
    assert "Przejdź do treści" in polish
    assert '<html lang="uk"' in ukrainian
    assert "Перейти до основного вмісту" in ukrainian
    assert '<html lang="en"' in english
    assert "Skip to main content" in english


def test_untranslated_page_falls_back_to_polish_with_a_notice(org_a, page_a):
    response = visit(org_a, "/uk/o-fundacji/")
    html = text_of(response)
    assert response.status_code == 200
    assert "O fundacji" in html
    assert 'lang="pl"' in html  # the content is marked as Polish for screen readers
    assert "ще не перекладена" in html  # the notice, in the visitor's language


def test_translated_page_is_served_in_its_language_without_notice(
    org_a, page_a, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    ukrainian = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        translated = page_a.copy_for_translation(ukrainian)
        translated.title = "Про нас"
        translated.save_revision().publish()

    # The translation has a slug of its own ("pro-nas" is the standard page's); the
    # Polish one in /uk/ leads to it.
    assert translated.slug == "pro-nas-1"
    old_address = visit(org_a, "/uk/o-fundacji/")
    assert old_address.status_code == 301
    assert old_address["Location"] == "/uk/pro-nas-1/"
    html = text_of(visit(org_a, "/uk/pro-nas-1/"))
    assert "Про нас" in html
    assert "ще не перекладена" not in html


def test_every_page_has_skip_link_header_navigation_breadcrumbs_and_footer(org_a, page_a):
    org_a.contact_email = "kontakt@alfa.example"
    org_a.phone = "+48 56 123 45 67"
    org_a.facebook_url = "https://www.facebook.com/alfa"
    org_a.telegram_url = "https://t.me/alfa"
    org_a.privacy_policy_page = add_content_page(
        org_a, "Polityka prywatności", slug="prywatnosc", show_in_menus=False
    )
    org_a.footer_text = "Działamy od 2015 roku."
    org_a.save()
    child = add_content_page(org_a, "Zespół", slug="zespol", parent=page_a)

    html = text_of(visit(org_a, "/pl/o-fundacji/zespol/"))

    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert 'id="main"' in html
    assert 'aria-label="Okruszki"' in html or 'aria-label="Ścieżka nawigacji"' in html
    breadcrumbs = html[html.index("breadcrumbs") :]
    assert breadcrumbs.index("O fundacji") < breadcrumbs.index(child.title)
    assert "kontakt@alfa.example" in html
    assert 'href="tel:+48561234567"' in html
    assert "https://www.facebook.com/alfa" in html
    assert "https://t.me/alfa" in html
    assert 'href="/pl/prywatnosc/"' in html
    assert "Działamy od 2015 roku." in html
    assert 'data-text-size="1"' in html


def test_menu_shows_only_live_menu_pages_of_the_current_language(org_a, page_a):
    add_content_page(org_a, "Szkic", publish=False)
    add_content_page(org_a, "Ukryta", show_in_menus=False)
    html = text_of(visit(org_a, "/pl/"))
    menu = html[html.index('class="menu-list"') : html.index("</nav>", html.index("menu-list"))]
    assert "O fundacji" in menu
    assert "Szkic" not in menu
    assert "Ukryta" not in menu


def test_404_is_in_the_organizations_look_and_the_visitors_language(org_a):
    org_a.primary_colour = "#2f5d3a"
    org_a.save()
    response = visit(org_a, "/uk/nie-ma-takiej-strony/")
    html = text_of(response)
    assert response.status_code == 404
    assert "Fundacja Alfa" in html
    assert "--color-primary:#2f5d3a;" in html
    assert '<html lang="uk"' in html
    assert "Сторінку не знайдено" in html


def test_500_page_renders_without_the_database(org_a, django_assert_num_queries, rf):
    from django.utils import translation

    from home.views import server_error
    from organizations.branding import store_branding

    org_a.primary_colour = "#2f5d3a"
    org_a.save()
    store_branding(org_a)
    request = rf.get("/uk/", HTTP_HOST="alfa.localhost")
    with translation.override("uk"), django_assert_num_queries(0):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Fundacja Alfa" in html
    assert "--color-primary:#2f5d3a;" in html
    assert '<html lang="uk"' in html
    assert "Щось пішло не так" in html


def test_500_page_without_cached_branding_still_renders(rf):
    from django.core.cache import cache

    from home.views import server_error

    cache.clear()
    response = server_error(rf.get("/pl/", HTTP_HOST="unknown.localhost"))
    assert response.status_code == 500
    assert "<h1>" in response.content.decode()


def test_a_broken_page_gives_the_500_page_not_a_stack_trace(org_a, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/pl/", HTTP_HOST="alfa.localhost")
    assert response.status_code == 500
    assert "secret internals" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize("path", ["/pl/", "/pl/o-fundacji/", "/uk/o-fundacji/"])
def test_page_views_run_a_fixed_number_of_queries(
    org_a, page_a, path, django_assert_max_num_queries
):
    for index in range(5):
        add_content_page(org_a, f"Strona {index}")
    visit(org_a, path)  # warm per-process caches (content types, locales)
    # /uk/o-fundacji/ falls back to Polish after looking among the Ukrainian home page's
    # children (its news index); every page looks up the news feeds for <head> and the
    # published privacy policy for the footer, and what a translation left untranslated.
    with django_assert_max_num_queries(20):
        response = visit(org_a, path)
    assert response.status_code == 200


def test_query_count_does_not_grow_with_menu_size(org_a, page_a, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    visit(org_a, "/pl/o-fundacji/")
    with CaptureQueriesContext(connection) as few:
        visit(org_a, "/pl/o-fundacji/")
    for index in range(10):
        add_content_page(org_a, f"Strona {index}")
    with CaptureQueriesContext(connection) as many:
        visit(org_a, "/pl/o-fundacji/")
    assert len(many) == len(few)


def test_content_page_cannot_be_created_at_the_top_of_the_tree():
    assert ContentPage.parent_page_types == ["home.HomePage", "home.ContentPage"]
    assert HomePage.parent_page_types == ["wagtailcore.Page"]


def test_titles_name_the_page_and_the_organization_once(org_a, page_a):
    assert "<title>Fundacja Alfa</title>" in text_of(visit(org_a, "/pl/"))
    assert "<title>O fundacji – Fundacja Alfa</title>" in text_of(visit(org_a, "/pl/o-fundacji/"))

"""An organization's home page as a visitor first sees it: the photo beside the name and
mission, the featured card (tests/home/test_featured_item.py), the latest news and the next
events as cards, and the newsletter and donate calls to action."""

import re

import pytest
from django.utils import translation

from tests.events.helpers import add_event, event_index, in_days
from tests.home.helpers import Markup
from tests.news.helpers import add_article, news_index
from tests.utils import make_image, text_of, visit

pytestmark = pytest.mark.django_db


def main_of(response):
    return main_of_html(text_of(response))


def main_of_html(html):
    return html[html.index("<main") : html.index("</main>")]


def footer_of_html(html):
    return html[html.index('<footer class="site-footer"') :]


def t(message):
    with translation.override("pl"):
        return translation.gettext(message)


@pytest.fixture
def home_a(org_a):
    home = org_a.site.root_page.specific
    home.intro = "Pomagamy osobom, które znalazły w Toruniu nowy dom."
    home.hero_image = make_image(org_a, "Spotkanie w kawiarni")
    home.save_revision().publish()
    return home


def test_the_hero_shows_the_organizations_photo_beside_its_mission(org_a, home_a):
    html = main_of(visit(org_a, "/pl/"))

    hero = html[html.index('<section class="hero hero-with-image"') : html.index("</section>")]
    assert f'<h1 id="page-title">{home_a.title}</h1>' in hero
    assert "Pomagamy osobom, które znalazły w Toruniu nowy dom." in hero
    image = re.search(r"<img [^>]*>", hero).group(0)
    assert 'class="hero-image"' in image
    assert 'alt=""' in image  # the words beside it say what it shows
    assert 'width="1280"' in image  # the largest rendition's size
    assert 'height="800"' in image
    assert 'fetchpriority="high"' in image
    assert "loading=" not in image  # the first thing on the screen is not deferred


def test_news_and_events_are_cards_the_newest_article_featured(org_a, home_a):
    photo = make_image(org_a)
    add_article(news_index(org_a), "Najnowszy", "2024-03-03", hero_image=photo, hero_alt_text="Las")
    add_article(news_index(org_a), "Starszy", "2024-03-02")
    add_article(
        news_index(org_a), "Najstarszy", "2024-03-01", hero_image=photo, hero_alt_text="Las"
    )
    add_event(event_index(org_a), "Forum", in_days(3), hero_image=photo, hero_alt_text="Sala")

    page = text_of(visit(org_a, "/pl/"))
    html = page[page.index("<main") : page.index("</main>")]

    featured = html[html.index('class="home-featured"') : html.index('class="latest-news"')]
    assert re.findall(r'<article class="([^"]*)">', featured) == ["card article-card card-featured"]
    assert 'alt="Las"' in featured
    news = html[html.index('class="latest-news"') : html.index('class="upcoming-events"')]
    cards = re.findall(r'<article class="(card article-card[^"]*)">', news)
    assert cards == ["card article-card card-no-image", "card article-card"]
    assert 'alt="Las"' in news
    events = html[html.index('class="upcoming-events"') :]
    assert '<article class="card event-card">' in events
    assert '<time class="date-badge"' in events
    assert 'alt="Sala"' in events
    assert html.index('class="hero') < html.index('class="latest-news"')
    assert not Markup(page).problems


def test_newsletter_and_donate_calls_to_action_link_to_the_organizations_addresses(org_a, home_a):
    org_a.newsletter_url = "https://example.org/newsletter"
    org_a.donate_url = "https://example.org/wesprzyj"
    org_a.save()

    html = main_of(visit(org_a, "/pl/"))

    cta = html[html.index('<section class="home-cta"') :]
    cta = cta[: cta.index("</section>")]
    assert re.search(r'<a class="button button-primary" href="https://example.org/newsletter"', cta)
    assert re.search(r'<a class="button button-secondary" href="https://example.org/wesprzyj"', cta)
    assert t("Sign up for the newsletter") in cta
    assert t("Donate") in cta


def test_the_home_page_shows_newsletter_and_donate_once_other_pages_in_the_footer(
    org_a, home_a, page_a
):
    org_a.newsletter_url = "https://example.org/newsletter"
    org_a.donate_url = "https://example.org/wesprzyj"
    org_a.save()

    home = text_of(visit(org_a, "/pl/"))
    other = text_of(visit(org_a, page_a.url))

    for address in (org_a.newsletter_url, org_a.donate_url):
        assert home.count(f'href="{address}"') == 1
        assert f'href="{address}"' in main_of_html(home)
        assert other.count(f'href="{address}"') == 1
        assert f'href="{address}"' in footer_of_html(other)


def test_a_footer_with_nothing_more_to_link_has_no_more_section(org_a, home_a, page_a):
    org_a.newsletter_url = "https://example.org/newsletter"
    org_a.donate_url = ""
    org_a.save()

    # No privacy policy or accessibility statement published yet (create_organization's drafts).
    assert 'id="footer-more"' not in footer_of_html(text_of(visit(org_a, "/pl/")))
    assert 'id="footer-more"' in footer_of_html(text_of(visit(org_a, page_a.url)))


def test_without_newsletter_or_donate_addresses_there_is_no_call_to_action(org_a, home_a):
    org_a.newsletter_url = org_a.donate_url = ""
    org_a.save()

    assert "home-cta" not in main_of(visit(org_a, "/pl/"))


def test_the_translated_home_page_keeps_the_organizations_name_as_the_proper_name_it_is(org_a):
    """create_organization's home page in Ukrainian and English: its title is the
    organization's name, kept as it is, so no "parts not yet translated" notice; the name
    is marked as Polish for screen readers."""
    for language in ("uk", "en"):
        response = visit(org_a, f"/{language}/")

        assert response.status_code == 200
        assert not response.context["untranslated"], language
        assert '<h1 id="page-title" lang="pl">Fundacja Alfa</h1>' in main_of(response)

"""The home page's featured item: an article or event its editors choose, shown as a larger
card under the hero in each language (translated, or marked as not yet), else the newest
article; never repeated in the lists under it, and never another organization's page."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage
from tests.events.helpers import add_event, event_index, in_days, translate_event
from tests.home.helpers import body_form
from tests.news.helpers import add_article, news_index, translate_article
from tests.utils import add_content_page, make_image, text_of, visit

pytestmark = pytest.mark.django_db


def home_of(org, language="pl"):
    return HomePage.objects.get(
        translation_key=org.site.root_page.translation_key, locale__language_code=language
    )


def feature(org, page):
    """The editors choose `page` on the Polish home page; its translations follow when they
    are brought up to date (a synchronised field, as wagtail-localize copies it)."""
    for home in HomePage.objects.filter(translation_key=org.site.root_page.translation_key):
        home.featured_page = page
        home.save_revision().publish()


def featured_card(html):
    """(class, title, address, lang) of the featured card; None without one."""
    found = re.search(r'<div class="home-featured">(.*?)</article>', html, re.DOTALL)
    if found is None:
        return None
    card = found.group(1)
    link = re.search(r'<h2 class="\w+-card-title"><a href="([^"]+)"([^>]*)>([^<]+)</a>', card)
    lang = re.search(r'lang="(\w+)"', link.group(2))
    return (
        re.search(r'<article class="([^"]+)"', card).group(1),
        link.group(3),
        link.group(1),
        lang.group(1) if lang else None,
    )


def titles_in(html, section):
    start = html.index(f'<section class="{section}"')
    part = html[start : html.index("</section>", start)]
    return re.findall(r'-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', part)


@pytest.fixture
def news(org_a):
    index = news_index(org_a)
    photo = make_image(org_a)
    return [
        add_article(
            index, f"Wiadomość {day}", f"2024-02-0{day}", hero_image=photo, hero_alt_text="Las"
        )
        for day in range(1, 6)
    ]


def test_without_a_choice_the_newest_article_is_featured_and_the_list_goes_on_after_it(org_a, news):
    html = text_of(visit(org_a, "/pl/"))

    assert featured_card(html) == (
        "card article-card card-featured",
        "Wiadomość 5",
        "/pl/aktualnosci/wiadomosc-5/",
        None,
    )
    assert html.index('class="hero') < html.index('class="home-featured"')
    assert html.index('class="home-featured"') < html.index('class="latest-news"')
    assert titles_in(html, "latest-news") == ["Wiadomość 4", "Wiadomość 3", "Wiadomość 2"]


def test_a_chosen_event_is_featured_and_not_repeated_among_the_upcoming_events(org_a, news):
    index = event_index(org_a)
    forum = add_event(index, "Forum integracji", in_days(20), intro="Dwa dni rozmów.")
    add_event(index, "Kawiarenka językowa", in_days(3))
    feature(org_a, forum)

    html = text_of(visit(org_a, "/pl/"))

    card = featured_card(html)
    assert card[:3] == (
        "card event-card card-featured card-no-image",
        "Forum integracji",
        "/pl/wydarzenia/forum-integracji/",
    )
    assert '<time class="date-badge"' in html[html.index('class="home-featured"') :]
    assert titles_in(html, "upcoming-events") == ["Kawiarenka językowa"]
    # The news start with the newest article again.
    assert titles_in(html, "latest-news") == ["Wiadomość 5", "Wiadomość 4", "Wiadomość 3"]


def test_a_chosen_article_is_featured_in_its_translation_or_marked_as_not_yet_translated(
    org_a, news
):
    older = news[0]
    feature(org_a, older)

    untranslated = text_of(visit(org_a, "/uk/"))
    translate_article(older, "uk", title="Новина 1", slug="novyna-1")
    translated = text_of(visit(org_a, "/uk/"))

    assert featured_card(text_of(visit(org_a, "/pl/")))[1:] == (
        "Wiadomość 1",
        "/pl/aktualnosci/wiadomosc-1/",
        None,
    )
    # Read at the Ukrainian news' address, said to be Polish.
    assert featured_card(untranslated)[1:] == ("Wiadomość 1", "/uk/novyny/wiadomosc-1/", "pl")
    assert featured_card(translated)[1:] == ("Новина 1", "/uk/novyny/novyna-1/", None)
    assert "Wiadomość 1" not in titles_in(untranslated, "latest-news")


def test_with_untranslated_content_hidden_a_language_features_its_own_newest_article(org_a, news):
    feature(org_a, news[0])
    org_a.show_untranslated = False
    org_a.save()
    translate_article(news[1], "uk", title="Новина 2", slug="novyna-2")

    assert featured_card(text_of(visit(org_a, "/uk/")))[1] == "Новина 2"


def test_an_unpublished_choice_gives_way_to_the_newest_article(org_a, news):
    feature(org_a, news[0])
    Page.objects.get(pk=news[0].pk).specific.unpublish()

    assert featured_card(text_of(visit(org_a, "/pl/")))[1] == "Wiadomość 5"


def test_an_event_featured_in_ukrainian_is_its_translation(org_a):
    event = add_event(event_index(org_a), "Forum", in_days(5))
    translate_event(event, "uk", title="Форум", slug="forum-uk")
    feature(org_a, event)

    assert featured_card(text_of(visit(org_a, "/uk/")))[1:3] == ("Форум", "/uk/podii/forum-uk/")


def edit_home(client, user, home, featured):
    client.force_login(user)
    data = body_form(home)
    data.update(hero_image="", featured_page=featured.pk)
    return client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)


def test_editors_choose_one_of_their_own_articles_or_events(client, org_a, editor_a, news):
    home = home_of(org_a)

    response = edit_home(client, editor_a, home, news[2])

    assert response.status_code == 302
    saved = HomePage.objects.get(pk=home.pk).get_latest_revision_as_object()
    assert saved.featured_page_id == news[2].pk


def test_another_organizations_article_or_a_plain_page_cannot_be_featured(
    client, org_a, org_b, editor_a, page_a
):
    foreign = add_article(news_index(org_b), "Beta", "2024-03-02")
    home = home_of(org_a)
    before = home.latest_revision_id

    foreign_response = edit_home(client, editor_a, home, foreign)
    plain_response = edit_home(client, editor_a, home, page_a)

    assert foreign_response.status_code == 200
    assert "featured_page" in foreign_response.context["form"].errors
    assert plain_response.status_code == 200
    assert "featured_page" in plain_response.context["form"].errors
    assert HomePage.objects.get(pk=home.pk).latest_revision_id == before


def test_a_featured_item_costs_the_same_queries_whatever_the_home_page_lists(
    org_a, news, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    feature(org_a, news[0])
    visit(org_a, "/pl/")  # renditions made once
    with CaptureQueriesContext(connection) as few:
        visit(org_a, "/pl/")
    for number in range(6):
        add_content_page(org_a, f"Strona {number}")
        add_article(
            news_index(org_a),
            f"Nowa {number}",
            f"2024-03-0{number + 1}",
            hero_image=news[0].hero_image,
            hero_alt_text="Las",
        )

    with django_assert_num_queries(len(few.captured_queries)):
        visit(org_a, "/pl/")

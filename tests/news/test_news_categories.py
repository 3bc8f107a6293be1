"""News categories in the admin: each organization sees, chooses and changes only its own;
an article accepts only its own organization's category, photo and related articles.

Refusals check the database as well as the response, each with a control beside it.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.operations import TranslationCreator

from news.models import ArticlePage, NewsCategory
from tests.home.helpers import assert_hides, assert_refused, assert_shows, login, text_of
from tests.news.helpers import add_article, make_category
from tests.utils import make_image

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_news_newscategory:{name}", args=args)


def chooser_url(name, *args):
    return reverse(f"wagtailsnippetchoosers_news_newscategory:{name}", args=args)


def category_state(category):
    category = NewsCategory.objects.filter(pk=category.pk).first()
    if category is None:
        return None
    return {"name": category.name, "slug": category.slug, "site": category.site_id}


@pytest.fixture
def category_a(org_a):
    return make_category(org_a, "Zaproszenia")


@pytest.fixture
def category_b(org_b):
    return make_category(org_b, "Relacje")


# --- Listing and choosing: one's own only ---------------------------------------------


def test_listing_and_chooser_offer_only_own_organizations_categories(
    client, editor_b, category_a, category_b
):
    login(client, editor_b)

    listing = client.get(url("list"))
    offered = client.get(chooser_url("choose"))
    found = client.get(chooser_url("choose_results"), {"q": "Zaproszenia"})

    assert_shows(listing, "Relacje", url("edit", category_b.pk))
    assert_hides(listing, "Zaproszenia", url("edit", category_a.pk))
    assert_shows(offered, "Relacje", chooser_url("chosen", category_b.pk))
    assert_hides(offered, "Zaproszenia", chooser_url("chosen", category_a.pk))
    assert_shows(found, "żaden skrawek nie pasuje")  # only the search words come back
    assert_hides(found, chooser_url("chosen", category_a.pk))


def test_chooser_refuses_another_organizations_category_as_chosen(
    client, editor_b, category_a, category_b
):
    login(client, editor_b)

    refused = client.get(chooser_url("chosen", category_a.pk))
    chosen = client.get(chooser_url("chosen", category_b.pk))

    assert_refused(refused)
    assert_hides(refused, "Zaproszenia")
    assert chosen.json()["result"]["string"] == "Relacje"


# --- Changing and deleting: the owner only --------------------------------------------


@pytest.mark.parametrize("role", ["editor_b", "moderator_b", "translator_b"])
def test_staff_cannot_edit_another_organizations_category(client, request, category_a, role):
    before = category_state(category_a)
    login(client, request.getfixturevalue(role))

    shown = client.get(url("edit", category_a.pk))
    posted = client.post(url("edit", category_a.pk), {"name": "Przejęta", "slug": "przejeta"})

    assert_refused(shown)
    assert_refused(posted)
    assert category_state(category_a) == before


@pytest.mark.parametrize("role", ["editor_a", "moderator_a"])
def test_staff_edit_own_organizations_category(client, request, category_a, role):
    login(client, request.getfixturevalue(role))

    response = client.post(
        url("edit", category_a.pk), {"name": "Zaproszenia i ogłoszenia", "slug": "zaproszenia"}
    )

    assert response.status_code == 302
    assert category_state(category_a)["name"] == "Zaproszenia i ogłoszenia"


def test_translator_cannot_change_the_original_category(client, translator_a, category_a):
    before = category_state(category_a)
    login(client, translator_a)

    assert_refused(client.get(url("edit", category_a.pk)))
    assert_refused(
        client.post(url("edit", category_a.pk), {"name": "Zmienione", "slug": "zmienione"})
    )
    assert category_state(category_a) == before


@pytest.mark.parametrize("role", ["editor_b", "moderator_b"])
def test_staff_cannot_delete_another_organizations_category(client, request, category_a, role):
    login(client, request.getfixturevalue(role))

    assert_refused(client.post(url("delete", category_a.pk)))
    assert category_state(category_a) is not None


def test_moderator_deletes_own_category_and_articles_keep_going_without_it(
    client, moderator_a, org_a, index_a, category_a
):
    article = add_article(index_a, "Zaproszenie", "2024-01-01", category=category_a)

    response = login(client, moderator_a).post(url("delete", category_a.pk))

    assert response.status_code == 302
    assert category_state(category_a) is None
    assert ArticlePage.objects.get(pk=article.pk).category is None


def test_translator_may_not_add_categories(client, translator_a):
    response = login(client, translator_a).post(url("add"), {"name": "Nowa", "slug": ""})

    assert_refused(response)
    assert not NewsCategory.objects.filter(name="Nowa").exists()


# --- Adding: filed under one's own organization, with a slug made from the name -----


def test_new_category_is_filed_under_own_organization_with_a_slug_from_its_name(
    client, editor_b, org_a, org_b
):
    login(client, editor_b)

    response = client.post(
        url("add"), {"name": "Współpraca z samorządami", "slug": "", "site": org_a.site_id}
    )

    assert response.status_code == 302
    category = NewsCategory.objects.get(name="Współpraca z samorządami")
    assert category.site == org_b.site
    assert category.slug == "wspolpraca-z-samorzadami"
    assert category.locale.language_code == "pl"


def test_a_slug_is_unique_within_an_organization_and_language_only(
    client, editor_b, category_a, category_b
):
    login(client, editor_b)

    taken = client.post(url("add"), {"name": "Relacje z wydarzeń", "slug": "relacje"})
    free = client.post(url("add"), {"name": "Zaproszenia", "slug": "zaproszenia"})

    assert taken.status_code == 200
    assert "Ta organizacja ma już kategorię o tym adresie w tym języku." in text_of(taken)
    assert NewsCategory.objects.filter(slug="relacje").count() == 1
    assert free.status_code == 302  # Alfa's "zaproszenia" is no obstacle to Beta
    assert NewsCategory.objects.filter(slug="zaproszenia").count() == 2


# --- Translating: through wagtail-localize, the slug kept -------------------------------


def test_translated_article_shows_the_translated_category(
    org_a, index_a, category_a, django_capture_on_commit_callbacks
):
    ukrainian = Locale.objects.get(language_code="uk")
    article = add_article(index_a, "Zaproszenie na forum", "2024-01-01", category=category_a)

    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [ukrainian]).create_translations(article)
    translated_category = category_a.get_translation(ukrainian)
    translated_category.name = "Запрошення"
    translated_category.save()

    translated = ArticlePage.objects.get(translation_key=article.translation_key, locale=ukrainian)
    assert not translated.live  # a draft for the translators
    assert translated.category == translated_category
    assert translated_category.slug == "zaproszenia"
    assert translated_category.site == org_a.site


# --- The article form: only one's own category and related articles --------------------


def article_form(**overrides):
    fields = {
        "title": "Nowy artykuł",
        "slug": "nowy-artykul",
        "date": "2024-03-01",
        "category": "",
        "tags": "",
        "intro": "Lead.",
        "hero_image": "",
        "hero_alt_text": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": streamfield([]),
        "related_article_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", index.pk])


def test_article_refuses_another_organizations_category_typed_in_by_id(
    client, editor_b, index_b, category_a, category_b
):
    login(client, editor_b)

    refused = client.post(add_url(index_b), article_form(category=category_a.pk))
    accepted = client.post(add_url(index_b), article_form(slug="z-wlasna", category=category_b.pk))

    assert refused.status_code == 200
    assert "Wybierz kategorię tej organizacji." in text_of(refused)
    assert not ArticlePage.objects.filter(slug="nowy-artykul").exists()
    assert accepted.status_code == 302
    assert ArticlePage.objects.get(slug="z-wlasna").category == category_b


def test_article_with_a_photo_needs_its_alt_text_and_keeps_what_was_typed(
    client, editor_b, index_b, org_b
):
    login(client, editor_b)
    photo = make_image(org_b)

    refused = client.post(add_url(index_b), article_form(hero_image=photo.pk))

    assert refused.status_code == 200
    assert "Opisz zdjęcie osobom, które go nie widzą." in text_of(refused)
    assert 'value="Nowy artykuł"' in text_of(refused)
    assert not ArticlePage.objects.filter(slug="nowy-artykul").exists()


def test_article_refuses_another_organizations_article_as_related(
    client, editor_b, index_a, index_b
):
    theirs = add_article(index_a, "Artykuł Alfy", "2024-01-01")
    ours = add_article(index_b, "Artykuł Bety", "2024-01-02")
    login(client, editor_b)

    refused = client.post(
        add_url(index_b),
        article_form(related_article_links=inline_formset([{"article": theirs.pk}])),
    )
    accepted = client.post(
        add_url(index_b),
        article_form(
            slug="z-powiazanym", related_article_links=inline_formset([{"article": ours.pk}])
        ),
    )

    assert refused.status_code == 200
    assert "Wybierz artykuł tej organizacji." in text_of(refused)
    assert not ArticlePage.objects.filter(slug="nowy-artykul").exists()
    assert accepted.status_code == 302
    saved = ArticlePage.objects.get(slug="z-powiazanym")
    assert [link.article for link in saved.related_article_links.all()] == [ours]


def test_article_photo_needs_alt_text_and_comes_from_own_collection(
    client, editor_b, org_a, org_b, index_b
):
    theirs = make_image(org_a, "Zdjęcie Alfy")
    ours = make_image(org_b, "Zdjęcie Bety")
    login(client, editor_b)

    foreign = client.post(
        add_url(index_b), article_form(hero_image=theirs.pk, hero_alt_text="Ludzie")
    )
    without_alt = client.post(add_url(index_b), article_form(hero_image=ours.pk))
    accepted = client.post(
        add_url(index_b),
        article_form(slug="ze-zdjeciem", hero_image=ours.pk, hero_alt_text="Ludzie przy stole"),
    )

    assert foreign.status_code == 200
    assert without_alt.status_code == 200
    assert "Opisz zdjęcie osobom, które go nie widzą." in text_of(without_alt)
    assert not ArticlePage.objects.filter(slug="nowy-artykul").exists()
    assert accepted.status_code == 302
    assert ArticlePage.objects.get(slug="ze-zdjeciem").hero_image == ours


def test_an_article_can_only_be_added_under_a_news_index(index_a):
    assert ArticlePage.parent_page_types == ["news.NewsIndexPage"]
    assert ArticlePage.subpage_types == []
    home = Page.objects.get(pk=index_a.get_parent().pk).specific
    assert "news.NewsIndexPage" in type(home).subpage_types
    assert not type(index_a).can_create_at(home)  # one news index per home page

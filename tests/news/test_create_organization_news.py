"""What create_organization gives an organization for its news: a news index in each of its
languages, translated through wagtail-localize, and its staff's permissions on categories;
and how running it again fills in what is missing and otherwise changes nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import HomePage
from news.models import NewsIndexPage
from organizations.models import OrganizationSettings
from tests.utils import M6, add_content_page
from tests.utils import create_organization_command as run

CATEGORY_CODENAMES = {"add_newscategory", "change_newscategory", "delete_newscategory"}
# Tags come from the articles: staff rename and translate them, and add or delete none.
NEWS_CODENAMES = CATEGORY_CODENAMES | {"change_newstag"}
TRANSLATOR_CODENAMES = {"change_newscategory", "change_newstag"}


def homes():
    org = OrganizationSettings.objects.get(slug="m6")
    return HomePage.objects.filter(translation_key=org.site.root_page.translation_key)


def news_indexes():
    """{language: the news index under the organization's home page in that language}."""
    return {
        index.locale.language_code: index
        for home in homes()
        for index in NewsIndexPage.objects.child_of(home).select_related("locale")
    }


def assert_tree_is_sound():
    """Each home page counts its children right, so Wagtail finds and adds them."""
    for home in homes():
        home = HomePage.objects.get(pk=home.pk)
        assert (
            home.numchild
            == Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
        )
        assert home.get_children().count() == home.numchild


def category_permissions(role):
    group = Group.objects.get(name=f"Fundacja Studio M6 {role}")
    return set(
        group.permissions.filter(content_type__app_label="news").values_list("codename", flat=True)
    )


@pytest.mark.django_db
def test_creates_a_news_index_in_each_language_translated_through_wagtail_localize(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk,en")

    indexes = news_indexes()
    assert sorted(indexes) == ["en", "pl", "uk"]
    assert [(i.title, i.slug) for i in (indexes["pl"], indexes["uk"], indexes["en"])] == [
        ("Aktualności", "aktualnosci"),
        ("Новини", "novyny"),
        ("News", "news"),
    ]
    assert all(index.live and not index.show_in_menus for index in indexes.values())
    assert len({index.translation_key for index in indexes.values()}) == 1
    translations = Translation.objects.filter(source__object_id=indexes["pl"].translation_key)
    assert sorted(t.target_locale.language_code for t in translations) == ["en", "uk"]
    assert_tree_is_sound()


@pytest.mark.django_db
def test_translated_home_pages_count_the_news_index_among_their_children(
    django_capture_on_commit_callbacks,
):
    # wagtail-localize publishes a translation on commit from the object it made it as;
    # published that way, the Ukrainian home page would count no children and hide the
    # news index from Wagtail's routing.
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")

    ukrainian_home = HomePage.objects.get(pk=news_indexes()["uk"].get_parent().pk)
    assert ukrainian_home.numchild == 6  # the news, the events and the four standard pages
    assert news_indexes()["uk"].page_ptr in ukrainian_home.get_children()
    assert Client().get("/uk/novyny/", HTTP_HOST="m6.localhost").status_code == 200


# Real commits: wagtail-localize's on-commit callbacks run as in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_real_commits_the_tree_is_sound_and_pages_can_be_added_to_each_language():
    run(*M6, "--languages", "pl,uk,en")

    assert_tree_is_sound()
    org = OrganizationSettings.objects.get(slug="m6")
    for home in homes():
        # A wrong count of children would give the new page the news index's tree path.
        add_content_page(org, f"O fundacji ({home.locale.language_code})", parent=home)
    assert_tree_is_sound()
    for path in ["/pl/aktualnosci/", "/uk/novyny/", "/en/news/"]:
        assert Client().get(path, HTTP_HOST="m6.localhost").status_code == 200


@pytest.mark.django_db
def test_running_again_with_a_new_language_adds_the_news_index_in_it(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    with django_capture_on_commit_callbacks(execute=True):
        output = run(*M6, "--languages", "pl,uk,en")

    assert "created the home page in en; created the news index in en" in output
    assert news_indexes()["en"].title == "News"
    assert_tree_is_sound()


@pytest.mark.django_db
def test_running_again_recreates_a_deleted_news_index_and_says_so(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    for index in news_indexes().values():
        index.delete()

    with django_capture_on_commit_callbacks(execute=True):
        output = run(*M6, "--languages", "pl,uk")

    assert "Fundacja Studio M6: created the news index in pl, uk." in output
    assert sorted(news_indexes()) == ["pl", "uk"]
    assert_tree_is_sound()


@pytest.mark.django_db
def test_running_again_keeps_a_renamed_news_index_and_changes_nothing(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    index = news_indexes()["pl"]
    index.title = "Wiadomości"
    index.save_revision().publish()
    pages = Page.objects.count()

    output = run(*M6, "--languages", "pl,uk")

    assert "already exists on m6.localhost; nothing changed" in output
    assert Page.objects.count() == pages
    assert news_indexes()["pl"].title == "Wiadomości"


@pytest.mark.django_db
def test_editors_and_moderators_manage_news_categories_translators_change_them_and_tags(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")

    assert category_permissions("editors") == NEWS_CODENAMES
    assert category_permissions("moderators") == NEWS_CODENAMES
    assert category_permissions("translators (uk)") == TRANSLATOR_CODENAMES


@pytest.mark.django_db
def test_running_again_gives_older_groups_the_news_category_permissions(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    news = Permission.objects.filter(content_type__app_label="news")
    for group in Group.objects.filter(name__startswith="Fundacja Studio M6"):
        group.permissions.remove(*news)

    output = run(*M6, "--languages", "pl,uk")

    assert "Fundacja Studio M6: updated permissions of 4 groups." in output
    assert category_permissions("editors") == NEWS_CODENAMES
    assert category_permissions("translators (uk)") == TRANSLATOR_CODENAMES

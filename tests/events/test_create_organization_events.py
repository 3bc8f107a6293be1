"""What create_organization gives an organization for its events: an event index in each
of its languages, translated through wagtail-localize; and how running it again fills in
what is missing and otherwise changes nothing."""

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import Translation

from events.models import EventIndexPage
from home.models import HomePage
from news.models import NewsIndexPage
from organizations.models import OrganizationSettings
from tests.events.helpers import event_index
from tests.utils import M6
from tests.utils import create_organization_command as run

pytestmark = pytest.mark.django_db


def homes():
    org = OrganizationSettings.objects.get(slug="m6")
    return HomePage.objects.filter(translation_key=org.site.root_page.translation_key)


def event_indexes():
    """{language: the event index under the organization's home page in that language}."""
    return {
        index.locale.language_code: index
        for home in homes()
        for index in EventIndexPage.objects.child_of(home).select_related("locale")
    }


def assert_tree_is_sound():
    for home in homes():
        home = HomePage.objects.get(pk=home.pk)
        assert home.numchild == home.get_children().count()


def test_creates_an_event_index_in_each_language_beside_the_news_index(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk,en")

    indexes = event_indexes()
    assert [(indexes[code].title, indexes[code].slug) for code in ("pl", "uk", "en")] == [
        ("Wydarzenia", "wydarzenia"),
        ("Події", "podii"),
        ("Events", "events"),
    ]
    assert all(index.live and not index.show_in_menus for index in indexes.values())
    assert len({index.translation_key for index in indexes.values()}) == 1
    translations = Translation.objects.filter(source__object_id=indexes["pl"].translation_key)
    assert sorted(t.target_locale.language_code for t in translations) == ["en", "uk"]
    for home in homes():
        assert NewsIndexPage.objects.child_of(home).count() == 1
    assert_tree_is_sound()
    for path in ["/pl/wydarzenia/", "/uk/podii/", "/en/events/", "/uk/podii/ics/"]:
        assert Client().get(path, HTTP_HOST="m6.localhost").status_code == 200


def test_the_suites_organizations_have_their_event_indexes(org_a, org_b):
    assert event_index(org_a, "en").title == "Events"
    assert event_index(org_b, "uk").title == "Події"
    assert not EventIndexPage.objects.filter(locale__language_code="en").filter(
        path__startswith=org_b.site.root_page.path
    )


def test_running_again_changes_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    pages = Page.objects.count()

    output = run(*M6, "--languages", "pl,uk")

    assert "already exists on m6.localhost; nothing changed" in output
    assert Page.objects.count() == pages


def test_running_again_with_a_new_language_adds_the_event_index_in_it(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    with django_capture_on_commit_callbacks(execute=True):
        output = run(*M6, "--languages", "pl,uk,en")

    assert "created the event index in en" in output
    assert event_indexes()["en"].title == "Events"
    assert_tree_is_sound()


def test_running_again_recreates_a_deleted_event_index_and_says_so(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    for index in event_indexes().values():
        index.delete()

    with django_capture_on_commit_callbacks(execute=True):
        output = run(*M6, "--languages", "pl,uk")

    assert "Fundacja Studio M6: created the event index in pl, uk." in output
    assert sorted(event_indexes()) == ["pl", "uk"]
    assert_tree_is_sound()


def test_a_renamed_event_index_is_kept(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    index = event_indexes()["pl"]
    index.title = "Kalendarz"
    index.save_revision().publish()

    run(*M6, "--languages", "pl,uk")

    assert event_indexes()["pl"].title == "Kalendarz"


# Real commits: wagtail-localize's on-commit callbacks run as in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_real_commits_each_languages_event_index_is_served():
    run(*M6, "--languages", "pl,uk,en")

    assert_tree_is_sound()
    for path in ["/pl/wydarzenia/", "/uk/podii/", "/en/events/"]:
        assert Client().get(path, HTTP_HOST="m6.localhost").status_code == 200

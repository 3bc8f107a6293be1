"""The admin speaks the user's own language (their profile's): English and Ukrainian users
meet no Polish interface string in the main views and choosers; Polish users get Polish.

Polish interface strings are the Polish translations in Wagtail's, wagtail-localize's and
the project's catalogues (tests/organizations/helpers.py); page titles and other content,
which are Polish whatever the admin language, are left out.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.images.views.chooser import viewset as image_chooser_viewset
from wagtail.models import Collection, Page, Site
from wagtail.users.models import UserProfile

from news.models import NewsCategory
from organizations.models import FundingNotice
from partners.models import Partner
from tests.home.helpers import login, make_document, make_image
from tests.organizations.helpers import polish_shown
from tests.partners.helpers import make_partner

pytestmark = pytest.mark.django_db


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def admin_views(org):
    """The main admin views and every chooser an editor opens from the page editor."""
    home = org.site.root_page
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[home.pk]),
        "page editor": reverse("wagtailadmin_pages:edit", args=[home.pk]),
        "page chooser": reverse("wagtailadmin_choose_page"),
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "document chooser": reverse("wagtaildocs_chooser:choose"),
        "partner chooser": reverse("wagtailsnippetchoosers_partners_partner:choose"),
        "partners": reverse("wagtailsnippets_partners_partner:list"),
        "funding notices": reverse("wagtailsnippets_organizations_fundingnotice:list"),
        "news categories": reverse("wagtailsnippets_news_newscategory:list"),
        "images": reverse("wagtailimages:index"),
    }


def content_names():
    """What the database holds that the admin shows as it was written (titles, names)."""
    return {
        *Page.objects.values_list("title", flat=True),
        *Site.objects.values_list("site_name", flat=True),
        *Collection.objects.values_list("name", flat=True),
        *Partner.objects.values_list("name", flat=True),
        *FundingNotice.objects.values_list("name", flat=True),
        *NewsCategory.objects.values_list("name", flat=True),
    }


@pytest.fixture
def content(org_a):
    make_partner(org_a, "Fundacja Stocznia")
    make_image(org_a, "Plakat")
    make_document(org_a, "Regulamin")


@pytest.fixture(params=["editor", "administrator"])
def user(request, editor_a, django_user_model):
    """An editor of one organization, and an administrator, who sees every organization
    (and so the collection filters of the image and document choosers)."""
    if request.param == "editor":
        return editor_a
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_admin_shows_no_polish_interface_to_english_and_ukrainian_users(
    client, org_a, content, user, language
):
    # A Polish user opens the admin first: nothing may keep the language of the first
    # request of the process (Wagtail builds its menus once).
    login(client, speaking(user, "pl"))
    for url in admin_views(org_a).values():
        client.get(url)
    speaking(user, language)
    names = content_names()

    found = {}
    for name, url in admin_views(org_a).items():
        response = client.get(url)
        assert response.status_code == 200, name
        found[name] = polish_shown(response, names)

    assert found == dict.fromkeys(admin_views(org_a), [])
    assert UserProfile.get_for_user(user).preferred_language == language


def test_polish_users_get_the_polish_admin(client, org_a, content, user):
    """The control: the same views in Polish show Polish interface strings, those of the
    choosers among them."""
    login(client, speaking(user, "pl"))
    names = content_names()

    found = {name: polish_shown(client.get(url), names) for name, url in admin_views(org_a).items()}

    assert all(found.values()), [name for name, strings in found.items() if not strings]
    assert "Wybierz" in found["partner chooser"]
    assert "Szukaj" in found["image chooser"]
    assert "Szukaj" in found["document chooser"]


def test_english_and_ukrainian_choosers_are_titled_in_their_language(client, org_a, editor_a):
    """What the issue saw: "Wybierz partner" and "Szukaj" in an English admin."""
    make_partner(org_a, "Fundacja Stocznia")
    login(client, speaking(editor_a, "en"))
    english = client.get(reverse("wagtailsnippetchoosers_partners_partner:choose")).json()["html"]
    images = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    speaking(editor_a, "uk")
    ukrainian = client.get(reverse("wagtailsnippetchoosers_partners_partner:choose")).json()["html"]

    assert "Choose" in english
    assert "Wybierz" not in english
    assert "Search" in images
    assert "Szukaj" not in images
    assert "Вибрати" in ukrainian
    assert "Wybierz" not in ukrainian


def test_chooser_labels_are_translated_when_shown_not_when_imported():
    for language, label in [("en", "Search"), ("pl", "Szukaj")]:
        with translation.override(language):
            assert str(ChooserViewSet.search_tab_label) == label
            assert str(image_chooser_viewset.search_tab_label) == label


def test_a_string_missing_from_the_ukrainian_catalogue_stays_english_not_polish():
    """Wagtail's Ukrainian catalogue lacks "Search…"; Django would show its Polish."""
    with translation.override("pl"):
        assert translation.gettext("Search…") == "Szukaj…"
    with translation.override("uk"):
        assert translation.gettext("Search…") == "Search…"
        assert translation.gettext("Search") == "Пошук"

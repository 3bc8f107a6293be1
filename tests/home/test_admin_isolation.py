"""Staff of one organization can neither see, choose nor change another's in the admin.

Wagtail's admin refuses mostly with a redirect to the dashboard (and an error message)
or a 404, rarely a 403, so every refusal here also checks the database: the other
organization's pages, revisions, images, documents and settings are as they were. Each
refusal has a control beside it: the same action by the same kind of user, on their own
organization's object, works and changes the database.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from home.models import ContentPage
from organizations.models import OrganizationSettings
from tests.home.helpers import (
    Document,
    Image,
    assert_hides,
    assert_refused,
    assert_shows,
    login,
    make_document,
    make_image,
    named,
)
from tests.utils import add_content_page, settings_form, settings_url

pytestmark = pytest.mark.django_db

BETA_TITLES = ["Stowarzyszenie Beta", "Kim jesteśmy"]


# --- Fixtures and helpers ------------------------------------------------------------


@pytest.fixture
def home_a(org_a):
    return org_a.site.root_page.specific


@pytest.fixture
def home_b(org_b):
    return org_b.site.root_page.specific


@pytest.fixture
def image_a(org_a):
    return make_image(org_a, "Plakat Alfa")


@pytest.fixture
def image_b(org_b):
    return make_image(org_b, "Plakat Beta")


@pytest.fixture
def document_a(org_a):
    return make_document(org_a, "Raport Alfa")


@pytest.fixture
def document_b(org_b):
    return make_document(org_b, "Raport Beta")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="root", email="root@example.org", password="x"
    )


def image_upload(filename="nowy.png"):
    # A fresh upload: the test image's buffer is left at its end once written.
    return SimpleUploadedFile(
        filename, get_test_image_file().file.getvalue(), content_type="image/png"
    )


def page_state(page):
    """What must not change when another organization's staff try their luck."""
    page = Page.objects.filter(pk=page.pk).first()
    if page is None:
        return None
    return {
        "title": page.title,
        "draft_title": page.draft_title,
        "slug": page.slug,
        "live": page.live,
        "path": page.path,
        "parent": page.get_parent().pk,
        "locked": page.locked,
        "latest_revision": page.latest_revision_id,
        "revisions": page.revisions.count(),
        "children": page.get_children().count(),
    }


def media_state(item):
    item = type(item).objects.filter(pk=item.pk).first()
    if item is None:
        return None
    return {
        "title": item.title,
        "file": item.file.name,
        "file_exists": item.file.storage.exists(item.file.name),
        "collection": item.collection_id,
    }


def settings_state(org):
    org = OrganizationSettings.objects.get(pk=org.pk)
    return {
        "name": org.name,
        "primary_colour": org.primary_colour,
        "languages": org.languages,
        "contact_email": org.contact_email,
        "logo": org.logo_id,
        "privacy_policy_page": org.privacy_policy_page_id,
    }


def page_form(page, **overrides):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": getattr(page, "intro", ""),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    if page.specific_class.__name__ == "HomePage":
        fields["hero_image"] = ""
    fields.update(overrides)
    return nested_form_data(fields)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# --- Page explorer and admin search --------------------------------------------------


def test_explorer_root_lists_only_own_organizations_home_pages(client, editor_a, home_a, org_b):
    response = login(client, editor_a).get(reverse("wagtailadmin_explore_root"))

    assert_shows(response, "Fundacja Alfa")
    # Neither as a listed home page nor as a choice of the "Site" filter.
    assert_hides(response, "Stowarzyszenie Beta", "beta.localhost")


def test_explorer_root_of_the_other_organization_lists_only_its_home_pages(
    client, editor_b, home_b, org_a
):
    response = login(client, editor_b).get(reverse("wagtailadmin_explore_root"))

    assert_shows(response, "Stowarzyszenie Beta")
    assert_hides(response, "Fundacja Alfa", "alfa.localhost")


@pytest.mark.parametrize("target", ["home_b", "page_b"])
def test_explorer_shows_nothing_of_another_organizations_page(
    client, request, editor_a, page_a, page_b, target
):
    page = request.getfixturevalue(target)
    before = page_state(page)
    login(client, editor_a)

    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]), follow=True)
    results = client.get(reverse("wagtailadmin_explore_results", args=[page.pk]))

    # Sent to the explorer root, as Wagtail does with pages outside a user's reach.
    assert response.redirect_chain[0] == (reverse("wagtailadmin_explore_root"), 302)
    assert_hides(response, *BETA_TITLES, "beta.localhost")
    assert_refused(results)
    assert_hides(results, *BETA_TITLES)
    assert page_state(page) == before


def test_explorer_lists_own_organizations_pages(client, editor_b, home_b, page_b):
    response = login(client, editor_b).get(reverse("wagtailadmin_explore", args=[home_b.pk]))

    assert_shows(response, "Stowarzyszenie Beta", "Kim jesteśmy")


def test_explorer_filters_offer_only_own_organizations_sites_and_staff(
    client, editor_a, moderator_a, editor_b, home_a, page_a, page_b
):
    # Page owners and editors of both organizations, as Wagtail records them.
    named(moderator_a, "Alicja", "Alfowska")
    named(editor_b, "Bogna", "Betowska")
    for page, user in [(page_a, moderator_a), (page_b, editor_b)]:
        page.owner = user
        page.save_revision(user=user, log_action=True).publish(user=user)

    response = login(client, editor_a).get(reverse("wagtailadmin_explore", args=[home_a.pk]))

    assert_shows(response, 'name="owner"', 'name="edited_by"', 'name="site"', "Alicja Alfowska")
    assert_hides(response, "Betowska", "Stowarzyszenie Beta")


@pytest.fixture
def volunteering_pages(org_a, org_b):
    return (
        add_content_page(org_a, "Wolontariat w Alfie", slug="wolontariat"),
        add_content_page(org_b, "Wolontariat w Becie", slug="wolontariat"),
    )


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=Wolontariat",
        "/admin/pages/search/results/?q=Wolontariat",
        "/admin/pages/?q=Wolontariat&search_all=1",
    ],
)
@pytest.mark.usefixtures("search_index")
def test_admin_page_search_finds_only_own_organizations_pages(
    client, editor_a, volunteering_pages, url
):
    response = login(client, editor_a).get(url)

    assert_shows(response, "Wolontariat w Alfie")
    assert_hides(response, "Wolontariat w Becie", "Stowarzyszenie Beta")


# --- Editing, publishing, unpublishing -----------------------------------------------


def test_editor_cannot_open_another_organizations_page_for_editing(client, editor_b, page_a):
    before = page_state(page_a)

    response = login(client, editor_b).get(edit_url(page_a))

    assert_refused(response)
    assert_hides(response, "O fundacji", "Fundacja Alfa pomaga.")
    assert page_state(page_a) == before


def test_editor_opens_own_organizations_page_for_editing(client, editor_b, page_b):
    response = login(client, editor_b).get(edit_url(page_b))

    assert_shows(response, "Kim jesteśmy", "Beta działa.")


def test_editor_cannot_save_a_draft_of_another_organizations_page(client, editor_b, page_a):
    before = page_state(page_a)

    response = login(client, editor_b).post(edit_url(page_a), page_form(page_a, title="Przejęte"))

    assert_refused(response)
    assert page_state(page_a) == before


def test_editor_saves_a_draft_of_own_organizations_page(client, editor_b, page_b):
    before = page_state(page_b)

    response = login(client, editor_b).post(edit_url(page_b), page_form(page_b, title="Szkic"))

    assert response.status_code == 302
    after = page_state(page_b)
    assert after["draft_title"] == "Szkic"
    assert after["title"] == "Kim jesteśmy"
    assert after["revisions"] == before["revisions"] + 1


def test_editor_cannot_publish_another_organizations_page(client, editor_b, page_a):
    before = page_state(page_a)
    data = page_form(page_a, title="Przejęte")
    data["action-publish"] = "action-publish"

    response = login(client, editor_b).post(edit_url(page_a), data)

    assert_refused(response)
    assert page_state(page_a) == before


def test_editor_publishes_own_organizations_page(client, editor_b, page_b):
    before = page_state(page_b)
    data = page_form(page_b, title="Kim jesteśmy dziś")
    data["action-publish"] = "action-publish"

    response = login(client, editor_b).post(edit_url(page_b), data)

    assert response.status_code == 302
    after = page_state(page_b)
    assert after["title"] == "Kim jesteśmy dziś"
    assert after["live"]
    assert after["latest_revision"] != before["latest_revision"]


def test_editor_cannot_publish_another_organizations_home_page(client, editor_b, home_a):
    before = page_state(home_a)
    data = page_form(home_a, title="Przejęta fundacja")
    data["action-publish"] = "action-publish"

    response = login(client, editor_b).post(edit_url(home_a), data)

    assert_refused(response)
    assert page_state(home_a) == before


def test_editor_cannot_unpublish_another_organizations_page(client, editor_b, page_a):
    before = page_state(page_a)
    url = reverse("wagtailadmin_pages:unpublish", args=[page_a.pk])
    login(client, editor_b)

    shown = client.get(url)
    posted = client.post(url)

    assert_refused(shown)
    assert_hides(shown, "O fundacji")
    assert_refused(posted)
    assert page_state(page_a) == before
    assert before["live"]


def test_editor_unpublishes_own_organizations_page(client, editor_b, page_b):
    url = reverse("wagtailadmin_pages:unpublish", args=[page_b.pk])

    response = login(client, editor_b).post(url)

    assert response.status_code == 302
    assert page_state(page_b)["live"] is False


def test_editor_cannot_add_a_page_to_another_organizations_site(client, editor_b, home_a):
    before = page_state(home_a)
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_a.pk])
    data = nested_form_data(
        {
            "title": "Podrzucona",
            "slug": "podrzucona",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    login(client, editor_b)

    shown = client.get(url)
    posted = client.post(url, data)

    assert_refused(shown)
    assert_refused(posted)
    assert not Page.objects.filter(title="Podrzucona").exists()
    assert page_state(home_a) == before


def test_editor_adds_a_page_to_own_organizations_site(client, editor_b, home_b):
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_b.pk])
    data = nested_form_data(
        {
            "title": "Nowa",
            "slug": "nowa",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )

    response = login(client, editor_b).post(url, data)

    assert response.status_code == 302
    assert Page.objects.get(title="Nowa").get_parent().pk == home_b.pk


def test_editor_cannot_lock_another_organizations_page(client, editor_b, page_a):
    before = page_state(page_a)

    response = login(client, editor_b).post(reverse("wagtailadmin_pages:lock", args=[page_a.pk]))

    assert_refused(response)
    assert page_state(page_a) == before


def test_editor_locks_own_organizations_page(client, editor_b, page_b):
    response = login(client, editor_b).post(reverse("wagtailadmin_pages:lock", args=[page_b.pk]))

    assert response.status_code == 302
    assert page_state(page_b)["locked"] is True


@pytest.mark.parametrize("view", ["history", "revisions_view", "revisions_compare"])
def test_editor_cannot_read_another_organizations_page_history(client, editor_b, page_a, view):
    page_a.save_revision().publish()
    page_a.refresh_from_db()
    before = page_state(page_a)

    response = login(client, editor_b).get(history_url(view, page_a))

    assert_refused(response)
    assert_hides(response, "O fundacji", "Fundacja Alfa pomaga.")
    assert page_state(page_a) == before


@pytest.mark.parametrize("view", ["history", "revisions_view", "revisions_compare"])
def test_editor_reads_own_organizations_page_history(client, editor_b, page_b, view):
    page_b.save_revision().publish()
    page_b.refresh_from_db()

    response = login(client, editor_b).get(history_url(view, page_b))

    assert_shows(response, "Kim jesteśmy")


def history_url(view, page):
    if view == "history":
        return reverse("wagtailadmin_pages:history", args=[page.pk])
    if view == "revisions_view":
        return reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id])
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"])


# --- Deleting ------------------------------------------------------------------------


def test_moderator_cannot_delete_another_organizations_page(client, moderator_b, page_a):
    before = page_state(page_a)
    url = reverse("wagtailadmin_pages:delete", args=[page_a.pk])
    login(client, moderator_b)

    shown = client.get(url)
    posted = client.post(url)

    assert_refused(shown)
    assert_hides(shown, "O fundacji")
    assert_refused(posted)
    assert page_state(page_a) == before


def test_moderator_cannot_delete_another_organizations_home_page(client, moderator_b, home_a):
    before = page_state(home_a)

    response = login(client, moderator_b).post(
        reverse("wagtailadmin_pages:delete", args=[home_a.pk])
    )

    assert_refused(response)
    assert page_state(home_a) == before


def test_moderator_deletes_own_organizations_page(client, moderator_b, page_b):
    response = login(client, moderator_b).post(
        reverse("wagtailadmin_pages:delete", args=[page_b.pk])
    )

    assert response.status_code == 302
    assert page_state(page_b) is None


# --- Copying and moving --------------------------------------------------------------


def copy_form(dest, title="Kopia", slug="kopia"):
    return {"new_title": title, "new_slug": slug, "new_parent_page": dest.pk}


def test_editor_cannot_copy_another_organizations_page_into_their_own_site(
    client, editor_b, page_a, home_b
):
    before = page_state(page_a), page_state(home_b)
    url = reverse("wagtailadmin_pages:copy", args=[page_a.pk])
    login(client, editor_b)

    shown = client.get(url)
    posted = client.post(url, copy_form(home_b))

    assert_refused(shown)
    assert_hides(shown, "O fundacji")
    assert_refused(posted)
    assert (page_state(page_a), page_state(home_b)) == before
    assert not Page.objects.filter(title="Kopia").exists()


def test_editor_cannot_copy_own_page_into_another_organizations_site(
    client, editor_a, page_a, home_b
):
    before = page_state(home_b)

    response = login(client, editor_a).post(
        reverse("wagtailadmin_pages:copy", args=[page_a.pk]), copy_form(home_b)
    )

    # The form refuses the destination and is shown again.
    assert response.status_code == 200
    assert page_state(home_b) == before
    assert not Page.objects.filter(title="Kopia").exists()


def test_editor_copies_own_page_within_own_site(client, editor_a, page_a, home_a):
    response = login(client, editor_a).post(
        reverse("wagtailadmin_pages:copy", args=[page_a.pk]), copy_form(home_a)
    )

    assert response.status_code == 302
    assert Page.objects.get(title="Kopia").get_parent().pk == home_a.pk


@pytest.fixture
def contact_a(org_a):
    return add_content_page(org_a, "Biuro", slug="biuro")


@pytest.fixture
def contact_b(org_b):
    return add_content_page(org_b, "Biuro Bety", slug="biuro")


def test_moderator_cannot_move_another_organizations_page(
    client, moderator_b, page_a, contact_a, home_b
):
    before = page_state(page_a), page_state(contact_a), page_state(home_b)
    login(client, moderator_b)

    chooser = client.get(reverse("wagtailadmin_pages:move", args=[page_a.pk]))
    into_own_site = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page_a.pk, home_b.pk])
    )
    within_its_site = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page_a.pk, contact_a.pk])
    )

    assert_refused(chooser)
    assert_hides(chooser, "O fundacji")
    assert_refused(into_own_site)
    assert_refused(within_its_site)
    assert (page_state(page_a), page_state(contact_a), page_state(home_b)) == before


def test_moderator_cannot_move_own_page_into_another_organizations_site(
    client, moderator_a, page_a, home_b
):
    before = page_state(page_a), page_state(home_b)

    response = login(client, moderator_a).post(
        reverse("wagtailadmin_pages:move_confirm", args=[page_a.pk, home_b.pk])
    )

    assert_refused(response)
    assert (page_state(page_a), page_state(home_b)) == before


def test_moderator_moves_own_page_within_own_site(client, moderator_b, page_b, contact_b):
    response = login(client, moderator_b).post(
        reverse("wagtailadmin_pages:move_confirm", args=[contact_b.pk, page_b.pk])
    )

    assert response.status_code == 302
    assert page_state(contact_b)["parent"] == page_b.pk


# --- Previews and drafts -------------------------------------------------------------


def test_editor_cannot_preview_another_organizations_page(client, editor_b, page_a):
    before = page_state(page_a)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page_a.pk])
    login(client, editor_b)

    posted = client.post(url, page_form(page_a, title="Podgląd przejęty"))
    shown = client.get(url)

    assert_refused(posted)
    assert_refused(shown)
    assert_hides(shown, "O fundacji", "Podgląd przejęty", "Fundacja Alfa pomaga.")
    assert page_state(page_a) == before


def test_editor_previews_own_organizations_page(client, editor_b, page_b):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page_b.pk])
    login(client, editor_b)

    posted = client.post(url, page_form(page_b, title="Podgląd Bety"))
    shown = client.get(url)

    assert posted.json()["is_valid"] is True
    assert_shows(shown, "Podgląd Bety")


def save_draft(page, title):
    page.title = title
    page.save_revision()
    return page_state(page)


def test_editor_cannot_view_another_organizations_draft(client, editor_b, page_a):
    before = save_draft(page_a, "Szkic Alfy")

    response = login(client, editor_b).get(
        reverse("wagtailadmin_pages:view_draft", args=[page_a.pk])
    )

    assert_refused(response)
    assert_hides(response, "Szkic Alfy", "Fundacja Alfa pomaga.")
    assert page_state(page_a) == before


def test_editor_views_own_organizations_draft(client, editor_b, page_b):
    save_draft(page_b, "Szkic Bety")

    response = login(client, editor_b).get(
        reverse("wagtailadmin_pages:view_draft", args=[page_b.pk])
    )

    assert_shows(response, "Szkic Bety")


# --- Page chooser --------------------------------------------------------------------


def test_page_chooser_root_lists_only_own_organizations_home_pages(
    client, editor_a, home_a, home_b
):
    response = login(client, editor_a).get(reverse("wagtailadmin_choose_page"))

    assert_shows(response, "Fundacja Alfa")
    assert_hides(response, "Stowarzyszenie Beta")


def test_page_chooser_root_of_the_other_organization_lists_only_its_home_pages(
    client, editor_b, home_a, home_b
):
    response = login(client, editor_b).get(reverse("wagtailadmin_choose_page"))

    assert_shows(response, "Stowarzyszenie Beta")
    assert_hides(response, "Fundacja Alfa")


@pytest.mark.parametrize("target", ["home_b", "page_b"])
def test_page_chooser_refuses_to_browse_another_organizations_page(
    client, request, editor_a, page_b, target
):
    page = request.getfixturevalue(target)

    response = login(client, editor_a).get(
        reverse("wagtailadmin_choose_page_child", args=[page.pk])
    )

    assert_refused(response)
    assert_hides(response, *BETA_TITLES)


def test_page_chooser_browses_own_organizations_pages(client, editor_a, home_a, page_a):
    response = login(client, editor_a).get(
        reverse("wagtailadmin_choose_page_child", args=[home_a.pk])
    )

    assert_shows(response, "Fundacja Alfa", "O fundacji")


@pytest.mark.usefixtures("search_index")
def test_page_chooser_search_finds_only_own_organizations_pages(
    client, editor_a, volunteering_pages
):
    response = login(client, editor_a).get(
        reverse("wagtailadmin_choose_page_search"), {"q": "Wolontariat"}
    )

    assert_shows(response, "Wolontariat w Alfie")
    assert_hides(response, "Wolontariat w Becie")


def test_page_chooser_does_not_describe_another_organizations_page_as_chosen(
    client, editor_a, page_a, page_b
):
    response = login(client, editor_a).get(
        reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [page_a.pk, page_b.pk]}
    )

    assert_shows(response, "O fundacji")
    assert_hides(response, "Kim jesteśmy", "beta.localhost")
    assert [page["id"] for page in response.json()["result"]] == [page_a.pk]


def test_page_chooser_for_a_page_type_opens_at_own_pages_only(
    client, editor_a, editor_b, home_a, page_b
):
    # Only the other organization has content pages: Wagtail would open the chooser at
    # their common ancestor, the other organization's home page. (Each organization's
    # standard pages are content pages too; they go, to leave the other's alone.)
    for home in home_a.get_translations(inclusive=True):
        for page in list(ContentPage.objects.child_of(home)):
            page.delete()
    url = reverse("wagtailadmin_choose_page")

    refused = login(client, editor_a).get(url, {"page_type": "home.contentpage"})
    own = login(client, editor_b).get(url, {"page_type": "home.contentpage"})

    assert refused.status_code == 200
    assert_hides(refused, *BETA_TITLES)
    # Beta's content pages stand under its home page in Polish and in Ukrainian: the
    # chooser opens at the top, where only Beta's own home pages are offered.
    assert_shows(own, "Stowarzyszenie Beta")
    assert_hides(own, "Fundacja Alfa")


# --- Images --------------------------------------------------------------------------


def test_image_listing_shows_only_own_collection(client, editor_a, image_a, image_b):
    response = login(client, editor_a).get(reverse("wagtailimages:index"))

    assert_shows(response, "Plakat Alfa")
    assert_hides(response, "Plakat Beta", "Stowarzyszenie Beta")


@pytest.mark.parametrize(
    "url",
    ["/admin/images/chooser/", "/admin/images/chooser/results/?q=Plakat"],
)
@pytest.mark.usefixtures("search_index")
@pytest.mark.parametrize("role", ["editor_a", "translator_a"])
def test_image_chooser_offers_only_own_collection(client, request, image_a, image_b, url, role):
    response = login(client, request.getfixturevalue(role)).get(url)

    assert_shows(response, "Plakat Alfa")
    assert_hides(response, "Plakat Beta")


def test_image_chooser_refuses_another_organizations_image_as_chosen(
    client, editor_a, image_a, image_b
):
    login(client, editor_a)

    other = client.get(reverse("wagtailimages_chooser:chosen", args=[image_b.pk]))
    own = client.get(reverse("wagtailimages_chooser:chosen", args=[image_a.pk]))

    assert_refused(other)
    assert_hides(other, "Plakat Beta")
    assert_shows(own, "Plakat Alfa")


def image_form(image, org, **overrides):
    data = {
        "title": image.title,
        "collection": org.collection_id,
        "tags": "",
        "description": "",
        "file": image_upload(),
    }
    data.update(overrides)
    if data["file"] is None:
        del data["file"]
    return data


def test_editor_cannot_edit_another_organizations_image(client, editor_b, org_b, image_a):
    before = media_state(image_a)
    url = reverse("wagtailimages:edit", args=[image_a.pk])
    login(client, editor_b)

    shown = client.get(url)
    posted = client.post(url, image_form(image_a, org_b, title="Przejęty plakat"))

    assert_refused(shown)
    assert_hides(shown, "Plakat Alfa")
    assert_refused(posted)
    assert media_state(image_a) == before


def test_editor_edits_own_organizations_image(client, editor_b, org_b, image_b):
    before = media_state(image_b)

    response = login(client, editor_b).post(
        reverse("wagtailimages:edit", args=[image_b.pk]),
        image_form(image_b, org_b, title="Nowy plakat Bety"),
    )

    assert response.status_code == 302
    after = media_state(image_b)
    assert after["title"] == "Nowy plakat Bety"
    assert after["file"] != before["file"]


def test_moderator_cannot_delete_another_organizations_image(client, moderator_b, image_a):
    before = media_state(image_a)
    url = reverse("wagtailimages:delete", args=[image_a.pk])
    login(client, moderator_b)

    shown = client.get(url)
    posted = client.post(url)

    assert_refused(shown)
    assert_hides(shown, "Plakat Alfa")
    assert_refused(posted)
    assert media_state(image_a) == before


def test_moderator_deletes_own_organizations_image(client, moderator_b, image_b):
    response = login(client, moderator_b).post(reverse("wagtailimages:delete", args=[image_b.pk]))

    assert response.status_code == 302
    assert media_state(image_b) is None


def test_editor_cannot_upload_an_image_into_another_organizations_collection(
    client, editor_a, org_a, org_b
):
    login(client, editor_a).post(
        reverse("wagtailimages:add"),
        {"title": "Podrzucony", "collection": org_b.collection_id, "file": image_upload()},
    )

    # Wagtail offers only the collections one may add to; with just one, it ignores the
    # posted collection and files the upload there.
    assert not Image.objects.filter(collection=org_b.collection).exists()
    assert Image.objects.get(title="Podrzucony").collection_id == org_a.collection_id


def test_editor_uploads_an_image_into_own_collection(client, editor_a, org_a):
    response = login(client, editor_a).post(
        reverse("wagtailimages:add"),
        {"title": "Nowy", "collection": org_a.collection_id, "file": image_upload()},
    )

    assert response.status_code == 302
    assert Image.objects.get(title="Nowy").collection == org_a.collection


def test_editor_cannot_move_own_image_into_another_organizations_collection(
    client, editor_a, org_b, image_a
):
    before = media_state(image_a)

    login(client, editor_a).post(
        reverse("wagtailimages:edit", args=[image_a.pk]),
        image_form(image_a, org_b, file=None),
    )

    assert media_state(image_a) == before
    assert not Image.objects.filter(collection=org_b.collection).exists()


# --- Documents -----------------------------------------------------------------------


def test_document_listing_shows_only_own_collection(client, editor_a, document_a, document_b):
    response = login(client, editor_a).get(reverse("wagtaildocs:index"))

    assert_shows(response, "Raport Alfa")
    assert_hides(response, "Raport Beta", "Stowarzyszenie Beta")


@pytest.mark.parametrize(
    "url",
    ["/admin/documents/chooser/", "/admin/documents/chooser/results/?q=Raport"],
)
@pytest.mark.usefixtures("search_index")
@pytest.mark.parametrize("role", ["editor_a", "translator_a"])
def test_document_chooser_offers_only_own_collection(
    client, request, document_a, document_b, url, role
):
    response = login(client, request.getfixturevalue(role)).get(url)

    assert_shows(response, "Raport Alfa")
    assert_hides(response, "Raport Beta")


def test_document_chooser_refuses_another_organizations_document_as_chosen(
    client, editor_a, document_a, document_b
):
    login(client, editor_a)

    other = client.get(reverse("wagtaildocs_chooser:chosen", args=[document_b.pk]))
    own = client.get(reverse("wagtaildocs_chooser:chosen", args=[document_a.pk]))

    assert_refused(other)
    assert_hides(other, "Raport Beta")
    assert_shows(own, "Raport Alfa")


def document_form(document, org, **overrides):
    data = {
        "title": document.title,
        "collection": org.collection_id,
        "tags": "",
        "file": ContentFile(b"%PDF-1.4 nowy", name="nowy.pdf"),
    }
    data.update(overrides)
    if data["file"] is None:
        del data["file"]
    return data


def test_editor_cannot_edit_another_organizations_document(client, editor_b, org_b, document_a):
    before = media_state(document_a)
    url = reverse("wagtaildocs:edit", args=[document_a.pk])
    login(client, editor_b)

    shown = client.get(url)
    posted = client.post(url, document_form(document_a, org_b, title="Przejęty raport"))

    assert_refused(shown)
    assert_hides(shown, "Raport Alfa")
    assert_refused(posted)
    assert media_state(document_a) == before


def test_editor_edits_own_organizations_document(client, editor_b, org_b, document_b):
    before = media_state(document_b)

    response = login(client, editor_b).post(
        reverse("wagtaildocs:edit", args=[document_b.pk]),
        document_form(document_b, org_b, title="Nowy raport Bety"),
    )

    assert response.status_code == 302
    after = media_state(document_b)
    assert after["title"] == "Nowy raport Bety"
    assert after["file"] != before["file"]


def test_moderator_cannot_delete_another_organizations_document(client, moderator_b, document_a):
    before = media_state(document_a)
    url = reverse("wagtaildocs:delete", args=[document_a.pk])
    login(client, moderator_b)

    shown = client.get(url)
    posted = client.post(url)

    assert_refused(shown)
    assert_hides(shown, "Raport Alfa")
    assert_refused(posted)
    assert media_state(document_a) == before


def test_moderator_deletes_own_organizations_document(client, moderator_b, document_b):
    response = login(client, moderator_b).post(reverse("wagtaildocs:delete", args=[document_b.pk]))

    assert response.status_code == 302
    assert media_state(document_b) is None


def test_editor_cannot_upload_a_document_into_another_organizations_collection(
    client, editor_a, org_a, org_b
):
    login(client, editor_a).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Podrzucony raport",
            "collection": org_b.collection_id,
            "file": ContentFile(b"%PDF-1.4", name="podrzucony.pdf"),
        },
    )

    assert not Document.objects.filter(collection=org_b.collection).exists()
    assert Document.objects.get(title="Podrzucony raport").collection_id == org_a.collection_id


def test_editor_cannot_move_own_document_into_another_organizations_collection(
    client, editor_a, org_b, document_a
):
    before = media_state(document_a)

    login(client, editor_a).post(
        reverse("wagtaildocs:edit", args=[document_a.pk]),
        document_form(document_a, org_b, file=None),
    )

    assert media_state(document_a) == before
    assert not Document.objects.filter(collection=org_b.collection).exists()


def test_editor_uploads_a_document_into_own_collection(client, editor_a, org_a):
    response = login(client, editor_a).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nowy raport",
            "collection": org_a.collection_id,
            "file": ContentFile(b"%PDF-1.4", name="nowy.pdf"),
        },
    )

    assert response.status_code == 302
    assert Document.objects.get(title="Nowy raport").collection == org_a.collection


# --- Bulk actions --------------------------------------------------------------------


def test_bulk_delete_neither_lists_nor_deletes_another_organizations_pages(
    client, moderator_a, page_a, page_b, home_b
):
    before = page_state(page_b)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    login(client, moderator_a)

    chosen = client.get(url, {"id": [page_a.pk, page_b.pk]})
    all_children = client.get(url, {"id": "all", "childOf": home_b.pk})
    posted = client.post(f"{url}?id={page_a.pk}&id={page_b.pk}")

    assert_shows(chosen, "O fundacji")
    assert_hides(chosen, "Kim jesteśmy")
    assert_hides(all_children, *BETA_TITLES)
    assert posted.status_code == 302
    assert page_state(page_b) == before
    assert page_state(page_a) is None


@pytest.mark.parametrize(
    ("app_label", "model_name", "own", "other"),
    [
        ("wagtailimages", "image", "image_a", "image_b"),
        ("wagtaildocs", "document", "document_a", "document_b"),
    ],
)
def test_bulk_delete_neither_lists_nor_deletes_another_organizations_media(
    client, request, moderator_a, app_label, model_name, own, other
):
    own, other = request.getfixturevalue(own), request.getfixturevalue(other)
    before = media_state(other)
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
    login(client, moderator_a)

    chosen = client.get(url, {"id": [own.pk, other.pk]})
    posted = client.post(f"{url}?id={own.pk}&id={other.pk}")

    assert_shows(chosen, own.title)
    assert_hides(chosen, other.title)
    assert posted.status_code == 302
    assert media_state(other) == before
    assert media_state(own) is None


# --- Organization settings -----------------------------------------------------------


def test_editor_cannot_open_another_organizations_settings(client, editor_a, org_b):
    before = settings_state(org_b)

    response = login(client, editor_a).get(settings_url(org_b))

    assert_refused(response)
    assert_hides(response, "Stowarzyszenie Beta")
    assert settings_state(org_b) == before


def test_editor_cannot_change_another_organizations_settings(client, editor_a, org_b):
    org_b.contact_email = "biuro@beta.example"
    org_b.save()
    before = settings_state(org_b)
    data = settings_form(
        org_b, name="Przejęte", primary_colour="#2f5d3a", contact_email="zlodziej@example.org"
    )

    response = login(client, editor_a).post(settings_url(org_b), data)

    assert_refused(response)
    assert settings_state(org_b) == before


def test_editor_changes_own_organizations_settings(client, editor_a, org_a, org_b):
    response = login(client, editor_a).post(
        settings_url(org_a),
        settings_form(
            org_a, name="Fundacja Alfa Plus", primary_colour="#2f5d3a", languages=["pl", "en"]
        ),
    )

    assert response.status_code == 302
    after = settings_state(org_a)
    assert after["name"] == "Fundacja Alfa Plus"
    assert after["primary_colour"] == "#2f5d3a"
    assert after["languages"] == ["pl", "en"]


def test_settings_of_own_organization_name_no_other_site(client, editor_a, org_a, org_b):
    response = login(client, editor_a).get(settings_url(org_a))

    assert_shows(response, "Fundacja Alfa")
    # No site switcher offering the other organization's site.
    assert_hides(response, "Stowarzyszenie Beta", "beta.localhost")


def test_settings_refuse_another_organizations_page_as_privacy_policy(
    client, editor_a, org_a, page_b
):
    before = settings_state(org_a)

    response = login(client, editor_a).post(
        settings_url(org_a), settings_form(org_a, privacy_policy_page=page_b.pk)
    )

    assert response.status_code == 200
    assert settings_state(org_a) == before


def test_settings_accept_own_page_as_privacy_policy(client, editor_a, org_a, page_a):
    response = login(client, editor_a).post(
        settings_url(org_a), settings_form(org_a, privacy_policy_page=page_a.pk)
    )

    assert response.status_code == 302
    assert settings_state(org_a)["privacy_policy_page"] == page_a.pk


def test_settings_refuse_another_organizations_image_as_logo(client, editor_a, org_a, image_b):
    before = settings_state(org_a)

    login(client, editor_a).post(settings_url(org_a), settings_form(org_a, logo=image_b.pk))

    assert settings_state(org_a) == before


def test_settings_accept_own_image_as_logo(client, editor_a, org_a, image_a):
    response = login(client, editor_a).post(
        settings_url(org_a), settings_form(org_a, logo=image_a.pk)
    )

    assert response.status_code == 302
    assert settings_state(org_a)["logo"] == image_a.pk


def test_home_page_refuses_another_organizations_image_as_hero(client, editor_a, home_a, image_b):
    login(client, editor_a).post(edit_url(home_a), page_form(home_a, hero_image=image_b.pk))

    assert latest_hero_image(home_a) is None


def test_home_page_accepts_own_image_as_hero(client, editor_a, home_a, image_a):
    response = login(client, editor_a).post(
        edit_url(home_a), page_form(home_a, hero_image=image_a.pk)
    )

    assert response.status_code == 302
    assert latest_hero_image(home_a) == image_a.pk


def latest_hero_image(home):
    return Page.objects.get(pk=home.pk).specific.get_latest_revision_as_object().hero_image_id


# --- Reports -------------------------------------------------------------------------


def test_page_types_usage_report_is_refused_to_organization_staff(client, editor_a, page_a, page_b):
    login(client, editor_a)

    report = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    results = client.get(reverse("wagtailadmin_reports:page_types_usage_results"))
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert_refused(report)
    assert_refused(results)
    assert_hides(report, "Kim jesteśmy")
    assert_hides(dashboard, "page-types-usage")


def test_page_types_usage_report_is_open_to_superusers(client, superuser, page_a, page_b):
    login(client, superuser)

    report = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    dashboard = client.get(reverse("wagtailadmin_home"))

    assert_shows(report, "Kim jesteśmy")
    assert_shows(dashboard, "page-types-usage")


def test_site_history_shows_only_own_organizations_entries_and_staff(
    client, editor_a, moderator_a, editor_b, page_a, page_b
):
    named(moderator_a, "Alicja", "Alfowska")
    named(editor_b, "Bogna", "Betowska")
    page_a.save_revision(user=moderator_a, log_action=True).publish(user=moderator_a)
    page_b.save_revision(user=editor_b, log_action=True).publish(user=editor_b)

    response = login(client, editor_a).get(reverse("wagtailadmin_reports:site_history"))

    assert_shows(response, "O fundacji", "Alicja Alfowska")
    assert_hides(response, "Kim jesteśmy", "Betowska")


def test_translations_report_lists_only_own_organizations_translations(
    client, translator_a, org_a, org_b
):
    response = login(client, translator_a).get(reverse("wagtail_localize:translations_report"))

    assert_shows(response, "Fundacja Alfa")
    assert_hides(response, "Stowarzyszenie Beta")


# --- wagtail-localize ----------------------------------------------------------------


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def translations_of(page, locale):
    return {
        "pages": Page.objects.filter(translation_key=page.translation_key, locale=locale).count(),
        "translations": Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=locale
        ).count(),
    }


@pytest.mark.parametrize("role", ["editor_b", "translator_b"])
def test_staff_cannot_submit_a_translation_of_another_organizations_page(
    client, request, django_capture_on_commit_callbacks, page_a, role
):
    en = Locale.objects.get(language_code="en")
    before = translations_of(page_a, en), page_state(page_a)
    login(client, request.getfixturevalue(role))

    shown = client.get(submit_url(page_a))
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(submit_url(page_a), {"locales": [en.pk]})

    assert_refused(shown)
    assert_hides(shown, "O fundacji")
    assert_refused(posted)
    assert (translations_of(page_a, en), page_state(page_a)) == before
    assert before[0] == {"pages": 0, "translations": 0}


# The translator fixtures translate into Ukrainian.
@pytest.mark.parametrize(("role", "language"), [("editor_a", "en"), ("translator_a", "uk")])
def test_staff_submit_a_translation_of_own_organizations_page(
    client, request, django_capture_on_commit_callbacks, page_a, role, language
):
    locale = Locale.objects.get(language_code=language)
    login(client, request.getfixturevalue(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(page_a), {"locales": [locale.pk]})

    assert response.status_code == 302
    assert translations_of(page_a, locale) == {"pages": 1, "translations": 1}
    translated = Page.objects.get(translation_key=page_a.translation_key, locale=locale)
    assert translated.get_parent().get_site() == page_a.get_site()


@pytest.fixture
def translated_page_a(django_capture_on_commit_callbacks, page_a):
    """page_a in English, then changed in Polish: its translation can be updated."""
    en = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [en]).create_translations(page_a)
    page_a.title = "O fundacji – nowa wersja"
    page_a.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page_a.translation_key)
    return source, Page.objects.get(translation_key=page_a.translation_key, locale=en)


def translation_state(source, translated):
    source.refresh_from_db()
    return source.last_updated_at, page_state(translated)


def test_editor_cannot_update_translations_of_another_organizations_page(
    client, django_capture_on_commit_callbacks, editor_b, translated_page_a
):
    source, translated = translated_page_a
    before = translation_state(source, translated)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    login(client, editor_b)

    shown = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(url, {"publish_translations": "on"})

    assert_refused(shown)
    assert_hides(shown, "O fundacji")
    assert_refused(posted)
    assert translation_state(source, translated) == before


def test_editor_updates_translations_of_own_organizations_page(
    client, django_capture_on_commit_callbacks, editor_a, translated_page_a
):
    source, translated = translated_page_a
    before_updated, before_page = translation_state(source, translated)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, editor_a).post(url, {"publish_translations": "on"})

    assert response.status_code == 302
    after_updated, after_page = translation_state(source, translated)
    assert after_updated > before_updated
    assert after_page["revisions"] == before_page["revisions"] + 1


def test_form_pages_listing_filters_offer_only_own_organizations_sites_and_staff(
    client, editor_a, moderator_a, editor_b, page_a, page_b
):
    named(moderator_a, "Alicja", "Alfowska")
    named(editor_b, "Bogna", "Betowska")
    for page, user in [(page_a, moderator_a), (page_b, editor_b)]:
        page.owner = user
        page.save_revision(user=user, log_action=True).publish(user=user)

    response = login(client, editor_a).get(reverse("wagtailforms:index"))

    assert_shows(response, 'name="site"', "Fundacja Alfa", "Alicja Alfowska")
    assert_hides(response, "Betowska", "Stowarzyszenie Beta")

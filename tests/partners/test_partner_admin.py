"""The partner directory in the admin: every organization chooses from all of it; only the
organization that added a partner changes, deletes or translates it.

Refusals check the database as well as the response, and each has a control beside it:
the same action by the owner's staff works and changes the database.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.client import encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator

from organizations.provisioning import group_name
from partners.models import Partner
from tests.home.helpers import (
    assert_hides,
    assert_refused,
    assert_shows,
    login,
    make_image,
    text_of,
)
from tests.partners.helpers import make_logo, partner_state
from tests.utils import make_organization, make_staff

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


def url(name, *args):
    return reverse(f"wagtailsnippets_partners_partner:{name}", args=args)


def chooser_url(name, *args):
    return reverse(f"wagtailsnippetchoosers_partners_partner:{name}", args=args)


def partner_form(**fields):
    data = {"name": "", "logo": "", "website": "", "description": ""}
    data.update(fields)
    return data


# --- Choosing and listing: the whole directory -----------------------------------------


@pytest.mark.usefixtures("search_index")
def test_editor_chooses_another_organizations_partner(client, editor_b, partner_a, partner_b):
    login(client, editor_b)

    offered = client.get(chooser_url("choose"))
    found = client.get(chooser_url("choose_results"), {"q": "Stocznia"})
    chosen = client.get(chooser_url("chosen", partner_a.pk))

    assert_shows(offered, "Fundacja Stocznia", "Gmina Miasta Toruń")
    assert_shows(found, "Fundacja Stocznia")
    assert_hides(found, "Gmina Miasta Toruń")
    assert chosen.json()["result"]["id"] == str(partner_a.pk)
    assert chosen.json()["result"]["string"] == "Fundacja Stocznia"
    assert partner_state(partner_a)["site"] == partner_a.site_id


def test_listing_shows_every_organizations_partners_with_their_organization(
    client, editor_b, partner_a, partner_b
):
    response = login(client, editor_b).get(url("list"))

    assert_shows(response, "Fundacja Stocznia", "Fundacja Alfa", "Gmina Miasta Toruń")
    html = text_of(response)
    # Only one's own partners are offered for editing, deleting and translating.
    assert url("edit", partner_b.pk) in html
    assert submit_url(partner_b) in html
    assert url("edit", partner_a.pk) not in html
    assert url("delete", partner_a.pk) not in html
    assert submit_url(partner_a) not in html
    assert Partner.objects.count() == 2


@pytest.mark.usefixtures("search_index")
def test_listing_search_finds_partners_by_name(client, editor_b, partner_a, partner_b):
    response = login(client, editor_b).get(url("list_results"), {"q": "Toruń"})

    assert_shows(response, "Gmina Miasta Toruń")
    assert_hides(response, "Fundacja Stocznia")


# --- Changing and deleting: the owner only --------------------------------------------


@pytest.mark.parametrize("role", ["editor_b", "moderator_b", "translator_b"])
def test_staff_cannot_edit_another_organizations_partner(client, request, partner_a, role):
    before = partner_state(partner_a)
    login(client, request.getfixturevalue(role))

    shown = client.get(url("edit", partner_a.pk))
    posted = client.post(url("edit", partner_a.pk), partner_form(name="Przejęta"))

    assert_refused(shown)
    assert_hides(shown, "stocznia.org.pl")
    assert_refused(posted)
    assert partner_state(partner_a) == before


@pytest.mark.parametrize("role", ["editor_a", "moderator_a"])
def test_staff_edit_own_organizations_partner(client, request, partner_a, role):
    login(client, request.getfixturevalue(role))

    shown = client.get(url("edit", partner_a.pk))
    posted = client.post(
        url("edit", partner_a.pk),
        partner_form(name="Fundacja Stocznia", website="https://stocznia.org.pl/en/"),
    )

    assert_shows(shown, "https://stocznia.org.pl/")
    assert posted.status_code == 302
    assert partner_state(partner_a)["website"] == "https://stocznia.org.pl/en/"
    assert partner_state(partner_a)["site"] == partner_a.site_id


def test_translator_cannot_change_the_original_partner(client, translator_a, partner_a):
    before = partner_state(partner_a)
    login(client, translator_a)

    assert_refused(client.get(url("edit", partner_a.pk)))
    assert_refused(
        client.post(url("edit", partner_a.pk), partner_form(name="Zmieniona", website=""))
    )
    assert partner_state(partner_a) == before


@pytest.mark.parametrize("role", ["editor_b", "moderator_b"])
def test_staff_cannot_delete_another_organizations_partner(client, request, partner_a, role):
    before = partner_state(partner_a)
    login(client, request.getfixturevalue(role))

    shown = client.get(url("delete", partner_a.pk))
    posted = client.post(url("delete", partner_a.pk))

    assert_refused(shown)
    assert_refused(posted)
    assert partner_state(partner_a) == before


def test_bulk_delete_leaves_another_organizations_partner(
    client, moderator_b, partner_a, partner_b
):
    bulk_url = reverse("wagtail_bulk_action", args=["partners", "partner", "delete"])
    query = f"?id={partner_a.pk}&id={partner_b.pk}"
    login(client, moderator_b)

    shown = client.get(bulk_url + query)
    posted = client.post(bulk_url + query)

    # The confirmation names the other organization's partner among those it will keep.
    kept = text_of(shown).split("Nie masz uprawnień")[1]
    assert "Fundacja Stocznia" in kept
    assert posted.status_code == 302
    assert partner_state(partner_a) is not None
    assert partner_state(partner_b) is None


@pytest.mark.parametrize("role", ["editor_a", "moderator_a"])
def test_staff_delete_own_organizations_partner(client, request, partner_a, role):
    response = login(client, request.getfixturevalue(role)).post(url("delete", partner_a.pk))

    assert response.status_code == 302
    assert partner_state(partner_a) is None


def test_translator_may_neither_add_nor_delete_partners(client, translator_a, partner_a):
    login(client, translator_a)

    added = client.post(url("add"), partner_form(name="Nowy partner"))
    deleted = client.post(url("delete", partner_a.pk))

    assert_refused(added)
    assert_refused(deleted)
    assert not Partner.objects.filter(name="Nowy partner").exists()
    assert partner_state(partner_a) is not None


def test_editor_cannot_read_another_organizations_partner_history(client, editor_b, partner_a):
    response = login(client, editor_b).get(url("history", partner_a.pk))

    assert_refused(response)
    assert_hides(response, "alfa-editors")


# --- Adding: filed under one's own organization --------------------------------------


def test_new_partner_is_filed_under_own_organization_whatever_the_form_says(
    client, editor_b, org_a, org_b
):
    login(client, editor_b)

    form = client.get(url("add"))
    response = client.post(
        url("add"),
        partner_form(name="Fundacja KOSMOS", site=org_a.site_id, website="https://kosmos.org"),
    )

    # With one organization there is nothing to choose: the field is not shown.
    assert 'name="site"' not in text_of(form)
    assert response.status_code == 302
    partner = Partner.objects.get(name="Fundacja KOSMOS")
    assert partner.site == org_b.site
    assert partner.locale.language_code == "pl"


def test_staff_of_two_organizations_choose_which_of_them_a_partner_belongs_to(
    client, org_a, org_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        org_c = make_organization(
            django_capture_on_commit_callbacks,
            name="Fundacja Gamma",
            slug="gamma",
            hostname="gamma.localhost",
            languages=["pl"],
        )
    user = make_staff(org_a, "editors", username="both")
    user.groups.add(Group.objects.get(name=group_name(org_b.name, "editors")))
    login(client, user)

    form = text_of(client.get(url("add")))
    refused = client.post(url("add"), partner_form(name="Cudzy", site=org_c.site_id))
    accepted = client.post(url("add"), partner_form(name="Nasz", site=org_b.site_id))

    assert "Fundacja Alfa" in form
    assert "Stowarzyszenie Beta" in form
    assert "Fundacja Gamma" not in form
    assert refused.status_code == 200
    assert "Wybierz poprawną wartość" in text_of(refused)  # the admin speaks Polish
    assert not Partner.objects.filter(name="Cudzy").exists()
    assert accepted.status_code == 302
    assert Partner.objects.get(name="Nasz").site == org_b.site


def test_partner_refuses_another_organizations_image_as_logo(client, editor_b, org_a, org_b):
    image_a = make_image(org_a, "Logo Alfa")
    login(client, editor_b)

    refused = client.post(url("add"), partner_form(name="Z cudzym logo", logo=image_a.pk))
    accepted = client.post(
        url("add"), partner_form(name="Z własnym logo", logo=make_image(org_b, "Logo Beta").pk)
    )

    assert refused.status_code == 200
    assert not Partner.objects.filter(name="Z cudzym logo").exists()
    assert accepted.status_code == 302
    assert Partner.objects.get(name="Z własnym logo").logo.title == "Logo Beta"


def test_superuser_changes_any_organizations_partner(client, partner_a):
    admin = get_user_model().objects.create_superuser(
        username="root", email="root@example.org", password="x"
    )

    response = login(client, admin).post(
        url("edit", partner_a.pk),
        partner_form(name="Fundacja Stocznia", site=partner_a.site_id, description="Nowy opis."),
    )

    assert response.status_code == 302
    assert partner_state(partner_a)["description"] == "Nowy opis."


def test_a_partner_outlives_the_organization_that_added_it_and_is_then_the_administrators(
    client, org_a, editor_b, partner_a
):
    """Other organizations' pages may show it; deleting a site must not take it away."""
    org_a.site.delete()
    partner_a.refresh_from_db()
    assert partner_a.site is None
    before = partner_state(partner_a)

    chosen = login(client, editor_b).get(chooser_url("choose"))
    refused = client.post(url("edit", partner_a.pk), partner_form(name="Przejęta"))

    assert_shows(chosen, partner_a.name)
    assert_refused(refused)
    assert partner_state(partner_a) == before

    admin = get_user_model().objects.create_superuser(
        username="root", email="root@example.org", password="x"
    )
    listing = login(client, admin).get(url("list"))
    assert_shows(listing, partner_a.name)


# --- Translating: the owner only ------------------------------------------------------


def submit_url(partner):
    return reverse(
        "wagtail_localize:submit_snippet_translation", args=["partners", "partner", partner.pk]
    )


def translations_of(partner, language):
    return {
        "partners": Partner.objects.filter(
            translation_key=partner.translation_key, locale__language_code=language
        ).count(),
        "translations": Translation.objects.filter(
            source__object_id=partner.translation_key, target_locale__language_code=language
        ).count(),
    }


@pytest.mark.parametrize("role", ["editor_b", "translator_b"])
def test_staff_cannot_submit_a_translation_of_another_organizations_partner(
    client, request, django_capture_on_commit_callbacks, partner_a, role
):
    uk = Locale.objects.get(language_code="uk")
    before = partner_state(partner_a)
    login(client, request.getfixturevalue(role))

    shown = client.get(submit_url(partner_a))
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(submit_url(partner_a), {"locales": [uk.pk]})

    assert_refused(shown)
    assert_hides(shown, "Fundacja Stocznia")
    assert_refused(posted)
    assert translations_of(partner_a, "uk") == {"partners": 0, "translations": 0}
    assert partner_state(partner_a) == before


@pytest.mark.parametrize("role", ["editor_a", "translator_a"])
def test_staff_submit_a_translation_of_own_organizations_partner(
    client, request, django_capture_on_commit_callbacks, partner_a, role
):
    uk = Locale.objects.get(language_code="uk")
    login(client, request.getfixturevalue(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(partner_a), {"locales": [uk.pk]})

    assert response.status_code == 302
    assert translations_of(partner_a, "uk") == {"partners": 1, "translations": 1}
    translated = Partner.objects.get(translation_key=partner_a.translation_key, locale=uk)
    # The translation belongs to the same organization, which alone may change it.
    assert translated.site == partner_a.site


@pytest.fixture
def partner_a_in_ukrainian(django_capture_on_commit_callbacks, partner_a):
    uk = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [uk]).create_translations(partner_a)
    translation = Translation.objects.get(
        source__object_id=partner_a.translation_key, target_locale=uk
    )
    return translation, Partner.objects.get(translation_key=partner_a.translation_key, locale=uk)


def test_editor_cannot_open_another_organizations_partner_translation(
    client, translator_b, partner_a_in_ukrainian
):
    translation, translated = partner_a_in_ukrainian
    before = partner_state(translated)
    login(client, translator_b)

    editor = client.get(url("edit", translated.pk))
    po_file = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    stopped = client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))

    assert_refused(editor)
    assert_refused(po_file)
    assert_refused(stopped)
    assert partner_state(translated) == before
    assert Translation.objects.get(pk=translation.pk).enabled


def string_url(translation, text):
    segment = StringSegment.objects.get(
        context__object_id=translation.source.object_id, string__data=text
    )
    return reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])


def put_string(client, url, value):
    return client.put(url, urlencode({"value": value}), content_type=FORM)


def test_translator_cannot_translate_another_organizations_partner(
    client, translator_b, partner_a_in_ukrainian
):
    translation, _translated = partner_a_in_ukrainian
    login(client, translator_b)

    response = put_string(client, string_url(translation, "Fundacja Stocznia"), "Фонд «Верф»")

    assert_refused(response)
    assert not StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    ).exists()


def test_translator_translates_own_organizations_partner_string_by_string(
    client, translator_a, partner_a_in_ukrainian
):
    translation, translated = partner_a_in_ukrainian
    login(client, translator_a)

    editor = client.get(url("edit", translated.pk))
    po_file = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    response = put_string(client, string_url(translation, "Fundacja Stocznia"), "Фонд «Верф»")

    assert editor.status_code == 200
    assert 'msgid "Fundacja Stocznia"' in po_file.content.decode()
    assert response.status_code == 201
    assert (
        StringTranslation.objects.get(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).data
        == "Фонд «Верф»"
    )


def test_editor_cannot_update_translations_of_another_organizations_partner(
    client, django_capture_on_commit_callbacks, editor_b, partner_a, partner_a_in_ukrainian
):
    _translation, translated = partner_a_in_ukrainian
    partner_a.name = "Fundacja Stocznia – nowa nazwa"
    partner_a.save()
    source = TranslationSource.objects.get(object_id=partner_a.translation_key)
    update_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    before = source.last_updated_at, partner_state(translated)
    login(client, editor_b)

    shown = client.get(update_url)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(update_url, {"publish_translations": "on"})

    assert_refused(shown)
    assert_refused(posted)
    source.refresh_from_db()
    assert (source.last_updated_at, partner_state(translated)) == before


def test_editor_updates_translations_of_own_organizations_partner(
    client, django_capture_on_commit_callbacks, editor_a, partner_a, partner_a_in_ukrainian
):
    partner_a.description = "Nowy opis."
    partner_a.save()
    source = TranslationSource.objects.get(object_id=partner_a.translation_key)
    before = source.last_updated_at

    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, editor_a).post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )

    assert response.status_code == 302
    source.refresh_from_db()
    assert source.last_updated_at > before


@pytest.fixture
def logo_in_ukrainian(django_capture_on_commit_callbacks, org_a, partner_a):
    """Org A's partner with a logo, translated into Ukrainian: the logo is an override."""
    partner_a.logo = make_logo(org_a, "Stocznia – logo")
    partner_a.save()
    uk = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [uk]).create_translations(partner_a)
    translation = Translation.objects.get(
        source__object_id=partner_a.translation_key, target_locale=uk
    )
    segment = OverridableSegment.objects.get(
        context__object_id=partner_a.translation_key, context__path="logo"
    )
    return translation, reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])


def put_override(client, url, value):
    """As wagtail-localize's editor sends it: multipart form data."""
    boundary = "BoUnDaRy"
    body = encode_multipart(boundary, {"value": str(value)})
    return client.put(url, body, content_type=f"multipart/form-data; boundary={boundary}")


def test_translator_cannot_give_a_translation_another_organizations_image(
    client, translator_a, org_a, org_b, logo_in_ukrainian
):
    _translation, override_url = logo_in_ukrainian
    theirs = make_logo(org_b, "Logo Bety")
    ours = make_logo(org_a, "Nowe logo")
    login(client, translator_a)

    refused = put_override(client, override_url, theirs.pk)
    assert_refused(refused)
    assert not SegmentOverride.objects.exists()

    accepted = put_override(client, override_url, ours.pk)
    assert accepted.status_code == 201
    assert SegmentOverride.objects.get().data_json == f'"{ours.pk}"'

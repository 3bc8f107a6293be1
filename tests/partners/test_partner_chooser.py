"""Adding a partner from the chooser, without leaving the page being edited: the partner
belongs to the editor's organization, whatever the request says, and only that
organization changes it afterwards (each refusal beside the owner's own success)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from organizations.provisioning import group_name
from partners.models import Partner
from tests.home.helpers import assert_refused, login
from tests.utils import make_staff

pytestmark = pytest.mark.django_db


def chooser_url(name, *args):
    return reverse(f"wagtailsnippetchoosers_partners_partner:{name}", args=args)


def edit_url(partner):
    return reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk])


def create(client, name, **fields):
    return client.post(
        chooser_url("create"), {"name": name, "website": "", "description": "", **fields}
    )


def test_the_chooser_offers_a_form_for_a_new_partner(client, editor_a):
    modal = login(client, editor_a).get(chooser_url("choose")).json()

    assert chooser_url("create") in modal["html"]
    assert 'name="name"' in modal["html"]
    # One organization: the partner goes to it without asking.
    assert 'name="site"' not in modal["html"]


def test_a_partner_added_in_the_chooser_is_chosen_and_belongs_to_the_editors_organization(
    client, editor_a, org_a, org_b
):
    response = create(
        login(client, editor_a), "Fundacja Ocalenie", website="https://ocalenie.org.pl/"
    )

    partner = Partner.objects.get(name="Fundacja Ocalenie")
    assert partner.site_id == org_a.site.pk
    assert partner.locale.language_code == "pl"
    assert partner.website == "https://ocalenie.org.pl/"
    data = response.json()
    assert data["step"] == "chosen"
    assert str(data["result"]["id"]) == str(partner.pk)
    assert data["result"]["string"] == "Fundacja Ocalenie"


def test_a_partner_cannot_be_filed_under_another_organization(
    client, editor_a, editor_b, org_a, org_b
):
    create(login(client, editor_a), "Podrzucony", site=str(org_b.site.pk))
    create(login(client, editor_b), "Własny", site=str(org_a.site.pk))

    assert Partner.objects.get(name="Podrzucony").site_id == org_a.site.pk
    assert Partner.objects.get(name="Własny").site_id == org_b.site.pk


def test_only_the_organization_that_added_it_changes_the_partner(client, editor_a, editor_b):
    create(login(client, editor_a), "Fundacja Ocalenie")
    partner = Partner.objects.get(name="Fundacja Ocalenie")

    assert_refused(login(client, editor_b).post(edit_url(partner), {"name": "Zmienione"}))
    partner.refresh_from_db()
    assert partner.name == "Fundacja Ocalenie"
    owner = login(client, editor_a).post(
        edit_url(partner),
        {"name": "Fundacja Ocalenie (Warszawa)", "website": "", "description": ""},
    )
    assert owner.status_code == 302
    partner.refresh_from_db()
    assert partner.name == "Fundacja Ocalenie (Warszawa)"


def test_a_translator_cannot_add_a_partner_from_the_chooser(client, org_a, editor_a):
    translator = make_staff(org_a, "translators")

    modal = login(client, translator).get(chooser_url("choose")).json()
    refused = create(login(client, translator), "Od tłumacza")
    accepted = create(login(client, editor_a), "Od redakcji")

    assert chooser_url("create") not in modal["html"]
    assert_refused(refused)
    assert not Partner.objects.filter(name="Od tłumacza").exists()
    assert accepted.json()["step"] == "chosen"


def test_with_several_organizations_the_partner_goes_to_one_the_editor_edits_for(
    client, editor_a, org_a, org_b
):
    # Editor of A and only a translator for B: A is the one organization offered.
    editor_a.groups.add(Group.objects.get(name=group_name(org_b.name, "translators", "uk")))
    both = make_staff(org_a, "editors", username="two-organizations")
    both.groups.add(Group.objects.get(name=group_name(org_b.name, "editors")))

    refused = create(login(client, editor_a), "Dla B", site=str(org_b.site.pk))
    assert refused.json()["step"] == "reshow_creation_form"
    assert not Partner.objects.filter(name="Dla B").exists()

    modal = login(client, both).get(chooser_url("choose")).json()
    chosen = create(login(client, both), "Dla B", site=str(org_b.site.pk))
    assert 'name="site"' in modal["html"]
    assert chosen.json()["step"] == "chosen"
    assert Partner.objects.get(name="Dla B").site_id == org_b.site.pk

"""What create_organization gives an organization's staff over the partner directory, and how
running it again brings groups made before the directory existed up to date."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.utils import M6
from tests.utils import create_organization_command as run

pytestmark = pytest.mark.django_db

PARTNER_CODENAMES = {"add_partner", "change_partner", "delete_partner"}


def partner_permissions(role):
    group = Group.objects.get(name=f"Fundacja Studio M6 {role}")
    return set(
        group.permissions.filter(content_type__app_label="partners").values_list(
            "codename", flat=True
        )
    )


@pytest.fixture
def m6(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")


def test_editors_and_moderators_add_change_and_delete_partners_translators_change_them(m6):
    assert partner_permissions("editors") == PARTNER_CODENAMES
    assert partner_permissions("moderators") == PARTNER_CODENAMES
    assert partner_permissions("translators (uk)") == {"change_partner"}


def test_running_again_gives_older_groups_the_permissions_they_lack(m6):
    # As the groups of an organization created before the partner directory were.
    partners = Permission.objects.filter(content_type__app_label="partners")
    for group in Group.objects.filter(name__startswith="Fundacja Studio M6"):
        group.permissions.remove(*partners)
    GroupPagePermission.objects.filter(
        group__name="Fundacja Studio M6 moderators", permission__codename="bulk_delete_page"
    ).delete()

    output = run(*M6, "--languages", "pl,uk")

    assert "Fundacja Studio M6: updated permissions of 4 groups." in output
    assert partner_permissions("editors") == PARTNER_CODENAMES
    assert partner_permissions("translators (uk)") == {"change_partner"}
    restored = GroupPagePermission.objects.filter(
        group__name="Fundacja Studio M6 moderators", permission__codename="bulk_delete_page"
    )
    assert restored.count() == 2  # on the home page in Polish and in Ukrainian


def test_running_again_keeps_what_an_administrator_added_and_says_nothing_changed(m6):
    translators = Group.objects.get(name="Fundacja Studio M6 translators (uk)")
    translators.permissions.add(Permission.objects.get(codename="add_partner"))
    counts = {
        group.name: group.permissions.count()
        for group in Group.objects.filter(name__startswith="Fundacja Studio M6")
    }

    output = run(*M6, "--languages", "pl,uk")

    assert "nothing changed" in output
    assert partner_permissions("translators (uk)") == {"add_partner", "change_partner"}
    assert {
        group.name: group.permissions.count()
        for group in Group.objects.filter(name__startswith="Fundacja Studio M6")
    } == counts


def test_running_again_updates_one_group_in_the_singular(m6):
    editors = Group.objects.get(name="Fundacja Studio M6 editors")
    editors.permissions.remove(Permission.objects.get(codename="delete_partner"))

    output = run(*M6, "--languages", "pl,uk")

    assert "Fundacja Studio M6: updated permissions of 1 group." in output
    assert partner_permissions("editors") == PARTNER_CODENAMES

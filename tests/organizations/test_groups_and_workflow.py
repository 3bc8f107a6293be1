"""Only organization groups and administrators: no group reaches two organizations.

Wagtail's own migrations make installation-wide `Editors` and `Moderators` groups (add,
change and publish on the root page and the root collection) and a "Moderators approval"
workflow for every page; organizations/migrations/0002 removes them, and each organization
gets a moderation workflow of its own from create_organization.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Workflow,
)

from organizations.models import OrganizationSettings
from organizations.provisioning import group_name
from tests.utils import PASSWORD, add_content_page


def organization_reach(group):
    """The organizations (slugs) the group's page, collection and site permissions reach;
    "everything" for a permission on the root page or the root collection."""
    organizations = list(OrganizationSettings.objects.select_related("site", "collection"))
    reach = set()
    for rule in GroupPagePermission.objects.filter(group=group).select_related("page"):
        if rule.page.depth < 2:
            reach.add("everything")
        reach |= {org.slug for org in organizations if org.owns_page(rule.page)}
    for rule in GroupCollectionPermission.objects.filter(group=group).select_related("collection"):
        if rule.collection.is_root():
            reach.add("everything")
        reach |= {
            org.slug
            for org in organizations
            if org.collection is not None
            and (
                rule.collection.pk == org.collection.pk
                or rule.collection.is_descendant_of(org.collection)
            )
        }
    for rule in GroupSitePermission.objects.filter(group=group):
        reach |= {org.slug for org in organizations if org.site_id == rule.site_id}
    return reach


@pytest.mark.django_db
def test_wagtail_installation_wide_groups_and_workflow_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_no_group_reaches_more_than_one_organization(org_a, org_b):
    reach = {group.name: organization_reach(group) for group in Group.objects.all()}

    # Three roles and a translators group per language, of each of the two organizations.
    assert len(reach) == 3 * 2 + len(org_a.languages) + len(org_b.languages)
    assert {name: found for name, found in reach.items() if len(found) != 1} == {}
    assert reach[group_name(org_a.name, "editors")] == {"alfa"}
    assert reach[group_name(org_b.name, "registrations")] == {"beta"}


def test_the_check_sees_a_group_on_the_root_page_and_the_root_collection(org_a):
    """The positive control: what Wagtail's own Editors group held is found."""
    group = Group.objects.create(name="Editors")
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission_type="change"
    )
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=org_a.collection.group_permissions.first().permission,
    )
    assert organization_reach(group) == {"everything"}


def test_each_organization_has_its_own_moderation_workflow_in_every_language(org_a, org_b):
    for org in (org_a, org_b):
        moderators = Group.objects.get(name=group_name(org.name, "moderators"))
        roots = list(org.root_pages())
        assert len(roots) == len(org.languages)
        for root in roots:
            workflow = root.get_workflow()
            assert workflow is not None
            assert workflow.name == f"{org.name} moderation"
            tasks = [task.specific for task in workflow.tasks]
            assert [type(task) for task in tasks] == [GroupApprovalTask]
            assert list(tasks[0].groups.all()) == [moderators]


def test_only_the_organizations_moderators_may_approve_its_pages(
    org_a, editor_a, moderator_a, moderator_b
):
    page = add_content_page(org_a, "Do akceptacji", slug="do-akceptacji", publish=False)
    workflow = page.get_workflow()
    workflow.start(page, editor_a)
    task = page.current_workflow_task.specific

    assert "approve" in {name for name, *_rest in task.get_actions(page, moderator_a)}
    assert task.get_actions(page, moderator_b) == []


def test_running_create_organization_again_keeps_one_workflow(org_a):
    from organizations.provisioning import create_organization

    result = create_organization(
        name=org_a.name, slug=org_a.slug, hostname=org_a.site.hostname, languages=org_a.languages
    )

    assert result.changes == []
    assert Workflow.objects.filter(name=f"{org_a.name} moderation").count() == 1


def test_the_user_form_lists_the_groups_by_organization(client, org_a, org_b):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    client.force_login(admin)

    for url in [
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[admin.pk]),
    ]:
        field = BeautifulSoup(client.get(url).content, "html.parser").find(id="id_groups")
        sections = {}
        for section in field.find_all("div", recursive=False):
            heading, *groups = section.find_all("label")
            sections[heading.get_text(strip=True)] = [g.get_text(strip=True) for g in groups]
        assert list(sections) == [org_a.name, org_b.name]
        assert sections[org_a.name] == sorted(
            [
                *(
                    group_name(org_a.name, role)
                    for role in ["editors", "moderators", "registrations"]
                ),
                *(group_name(org_a.name, "translators", code) for code in org_a.languages),
            ]
        )

"""Wagtail's page reports offer their filters' choices from the whole installation: whoever
locked a page or asked for a review, every workflow and every task. Each organization's staff
see only their own organization's people and workflows there (organizations.page_admin)."""

from django.urls import reverse

from tests.home.helpers import assert_hides, assert_shows, login, named
from tests.utils import add_content_page


def both_organizations_pages(org_a, org_b):
    return (
        add_content_page(org_a, "Strona Alfy", slug="strona-alfy"),
        add_content_page(org_b, "Strona Bety", slug="strona-bety"),
    )


def test_locked_pages_report_names_only_own_organizations_staff(
    client, org_a, org_b, moderator_a, editor_a, editor_b
):
    page_a, page_b = both_organizations_pages(org_a, org_b)
    for page, user in [(page_a, moderator_a), (page_b, editor_b)]:
        page.locked, page.locked_by = True, user
        page.save()

    response = login(client, editor_a).get(reverse("wagtailadmin_reports:locked_pages"))

    # The filter names people by their user names.
    assert_shows(response, 'name="locked_by"', moderator_a.username, "Strona Alfy")
    assert_hides(response, editor_b.username, "Strona Bety")


def test_workflow_reports_name_only_own_organizations_staff_and_workflows(
    client, org_a, org_b, editor_a, editor_b, moderator_a
):
    page_a, page_b = both_organizations_pages(org_a, org_b)
    for page, user in [
        (page_a, named(editor_a, "Adam", "Alfowski")),
        (page_b, named(editor_b, "Bogna", "Betowska")),
    ]:
        page.get_workflow().start(page, user)

    client = login(client, moderator_a)
    requests = client.get(reverse("wagtailadmin_reports:workflow"))
    tasks = client.get(reverse("wagtailadmin_reports:workflow_tasks"))

    assert_shows(requests, 'name="requested_by"', editor_a.username, "Fundacja Alfa moderation")
    assert_hides(requests, editor_b.username, "Stowarzyszenie Beta")
    assert_shows(tasks, 'name="workflow"', "Fundacja Alfa moderation", "Fundacja Alfa moderators")
    assert_hides(tasks, "Stowarzyszenie Beta")

"""An event people registered for (or a page above one) is neither deleted nor moved to
another organization by any way the admin offers: its views, its bulk actions and its API
(/admin/api/main/pages/<id>/action/delete/, …/move/). Each refusal is a clean 4xx with the
reason, changes nothing, and leaves the page tree sound; each has a control that works.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from events.guards import refusal_to_delete, refusal_to_move
from events.models import EventPage, Registration
from tests.events.helpers import add_event, errors_of, in_days, login, register
from tests.home.helpers import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


@pytest.fixture
def workshop_a(index_a):
    """Alfa's workshop, three people registered."""
    event = add_event(index_a, "Warsztaty: prawo pracy", in_days(10, 17), registration_mode="form")
    register(event, "Anna Nowak", "anna@example.org")
    register(event, "Олена Коваленко", "olena@example.org", language="uk")
    register(event, "Piotr Wiśniewski", "piotr@example.org")
    return event


def api_action(page, action):
    return reverse("wagtailadmin_api:pages:action", args=[page.pk, action])


def tree_state(*pages):
    """What a refused attempt must leave as it was, and the tree's soundness."""
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).order_by("pk")
    return [(row.pk, row.path, row.numchild, row.url_path) for row in rows]


def assert_tree_sound():
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.parametrize("target", ["workshop_a", "index_a"])
def test_the_api_does_not_delete_an_event_with_registrations_or_a_page_above_it(
    client, request, superuser, moderator_a, workshop_a, index_a, target
):
    page = request.getfixturevalue(target)
    before = tree_state(workshop_a, index_a, index_a.get_parent())
    user = moderator_a if target == "workshop_a" else superuser

    response = login(client, user).post(api_action(page, "delete"), content_type="application/json")

    assert response.status_code == 403
    # The reason, in the admin's language (Polish here), naming the page.
    assert response.json()["detail"] == refusal_to_delete(page)
    assert page.title in response.json()["detail"]
    assert "zgłoszenia" in response.json()["detail"]
    assert tree_state(workshop_a, index_a, index_a.get_parent()) == before
    assert EventPage.objects.filter(pk=workshop_a.pk).exists()
    assert Registration.objects.filter(event=workshop_a).count() == 3
    assert_tree_sound()


def test_the_api_deletes_an_event_without_registrations_as_the_control(
    client, moderator_a, index_a
):
    event = add_event(index_a, "Bez zapisów", in_days(5))
    children = index_a.get_children().count()

    response = login(client, moderator_a).post(
        api_action(event, "delete"), content_type="application/json"
    )

    assert response.status_code == 204
    assert not Page.objects.filter(pk=event.pk).exists()
    index_a.refresh_from_db()
    assert index_a.numchild == children - 1
    assert_tree_sound()


def test_the_api_refuses_deleting_to_whoever_may_not_delete_before_naming_registrations(
    client, editor_b, workshop_a
):
    response = login(client, editor_b).post(
        api_action(workshop_a, "delete"), content_type="application/json"
    )

    assert_refused(response)
    assert "Warsztaty" not in response.content.decode()
    assert EventPage.objects.filter(pk=workshop_a.pk).exists()
    assert_tree_sound()


def test_the_api_does_not_move_an_event_with_registrations_to_another_organization(
    client, superuser, workshop_a, index_a, index_b
):
    before = tree_state(workshop_a, index_a, index_b)

    response = login(client, superuser).post(
        api_action(workshop_a, "move"),
        {"destination_page_id": index_b.pk, "position": "last-child"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json()["detail"] == refusal_to_move(workshop_a, index_b)
    assert "Warsztaty: prawo pracy" in response.json()["detail"]
    assert tree_state(workshop_a, index_a, index_b) == before
    assert_tree_sound()


def test_the_api_does_not_move_it_beside_another_organizations_page_either(
    client, superuser, workshop_a, index_a, index_b
):
    event_b = add_event(index_b, "Forum Beta", in_days(20))
    before = tree_state(workshop_a, index_a, index_b)

    response = login(client, superuser).post(
        api_action(workshop_a, "move"),
        {"destination_page_id": event_b.pk},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert tree_state(workshop_a, index_a, index_b) == before
    assert_tree_sound()


def test_the_api_moves_an_event_with_registrations_within_its_organization(
    client, superuser, workshop_a, index_a, org_a
):
    other_place = org_a.site.root_page

    response = login(client, superuser).post(
        api_action(workshop_a, "move"),
        {"destination_page_id": index_a.pk, "position": "first-child"},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert other_place.pk != index_a.pk
    assert_tree_sound()


def test_the_api_moves_an_event_without_registrations_to_another_organization(
    client, superuser, index_a, index_b
):
    event = add_event(index_a, "Bez zapisów", in_days(5))

    response = login(client, superuser).post(
        api_action(event, "move"),
        {"destination_page_id": index_b.pk, "position": "last-child"},
        content_type="application/json",
    )

    assert response.status_code == 200
    event.refresh_from_db()
    assert event.get_parent().pk == index_b.pk
    assert_tree_sound()


def test_bulk_move_keeps_an_event_with_registrations_in_its_organization(
    client, superuser, workshop_a, index_a, index_b
):
    before = tree_state(workshop_a, index_a, index_b)
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])

    response = login(client, superuser).post(
        f"{bulk_url}?id={workshop_a.pk}&next=/admin/pages/{index_a.pk}/",
        {"chooser": index_b.pk},
    )

    assert response.status_code == 302
    assert any("Warsztaty: prawo pracy" in error for error in errors_of(response))
    assert tree_state(workshop_a, index_a, index_b) == before
    assert_tree_sound()


def test_bulk_move_of_an_event_without_registrations_as_the_control(
    client, superuser, index_a, index_b
):
    event = add_event(index_a, "Bez zapisów", in_days(5))
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])

    response = login(client, superuser).post(
        f"{bulk_url}?id={event.pk}&next=/admin/pages/{index_a.pk}/", {"chooser": index_b.pk}
    )

    assert response.status_code == 302
    assert not errors_of(response)
    event.refresh_from_db()
    assert event.get_parent().pk == index_b.pk
    assert_tree_sound()


def test_refused_view_and_bulk_deletes_leave_the_tree_sound(
    client, moderator_a, workshop_a, index_a
):
    before = tree_state(workshop_a, index_a)
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    login(client, moderator_a)

    client.post(reverse("wagtailadmin_pages:delete", args=[workshop_a.pk]))
    client.post(f"{bulk_url}?id={workshop_a.pk}&next=/admin/pages/{index_a.pk}/")

    assert tree_state(workshop_a, index_a) == before
    assert_tree_sound()

"""Fixtures of the events tests: the event indexes of two organizations (made by
create_organization), an event with a registration form, an editor who may say where
registrations are e-mailed. The helpers are in tests/events/helpers.py."""

import pytest
from django.contrib.auth.models import Group

from organizations.provisioning import group_name
from tests.events.helpers import add_event, event_index, in_days
from tests.utils import make_staff


@pytest.fixture
def index_a(org_a):
    return event_index(org_a)


@pytest.fixture
def index_b(org_b):
    return event_index(org_b)


@pytest.fixture
def integration_talk(index_a):
    """The Studio M6 meeting, in the future: in person in Toruń, with a form and 40 places."""
    return add_event(
        index_a,
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        intro="Diagnoza problemów i wspólne wypracowanie mechanizmów integracyjnych.",
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        postal_code="87-100",
        city="Toruń",
        languages=["pl", "uk"],
        interpretation=True,
        registration_mode="form",
        capacity=40,
        waiting_list=True,
    )


@pytest.fixture
def editor_registrar_a(org_a):
    """An editor of Fundacja Alfa who is also in its registrations group: may say where
    registrations are e-mailed (the e-mail domains, an event's notification address)."""
    user = make_staff(org_a, "editors", username="alfa-editor-registrations")
    user.groups.add(Group.objects.get(name=group_name(org_a.name, "registrations")))
    return user

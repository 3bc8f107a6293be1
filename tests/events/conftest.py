"""Fixtures of the events tests: the event indexes of two organizations (made by
create_organization), an event with a registration form, an editor who may say where
registrations are e-mailed. The helpers are in tests/events/helpers.py."""

import pytest
from django.contrib.auth.models import Group

from organizations.provisioning import group_name
from tests.events.helpers import add_integration_talk, event_index
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
    return add_integration_talk(index_a, interpretation=True, waiting_list=True)


@pytest.fixture
def editor_registrar_a(org_a):
    """An editor of Fundacja Alfa who is also in its registrations group: may say where
    registrations are e-mailed (the e-mail domains, an event's notification address)."""
    user = make_staff(org_a, "editors", username="alfa-editor-registrations")
    user.groups.add(Group.objects.get(name=group_name(org_a.name, "registrations")))
    return user

"""Fixtures shared by the whole suite: two organizations and their staff.

Organizations are made with the same code as `manage.py create_organization`.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import ContentPage
from home.organizations import create_organization, group_name

PASSWORD = "correct-horse-battery"


def make_organization(django_capture_on_commit_callbacks, **kwargs):
    # wagtail-localize publishes the home page translations when the transaction
    # commits; a test's transaction never does, so run those callbacks here.
    with django_capture_on_commit_callbacks(execute=True):
        return create_organization(**kwargs).settings


@pytest.fixture
def org_a(db, django_capture_on_commit_callbacks):
    return make_organization(
        django_capture_on_commit_callbacks,
        name="Fundacja Alfa",
        slug="alfa",
        hostname="alfa.localhost",
        languages=["pl", "uk", "en"],
    )


@pytest.fixture
def org_b(db, django_capture_on_commit_callbacks):
    return make_organization(
        django_capture_on_commit_callbacks,
        name="Stowarzyszenie Beta",
        slug="beta",
        hostname="beta.localhost",
        languages=["pl", "uk"],
    )


def make_staff(org, role, username=None):
    user = get_user_model().objects.create_user(
        username=username or f"{org.slug}-{role}",
        email=f"{org.slug}-{role}@example.org",
        password=PASSWORD,
    )
    user.groups.add(Group.objects.get(name=group_name(org.name, role)))
    return user


@pytest.fixture
def editor_a(org_a):
    return make_staff(org_a, "editors")


@pytest.fixture
def moderator_a(org_a):
    return make_staff(org_a, "moderators")


@pytest.fixture
def translator_a(org_a):
    return make_staff(org_a, "translators")


@pytest.fixture
def editor_b(org_b):
    return make_staff(org_b, "editors")


@pytest.fixture
def moderator_b(org_b):
    return make_staff(org_b, "moderators")


@pytest.fixture
def translator_b(org_b):
    return make_staff(org_b, "translators")


def add_content_page(
    org, title, slug=None, parent=None, show_in_menus=True, publish=True, **fields
):
    """A content page under the organization's Polish home page (or `parent`)."""
    parent = parent or org.site.root_page
    page = ContentPage(
        title=title, slug=slug or None, show_in_menus=show_in_menus, live=publish, **fields
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def page_a(org_a):
    return add_content_page(org_a, "O nas", slug="o-nas", intro="Fundacja Alfa pomaga.")


@pytest.fixture
def page_b(org_b):
    return add_content_page(org_b, "Kim jesteśmy", slug="kim-jestesmy", intro="Beta działa.")

"""Wagtail's admin API (/admin/api/main/images/, …/documents/) names only the images and
documents one may see in the admin: those of one's own organization's collection.

wagtail-localize's editor asks it about the images and documents of a translation; out of
the box it answered any member of staff, even one of a registrations group only, about
every organization's files, with their addresses.
"""

import pytest
from django.urls import reverse

from tests.home.helpers import assert_refused, make_document, make_image
from tests.utils import make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def image_a(org_a):
    return make_image(org_a, "Plakat Alfa")


@pytest.fixture
def document_a(org_a):
    return make_document(org_a, "Raport Alfa")


@pytest.fixture
def registrar_b(org_b):
    return make_staff(org_b, "registrations")


def listing(kind):
    return reverse(f"wagtailadmin_api:{kind}:listing")


def detail(kind, item):
    return reverse(f"wagtailadmin_api:{kind}:detail", args=[item.pk])


def titles(response):
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


MEDIA = [("images", "image_a", "Plakat Alfa"), ("documents", "document_a", "Raport Alfa")]


@pytest.mark.parametrize(("kind", "fixture", "title"), MEDIA)
@pytest.mark.parametrize("role", ["editor_b", "registrar_b"])
def test_staff_get_no_other_organizations_media_from_the_admin_api(
    client, request, kind, fixture, title, role
):
    item = request.getfixturevalue(fixture)
    client.force_login(request.getfixturevalue(role))

    assert title not in titles(client.get(listing(kind)))
    response = client.get(detail(kind, item))
    assert_refused(response)
    assert title not in response.content.decode()
    assert item.file.name not in response.content.decode()


@pytest.mark.parametrize(("kind", "fixture", "title"), MEDIA)
def test_staff_get_their_own_organizations_media_from_the_admin_api(
    client, request, editor_a, kind, fixture, title
):
    item = request.getfixturevalue(fixture)
    client.force_login(editor_a)

    assert titles(client.get(listing(kind))) == [title]
    response = client.get(detail(kind, item))
    assert response.status_code == 200
    assert response.json()["title"] == title


@pytest.mark.parametrize(("kind", "fixture", "title"), MEDIA)
def test_a_translator_gets_their_own_organizations_media_for_the_translation_editor(
    client, request, translator_a, kind, fixture, title
):
    item = request.getfixturevalue(fixture)
    client.force_login(translator_a)

    assert client.get(detail(kind, item)).json()["title"] == title

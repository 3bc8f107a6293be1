"""Other organizations' snippets and tags are not named to an organization's staff: not by
wagtail-localize's snippet API, the bulk-delete confirmation of snippets, or the tag
suggestions of the admin (which knew the tags of other organizations' drafts too).

Each refusal has a control beside it: the same request names one's own organization's
objects, and a refused bulk delete deletes nothing.
"""

import pytest
from django.urls import reverse

from news.models import NewsCategory
from organizations.models import FundingNotice
from tests.home.helpers import assert_hides, assert_refused, assert_shows, make_image, make_notice
from tests.news.helpers import add_article, make_category, news_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice_a(org_a):
    return make_notice(org_a, "FAMI Alfa")


@pytest.fixture
def notice_b(org_b):
    return make_notice(org_b, "FAMI Beta")


@pytest.fixture
def category_a(org_a):
    return make_category(org_a, "Zaproszenia Alfa")


@pytest.fixture
def category_b(org_b):
    return make_category(org_b, "Zaproszenia Beta")


SNIPPETS = [
    ("organizations", "fundingnotice", "notice_a", "notice_b", FundingNotice),
    ("news", "newscategory", "category_a", "category_b", NewsCategory),
]


# --- wagtail-localize's snippet API --------------------------------------------------


def snippet_api(app_label, model_name, pk=None):
    url = f"{reverse('wagtailadmin_home')}localize/api/snippets/{app_label}/{model_name}/"
    return url if pk is None else f"{url}{pk}/"


@pytest.mark.parametrize(("app_label", "model_name", "own", "other", "model"), SNIPPETS)
@pytest.mark.parametrize("role", ["editor_a", "translator_a"])
def test_the_localize_snippet_api_names_only_own_organizations_snippets(
    client, request, role, app_label, model_name, own, other, model
):
    own, other = request.getfixturevalue(own), request.getfixturevalue(other)
    client.force_login(request.getfixturevalue(role))

    listed = client.get(snippet_api(app_label, model_name))
    detail_own = client.get(snippet_api(app_label, model_name, own.pk))
    detail_other = client.get(snippet_api(app_label, model_name, other.pk))

    assert listed.status_code == 200
    assert [item["title"] for item in listed.json()] == [str(own)]
    assert detail_own.status_code == 200
    assert detail_own.json()["title"] == str(own)
    assert_refused(detail_other)
    assert str(other) not in detail_other.content.decode()


# --- Bulk delete of snippets ---------------------------------------------------------


@pytest.mark.parametrize(("app_label", "model_name", "own", "other", "model"), SNIPPETS)
def test_bulk_delete_of_snippets_neither_names_nor_deletes_another_organizations(
    client, request, moderator_a, app_label, model_name, own, other, model
):
    own, other = request.getfixturevalue(own), request.getfixturevalue(other)
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
    client.force_login(moderator_a)

    chosen = client.get(url, {"id": [own.pk, other.pk]})
    posted = client.post(f"{url}?id={own.pk}&id={other.pk}")

    assert_shows(chosen, str(own))
    assert_hides(chosen, str(other))
    assert posted.status_code == 302
    assert model.objects.filter(pk=other.pk).exists()
    assert not model.objects.filter(pk=own.pk).exists()


# --- Tag suggestions -----------------------------------------------------------------


@pytest.fixture
def tagged(org_a, org_b):
    add_article(news_index(org_a), "Szkic Alfa", "2024-01-10", tags=["forum-alfa"], publish=False)
    add_article(news_index(org_b), "Forum Beta", "2024-01-11", tags=["forum-beta"])
    image = make_image(org_a, "Plakat Alfa")
    image.tags.add("fotografia-alfa")


def suggestions(client, user, term):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": term})
    assert response.status_code == 200
    return response.json()


def test_tag_suggestions_name_only_own_organizations_tags(client, tagged, editor_b):
    assert suggestions(client, editor_b, "fo") == ["forum-beta"]


def test_tag_suggestions_name_tags_of_own_drafts_and_images(client, tagged, editor_a):
    assert suggestions(client, editor_a, "fo") == ["forum-alfa", "fotografia-alfa"]


def test_tag_suggestions_of_a_tag_model_name_only_own_organizations_tags(client, tagged, editor_b):
    client.force_login(editor_b)
    url = reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"])

    assert client.get(url, {"term": "fo"}).json() == ["forum-beta"]


def test_tag_suggestions_name_every_tag_to_a_superuser(client, tagged, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x")

    assert suggestions(client, root, "fo") == ["forum-alfa", "forum-beta", "fotografia-alfa"]

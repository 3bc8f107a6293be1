"""An image of more pixels than the limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS, 40 million unless
IMAGE_MAX_PIXELS says otherwise) is refused wherever an editor uploads it, with a message
saying what to do, and nothing is stored; one within the limit is taken. The limit is
stated under the upload field (core.image_uploads)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from core.image_uploads import example_size
from tests.core.helpers import HUGE, png_of

pytestmark = pytest.mark.django_db

Image = get_image_model()

REFUSED = (
    "This image has too many pixels: at most 40 million are accepted (width × height, e.g. "
    "8000 × 5000). Make it smaller in a photo editor or export it again at a smaller size, "
    "then upload it again."
)


@pytest.fixture
def editor(client, editor_a):
    """The organization's editor, signed in to an admin in English."""
    profile = UserProfile.get_for_user(editor_a)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor_a)
    return editor_a


def stored_files(settings):
    """The files under the media folder (the test's own, see conftest's media_root)."""
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def upload(name, size):
    return SimpleUploadedFile(name, png_of(size), content_type="image/png")


def add(client, org, name, size):
    """The editor's upload through the admin's "Add an image" form."""
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "collection": org.collection_id, "file": upload(name, size)},
    )


def add_multiple(client, org, name, size):
    """The editor's upload through "Add images" (drag and drop, several at once)."""
    return client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload(name, size), "collection": org.collection_id},
    )


def test_an_11000_by_11000_png_is_refused_by_the_upload_form_with_what_to_do(
    client, editor, org_a, settings
):
    response = add(client, org_a, "plakat.png", HUGE)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [REFUSED]
    assert REFUSED in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_an_11000_by_11000_png_is_refused_by_the_multiple_upload_with_what_to_do(
    client, editor, org_a, settings
):
    response = add_multiple(client, org_a, "plakat.png", HUGE)

    assert response.json() == {"success": False, "error_message": REFUSED}
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_one_pixel_more_than_the_limit_is_refused(client, editor, org_a):
    response = add_multiple(client, org_a, "plakat.png", (8000, 5001))

    assert response.json()["success"] is False
    assert not Image.objects.exists()


# Pillow warns from half the limit (CoreConfig.ready silences it; pytest resets the filters).
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_an_image_of_exactly_the_limit_is_taken_by_both_uploads(client, editor, org_a, settings):
    single = add(client, org_a, "plakat.png", (8000, 5000))
    multiple = add_multiple(client, org_a, "ulotka.png", (8000, 5000))

    assert single.status_code == 302
    assert multiple.json()["success"] is True
    assert sorted(Image.objects.values_list("title", "width", "height")) == [
        ("plakat.png", 8000, 5000),
        ("ulotka.png", 8000, 5000),
    ]
    assert set(Image.objects.values_list("collection", flat=True)) == {org_a.collection_id}
    assert sorted(
        path.name for path in stored_files(settings) if path.parent.name == "original_images"
    ) == [
        "plakat.png",
        "ulotka.png",
    ]


@pytest.mark.parametrize("view", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_the_upload_pages_state_the_limit(client, editor, view):
    html = client.get(reverse(view)).content.decode()

    assert "At most 40 million pixels (width × height, e.g. 8000 × 5000)." in html


def test_a_polish_editor_reads_the_limit_in_polish(client, editor_a):
    client.force_login(editor_a)

    html = client.get(reverse("wagtailimages:add")).content.decode()

    assert "Najwyżej 40 milionów pikseli (szerokość × wysokość, np. 8000 × 5000)." in html


@pytest.mark.parametrize(
    ("limit", "example"),
    [(40_000_000, (8000, 5000)), (25_000_000, (6300, 3900)), (1_000_000, (1200, 800))],
)
def test_the_example_size_is_within_the_limit_in_round_hundreds(limit, example):
    width, height = example_size(limit)

    assert (width, height) == example
    assert width * height <= limit

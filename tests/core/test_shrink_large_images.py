"""`manage.py shrink_large_images`: an image stored before the pixel limit (which pages
leave out and Pillow refuses to open) is scaled down to fit it, and shows again."""

from io import StringIO

import PIL.Image
import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db


def shrink_large_images(*args):
    out = StringIO()
    call_command("shrink_large_images", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_lists_the_images_beyond_the_limit_and_changes_nothing(huge_image):
    output = shrink_large_images("--dry-run")

    assert f"{huge_image.pk} 'Plakat': 11000 × 11000" in output
    assert "1 image(s) beyond the limit (40000000 pixels at most)." in output
    stored = type(huge_image).objects.filter(pk=huge_image.pk)
    assert list(stored.values_list("width", "height", "file")) == [
        (11000, 11000, huge_image.file.name)
    ]


# Pillow warns from half the limit (CoreConfig.ready silences it; pytest resets the filters).
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_an_image_beyond_the_limit_is_scaled_down_to_fit_and_shows_again(
    client, org_a, editor_a, huge_image
):
    old_file = huge_image.file.name
    storage = huge_image.file.storage

    output = shrink_large_images()

    huge_image.refresh_from_db()
    assert (huge_image.width, huge_image.height) == (6324, 6324)
    assert huge_image.width * huge_image.height <= 40_000_000
    assert "-> 6324 × 6324" in output
    assert (huge_image.focal_point_x, huge_image.focal_point_y) == (3162, 1264)
    assert huge_image.focal_point_width == huge_image.focal_point_height == 632
    assert huge_image.file_size == huge_image.file.size
    assert huge_image.file.name != old_file
    assert not storage.exists(old_file)
    with huge_image.open_file() as file, PIL.Image.open(file) as opened:
        assert opened.size == (6324, 6324)
    # The admin shows it again (its thumbnail), and so do pages: the home page's photo.
    client.force_login(editor_a)
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    home = org_a.site.root_page.specific
    home.hero_image = huge_image
    home.save_revision().publish()
    assert 'class="hero-image"' in text_of(visit(org_a, "/pl/"))


def test_nothing_to_do_when_every_image_fits(org_a):
    assert shrink_large_images() == "0 image(s) scaled down (40000000 pixels at most).\n"

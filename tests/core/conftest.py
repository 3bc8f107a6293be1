import PIL.Image
import pytest
from django.core.files.base import ContentFile

from tests.core.helpers import HUGE, png_of, store_image


@pytest.fixture
def huge_image(org_a, monkeypatch):
    """An 11,000 × 11,000 image stored before the pixel limit existed (Pillow's own check
    off while it is stored, as it was then), with a focal point."""
    with monkeypatch.context() as before_the_limit:
        before_the_limit.setattr(PIL.Image, "MAX_IMAGE_PIXELS", None)
        image = store_image(org_a, ContentFile(png_of(HUGE), name="plakat.png"), title="Plakat")
    image.focal_point_x, image.focal_point_y = 5500, 2200
    image.focal_point_width = image.focal_point_height = 1100
    image.save()
    return image

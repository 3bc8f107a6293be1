"""Helpers for the core tests: images of a given format and size, stored or as uploads."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

# 11,000 × 11,000: 121 million pixels, three times the upload limit, in a PNG of 36 KB.
HUGE = (11_000, 11_000)


def image_file(size=(1600, 900), format="PNG", name=None, mode="RGB"):
    """An image file of `size` in `format` (a plain colour, so it stays small)."""
    buffer = BytesIO()
    colour = 1 if mode == "1" else (122, 156, 198)
    PillowImage.new(mode, size, colour).save(buffer, format)
    return ImageFile(buffer, name=name or f"photo.{format.lower()}")


def png_of(size):
    """The bytes of a one-bit PNG of `size`: millions of pixels in a few kilobytes, made
    without holding them in memory as colours."""
    return image_file(size, "PNG", mode="1").file.getvalue()


def store_image(org, file, title="Zdjęcie"):
    """An image in the organization's collection, stored as a script would (no upload form:
    no pixel limit)."""
    return get_image_model().objects.create(title=title, file=file, collection=org.collection)

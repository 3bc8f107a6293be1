"""`manage.py shrink_large_images`: images stored before the pixel limit, made to fit it."""

import math
import posixpath
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db.models import F
from PIL import Image as PILImage
from wagtail.images import get_image_model

# What each format is saved with: close to the original's look, a fraction of its size.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}


def shrunk(image, limit):
    """The image's file scaled down to at most `limit` pixels, in its own format. Pillow's
    own limit (CoreConfig.ready) is lifted for this one image, as it was when it was stored."""
    scale = math.sqrt(limit / (image.width * image.height))
    size = (max(1, math.floor(image.width * scale)), max(1, math.floor(image.height * scale)))
    guard, PILImage.MAX_IMAGE_PIXELS = PILImage.MAX_IMAGE_PIXELS, None
    try:
        with image.open_file() as original, PILImage.open(original) as opened:
            kind = opened.format
            buffer = BytesIO()
            opened.resize(size, PILImage.Resampling.LANCZOS).save(
                buffer, kind, **SAVE_OPTIONS.get(kind, {})
            )
    finally:
        PILImage.MAX_IMAGE_PIXELS = guard
    return ImageFile(buffer, name=posixpath.basename(image.file.name)), scale


def shrink(image, limit):
    """Put the scaled-down file in the image's place: new size, focal point, file size and
    hash; its old file and renditions go."""
    old_file = image.file.name
    storage = image.file.storage
    new_file, scale = shrunk(image, limit)
    image.renditions.all().delete()
    image.file = new_file
    for name in ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"):
        value = getattr(image, name)
        if value is not None:
            setattr(image, name, math.floor(value * scale))
    image._set_image_file_metadata()
    image.save()
    storage.delete(old_file)


class Command(BaseCommand):
    help = (
        "Scale down every stored image of more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS "
        "(IMAGE_MAX_PIXELS), stored before the limit or by a script: until then pages leave "
        "it out and the admin cannot show it. Each takes a few seconds and up to a gigabyte "
        "of memory, once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list them, change nothing")

    def handle(self, *args, dry_run=False, **options):
        limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        large = (
            get_image_model()
            .objects.annotate(pixels=F("width") * F("height"))
            .filter(pixels__gt=limit)
            .order_by("pk")
        )
        count = 0
        for image in large:
            count += 1
            before = f"{image.pk} {image.title!r}: {image.width} × {image.height}"
            if dry_run:
                self.stdout.write(before)
                continue
            shrink(image, limit)
            self.stdout.write(f"{before} -> {image.width} × {image.height}")
        verb = "beyond the limit" if dry_run else "scaled down"
        self.stdout.write(f"{count} image(s) {verb} ({limit} pixels at most).")

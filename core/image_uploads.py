"""The admin's image form: Wagtail's, saying how many pixels an image may have and, for an
upload with more, what to do (settings: WAGTAILIMAGES_IMAGE_FORM_BASE).

The limit is WAGTAILIMAGES_MAX_IMAGE_PIXELS (IMAGE_MAX_PIXELS in the environment, README):
Wagtail's own check refuses the upload, in the single and the multiple upload and the
chooser's, before anything is stored.
"""

import math

from django.conf import settings
from django.utils.translation import ngettext_lazy
from wagtail.images.forms import BaseImageForm

STATED = ngettext_lazy(
    "At most %(millions)s million pixels (width × height, e.g. %(width)s × %(height)s).",
    "At most %(millions)s million pixels (width × height, e.g. %(width)s × %(height)s).",
    "count",
)
REFUSED = ngettext_lazy(
    "This image has too many pixels: at most %(millions)s million are accepted (width × "
    "height, e.g. %(width)s × %(height)s). Make it smaller in a photo editor or export it "
    "again at a smaller size, then upload it again.",
    "This image has too many pixels: at most %(millions)s million are accepted (width × "
    "height, e.g. %(width)s × %(height)s). Make it smaller in a photo editor or export it "
    "again at a smaller size, then upload it again.",
    "count",
)


def example_size(limit):
    """A width × height of at most `limit` pixels, in round hundreds at 8:5 (8000 × 5000
    for 40 million)."""
    width = max(100, math.isqrt(limit * 8 // 5) // 100 * 100)
    return width, max(100, limit // width // 100 * 100)


def in_words(message, limit):
    """STATED or REFUSED for a limit of `limit` pixels, in the active language."""
    millions = limit / 1_000_000
    width, height = example_size(limit)
    return message % {
        "count": math.floor(millions),
        "millions": f"{millions:g}",
        "width": width,
        "height": height,
    }


class ImageForm(BaseImageForm):
    """Wagtail's image form; its file field states the pixel limit under the field and
    explains a refusal in words an editor can act on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        if field is None or not limit:
            return
        field.help_text = f"{field.help_text} {in_words(STATED, limit)}"
        # Wagtail fills the message in with %(num_pixels)s and %(max_pixels_count)s.
        field.error_messages["file_too_many_pixels"] = in_words(REFUSED, limit).replace("%", "%%")

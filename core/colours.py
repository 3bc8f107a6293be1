"""WCAG colour contrast, so that an organization's colours stay readable."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
AA_NORMAL_TEXT = 4.5


def relative_luminance(hex_colour):
    """The relative luminance of an sRGB colour, as WCAG 2.x defines it."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, e.g. #1d4e89."),
            code="invalid_colour",
        )


def validate_contrast_with_white(value):
    """Refuse a background colour on which white text falls below WCAG AA (4.5:1)."""
    validate_hex_colour(value)
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast of %(ratio).2f:1; WCAG AA needs "
                "at least 4.5:1. Choose a darker colour."
            ),
            code="low_contrast",
            params={"colour": value, "ratio": ratio},
        )

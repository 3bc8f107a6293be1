"""The partners' logos the demo draws (home.demo.draw_wordmark): a shape and the name in
the project's own type, on a transparent background, shaped to the strips' logo box."""

import pytest
from PIL import Image

from home.demo import WORDMARK_COLOURS, draw_wordmark

NAMES = [
    "Fundacja Stocznia",
    "Pracownia Zrównoważonego Rozwoju",
    "Ashoka w Polsce i Fundusz Tutaj",
    "Gmina Miasta Toruń",
    "NGO Forum Razem",
]


def hex_of(rgb):
    return "#" + "".join(f"{c:02x}" for c in rgb[:3])


@pytest.mark.parametrize("name", NAMES)
def test_a_wordmark_is_a_transparent_png_that_fits_the_strips_box(name):
    logo = Image.open(draw_wordmark(name, f"demo-{name}"))

    assert logo.format == "PNG"
    assert logo.mode == "RGBA"
    # Twice the 4.5rem the strips show, and about as wide as their 12rem box allows (8:3).
    assert logo.height >= 144
    assert logo.width / logo.height <= 3.1
    assert logo.getpixel((0, 0))[3] == 0
    drawn = {hex_of(pixel) for _count, pixel in logo.getcolors(1_000_000) if pixel[3] == 255}
    assert drawn & set(WORDMARK_COLOURS)


def test_the_same_partner_gets_the_same_logo_and_names_differ_in_type():
    first = draw_wordmark("Fundacja Stocznia", "m6-stocznia").getvalue()

    assert draw_wordmark("Fundacja Stocznia", "m6-stocznia").getvalue() == first
    assert draw_wordmark("Fundacja Emic", "m6-stocznia").getvalue() != first

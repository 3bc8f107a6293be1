"""Text drawn into images with the shipped fonts (core.lettering): each character from the
font file that has it, so Polish and Ukrainian names come out whole."""

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

from core.lettering import draw_text, runs, text_width

NAMES = ["Łódź Fundacja", "Fundacja Inna Przestrzeń", "Фундація «Інший простір» 2024", "ŁF"]


def has_glyphs(font, piece):
    with TTFont(font.path) as file:
        codes = file["cmap"].getBestCmap()
    return all(ord(char) in codes for char in piece)


def test_every_character_is_drawn_from_a_font_file_that_has_it():
    for name in NAMES:
        pieces = runs(name, 40)
        assert "".join(piece for piece, _font in pieces) == name
        assert all(has_glyphs(font, piece) for piece, font in pieces), name
    # Latin Extended holds the Polish letters but not the plain ones they stand among.
    (first, ext), (second, latin) = runs("ŁF", 40)
    assert (first, second) == ("Ł", "F")
    assert ext.path != latin.path


def test_drawn_text_is_as_wide_as_measured_and_centred_on_its_anchor():
    image = Image.new("L", (400, 100), 0)
    width = text_width("ŁF", 60)

    draw_text(ImageDraw.Draw(image), (200, 50), "ŁF", 60, 255, anchor="mm")

    left, _top, right, _bottom = image.getbbox()
    assert 60 < width < 100
    # Both letters drawn side by side, centred on the anchor.
    assert abs((right - left) - width) < 12
    assert abs((left + right) / 2 - 200) < 6

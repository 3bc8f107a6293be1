"""Text drawn into images (the organizations' icons, the demo's logos) with the fonts the
project ships: Noto Sans, cut by script into Latin, Latin Extended (Polish) and Cyrillic
files (static/fonts/noto-sans/). Each character is drawn from the first of those files that
has it, as a browser or WeasyPrint would: "Łódź" takes its Ł, ó and ź from Latin Extended
and its d from Latin."""

import functools

from django.contrib.staticfiles import finders
from fontTools.ttLib import TTFont
from PIL import ImageFont

SCRIPTS = ("latin", "latin-ext", "cyrillic")


def _path(script, weight):
    return finders.find(f"fonts/noto-sans/noto-sans-{script}-{weight}-normal.woff")


@functools.cache
def _characters(path):
    """The characters the font file has glyphs for."""
    with TTFont(path) as font:
        return frozenset(chr(code) for code in font["cmap"].getBestCmap())


@functools.cache
def _font(path, size):
    return ImageFont.truetype(path, size)


def runs(text, size, weight=700):
    """[(piece of `text`, font)], cut where the font file a character needs changes. A
    character stays with the file before it where that has it (spaces, digits), so a
    word is not cut needlessly; one no file has goes with its neighbours (Pillow draws a
    box for it)."""
    files = [path for path in (_path(script, weight) for script in SCRIPTS) if path]
    if not files:
        return [(text, ImageFont.load_default(size))] if text else []
    found = []
    for char in text:
        previous = found[-1][1] if found else None
        if previous is not None and char in _characters(previous):
            path = previous
        else:
            path = next((p for p in files if char in _characters(p)), previous or files[0])
        if found and found[-1][1] == path:
            found[-1][0] += char
        else:
            found.append([char, path])
    return [(piece, _font(path, size)) for piece, path in found]


def text_width(text, size, weight=700):
    return sum(font.getlength(piece) for piece, font in runs(text, size, weight))


def draw_text(draw, xy, text, size, fill, anchor="ls", weight=700):
    """Draw `text` at `xy` on an ImageDraw with the shipped fonts. `anchor` is Pillow's
    two letters: horizontal l (left), m (middle) or r (right), then vertical (m, s, …)."""
    x, y = xy
    horizontal, vertical = anchor[0], anchor[1]
    width = text_width(text, size, weight)
    x -= {"l": 0, "m": width / 2, "r": width}[horizontal]
    for piece, font in runs(text, size, weight):
        draw.text((x, y), piece, fill=fill, font=font, anchor=f"l{vertical}")
        x += font.getlength(piece)

"""The colour roles computed from an organization's two colours pass WCAG AA, whatever the
colours (core.colours)."""

import re

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from core.colours import (
    AA_LARGE_TEXT,
    AA_NORMAL_TEXT,
    DEFAULT_ACCENT,
    DEFAULT_PRIMARY,
    ROLE_PAIRS,
    colour_roles,
    contrast_ratio,
    custom_properties,
    failing_pairs,
    meet_contrast,
    to_oklab,
)

hex_colours = st.integers(min_value=0, max_value=0xFFFFFF).map(lambda n: f"#{n:06x}")


@given(primary=hex_colours, accent=hex_colours)
def test_every_pair_of_roles_the_stylesheet_uses_passes_wcag_aa(primary, accent):
    roles = colour_roles(primary, accent)
    assert failing_pairs(roles) == []
    for foreground, background, minimum in ROLE_PAIRS:
        assert contrast_ratio(roles[foreground], roles[background]) >= minimum


def test_a_known_failing_pair_is_detected():
    """Positive control: grey #777 on white is 4.48:1, just below AA for text."""
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < AA_NORMAL_TEXT
    roles = {**colour_roles(), "link": "#777777"}
    assert ("link", "surface", 4.48, AA_NORMAL_TEXT) in failing_pairs(roles)


def test_contrast_ratio_spans_one_to_twenty_one():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#1d4e89", "#1d4e89") == pytest.approx(1)


@given(colour=hex_colours, background=hex_colours)
def test_meet_contrast_reaches_the_target_when_black_or_white_can(colour, background):
    adjusted = meet_contrast(colour, [background], AA_LARGE_TEXT)
    best_possible = max(contrast_ratio(end, background) for end in ("#000000", "#ffffff"))
    assert contrast_ratio(adjusted, background) >= min(AA_LARGE_TEXT, best_possible)


def test_a_colour_that_already_passes_is_kept():
    roles = colour_roles("#2e7d32", "#6a1b9a")
    assert roles["primary"] == "#2e7d32"
    assert roles["accent"] == "#6a1b9a"
    assert roles["on-primary"] == "#ffffff"


def test_a_light_colour_is_darkened_keeping_its_hue():
    """Yellow cannot carry white text: it is darkened to an olive, not swapped for grey."""
    roles = colour_roles("#ffd700", "#00bcd4")
    _lightness, a, b = to_oklab(roles["link"])
    _original_lightness, a0, b0 = to_oklab("#ffd700")
    assert roles["link"] != "#ffd700"
    assert a * a0 > 0  # the same quadrant of hue
    assert b * b0 > 0
    assert contrast_ratio(roles["link"], "#ffffff") >= AA_NORMAL_TEXT


def test_links_come_from_the_primary_colour_not_the_accent():
    """A green header with purple links clashed (issue 11)."""
    roles = colour_roles("#2e7d32", "#6a1b9a")
    assert to_oklab(roles["link"])[1] < 0  # green: negative a
    assert to_oklab(roles["link-hover"])[0] < to_oklab(roles["link"])[0]


def test_missing_or_invalid_colours_give_the_defaults():
    assert colour_roles() == colour_roles(DEFAULT_PRIMARY, DEFAULT_ACCENT)
    assert colour_roles("", "not a colour") == colour_roles()
    assert colour_roles("#1D4E89", "#8a3b12") == colour_roles()


def test_the_stylesheet_fallbacks_are_the_default_roles():
    """site.css :root carries the default roles for pages rendered without the tag."""
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    root = re.search(r":root\s*{(.*?)}", css, re.DOTALL).group(1)
    declared = dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-f]{6})", root))
    assert declared == colour_roles()


def test_custom_properties_name_every_role():
    css = custom_properties(colour_roles())
    assert "--color-primary:#1d4e89;" in css
    assert css.count("--color-") == len(colour_roles())

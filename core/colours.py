"""WCAG colour contrast, so that an organization's colours stay readable."""

import functools
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


# Colour roles: what the site's stylesheet paints with, computed from the organization's two
# colours so that every pair the stylesheet puts together passes WCAG AA whatever colours an
# organization chooses (docs/design.md). Pure functions of two hex strings.

AA_LARGE_TEXT = 3.0  # also user-interface components and focus indicators (WCAG 1.4.11)
BLACK = "#000000"
DEFAULT_PRIMARY = "#1d4e89"
DEFAULT_ACCENT = "#8a3b12"
TEXT = "#1b1b1b"
TEXT_MUTED = "#4b5563"
SURFACE = WHITE
SURFACE_ALT = "#f3f4f6"
BORDER = "#c8ccd2"  # decorative separators only: hairlines need no contrast (WCAG 1.4.11)
BORDER_STRONG = "#6b7280"  # the edge of a form field, which does
HIGHLIGHT = "#fff1a8"  # search terms marked in results, under --color-text
SURFACE_PRIMARY_TINT = 0.1  # --color-surface-primary: this much primary over white
# Status colours, the same for every organization: text or icon on its own light surface.
STATUS = {
    "warning": "#8a5100",
    "warning-surface": "#fff6e5",
    "danger": "#b42318",
    "danger-surface": "#fdeeec",
    "success": "#0b6b2f",
    "success-surface": "#edf7f0",
}

# (foreground, background, minimum ratio): every pair of roles the stylesheet uses.
SURFACES = ("surface", "surface-alt", "surface-primary")
ROLE_PAIRS = [
    *(
        (fg, bg, AA_NORMAL_TEXT)
        for fg in ("text", "text-muted", "link", "link-hover")
        for bg in SURFACES
    ),
    ("on-primary", "primary", AA_NORMAL_TEXT),
    ("on-accent", "accent", AA_NORMAL_TEXT),
    ("text", "highlight", AA_NORMAL_TEXT),
    *((status, f"{status}-surface", AA_NORMAL_TEXT) for status in ("warning", "danger", "success")),
    *(("text", f"{status}-surface", AA_NORMAL_TEXT) for status in ("warning", "danger", "success")),
    *((status, "surface", AA_NORMAL_TEXT) for status in ("warning", "danger", "success")),
    # The footer: light text, links and focus rings on --color-text.
    ("surface", "text", AA_NORMAL_TEXT),
    ("surface-alt", "text", AA_NORMAL_TEXT),
    # Buttons, active filters, icons and borders that carry meaning, and focus rings.
    *(
        (fg, bg, AA_LARGE_TEXT)
        for fg in ("primary", "accent", "focus", "border-strong")
        for bg in SURFACES
    ),
    # In the header the focus ring takes the colour of the text on primary.
    ("on-primary", "primary", AA_LARGE_TEXT),
]


def _hex(value):
    """`value` as #rrggbb in lower case, or None when it is not a hex colour."""
    value = (value or "").strip().lower()
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value if HEX_COLOUR.match(value) else None


def _to_linear(channel):
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _to_srgb(channel):
    channel = 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055
    return min(max(channel, 0.0), 1.0)


def to_oklab(hex_colour):
    """(L, a, b) in Björn Ottosson's OKLab: L is lightness as the eye sees it (0–1)."""
    r, g, b = (_to_linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    lms = (
        0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
        0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
        0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
    )
    l_, m_, s_ = (v ** (1 / 3) for v in lms)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def _oklab_to_linear(lightness, a, b):
    l_ = lightness + 0.3963377774 * a + 0.2158037573 * b
    m_ = lightness - 0.1055613458 * a - 0.0638541728 * b
    s_ = lightness - 0.0894841775 * a - 1.2914855480 * b
    long, medium, short = l_**3, m_**3, s_**3
    return (
        4.0767416621 * long - 3.3077115913 * medium + 0.2309699292 * short,
        -1.2684380046 * long + 2.6097574011 * medium - 0.3413193965 * short,
        -0.0041960863 * long - 0.7034186147 * medium + 1.7076147010 * short,
    )


def from_oklab(lightness, a, b):
    """The sRGB colour of that lightness and hue; the chroma is reduced until it fits sRGB."""
    scale = 1.0
    for _attempt in range(24):
        linear = _oklab_to_linear(lightness, a * scale, b * scale)
        if all(-1e-6 <= c <= 1 + 1e-6 for c in linear):
            break
        scale *= 0.85
    return "#" + "".join(f"{round(_to_srgb(c) * 255):02x}" for c in linear)


def with_lightness(hex_colour, lightness):
    _lightness, a, b = to_oklab(hex_colour)
    return from_oklab(min(max(lightness, 0.0), 1.0), a, b)


def mix(first, second, weight):
    """`weight` of `first` over `second`, channel by channel in sRGB (as CSS color-mix)."""
    channels = (
        round(int(first[i : i + 2], 16) * weight + int(second[i : i + 2], 16) * (1 - weight))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def min_contrast(colour, backgrounds):
    return min(contrast_ratio(colour, background) for background in backgrounds)


def meet_contrast(colour, backgrounds, target):
    """`colour`, darkened or lightened as little as the eye notices until it has at least
    `target` contrast with every one of `backgrounds`; its hue kept where sRGB allows.

    Which way: towards black when black would pass against the backgrounds, else towards
    white. When neither end passes (no colour can), the better end.
    """
    if min_contrast(colour, backgrounds) >= target:
        return colour
    darkest, lightest = min_contrast(BLACK, backgrounds), min_contrast(WHITE, backgrounds)
    darken = darkest >= target or darkest >= lightest
    end = BLACK if darken else WHITE
    if min_contrast(end, backgrounds) < target:
        return end
    # Binary search on OKLab lightness between the colour and the end that passes; the
    # contrast is tested on the rounded hex colour that the stylesheet will get.
    passing, failing = (0.0, to_oklab(colour)[0]) if darken else (1.0, to_oklab(colour)[0])
    best = end
    for _step in range(20):
        middle = (passing + failing) / 2
        candidate = with_lightness(colour, middle)
        if min_contrast(candidate, backgrounds) >= target:
            passing, best = middle, candidate
        else:
            failing = middle
    return best


def _fill(colour, surfaces):
    """A colour to paint buttons and bars with and the text to put on it: the colour keeps
    3:1 against the page (its edge is its boundary) and its text 4.5:1 against it."""
    colour = meet_contrast(colour, surfaces, AA_LARGE_TEXT)
    text = max((WHITE, TEXT), key=lambda candidate: contrast_ratio(candidate, colour))
    if contrast_ratio(text, colour) < AA_NORMAL_TEXT:
        colour, text = meet_contrast(colour, [WHITE, *surfaces], AA_NORMAL_TEXT), WHITE
    return colour, text


@functools.lru_cache(maxsize=256)
def colour_roles(primary=None, accent=None):
    """{role: "#rrggbb"}, the site's colour roles from an organization's two colours (any
    hex colours; missing or invalid ones are the defaults). The CSS custom properties are
    `--color-<role>`; ROLE_PAIRS lists the pairs the stylesheet uses."""
    primary = _hex(primary) or DEFAULT_PRIMARY
    accent = _hex(accent) or DEFAULT_ACCENT
    roles = {
        "surface": SURFACE,
        "surface-alt": SURFACE_ALT,
        "surface-primary": mix(primary, WHITE, SURFACE_PRIMARY_TINT),
        "highlight": HIGHLIGHT,
        "border": BORDER,
        **STATUS,
    }
    surfaces = [roles[name] for name in SURFACES]
    roles["text"] = meet_contrast(TEXT, surfaces, AA_NORMAL_TEXT)
    roles["text-muted"] = meet_contrast(TEXT_MUTED, surfaces, AA_NORMAL_TEXT)
    roles["border-strong"] = meet_contrast(BORDER_STRONG, surfaces, AA_LARGE_TEXT)
    roles["primary"], roles["on-primary"] = _fill(primary, surfaces)
    roles["accent"], roles["on-accent"] = _fill(accent, surfaces)
    # Links in the organization's own primary colour (not the accent: a green header with
    # purple links clashes); on hover a step darker.
    roles["link"] = meet_contrast(primary, surfaces, AA_NORMAL_TEXT)
    link_lightness = to_oklab(roles["link"])[0]
    roles["link-hover"] = meet_contrast(
        with_lightness(roles["link"], link_lightness - 0.08), surfaces, AA_NORMAL_TEXT
    )
    # Focus rings in the accent, so that they stand out from links and buttons.
    roles["focus"] = meet_contrast(accent, surfaces, AA_LARGE_TEXT)
    return roles


def failing_pairs(roles):
    """The ROLE_PAIRS that `roles` do not pass, as (foreground, background, ratio, minimum)."""
    failures = []
    for foreground, background, minimum in ROLE_PAIRS:
        ratio = contrast_ratio(roles[foreground], roles[background])
        if ratio < minimum:
            failures.append((foreground, background, round(ratio, 2), minimum))
    return failures


def custom_properties(roles):
    """`--color-primary:#1d4e89;…` for a `:root {}` rule."""
    return "".join(f"--color-{role}:{value};" for role, value in sorted(roles.items()))

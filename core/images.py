"""Responsive images: the renditions each place on the site offers and the <picture> that
offers them ({% responsive_image %} in core/templatetags/image_tags.py, docs/design.md).

Every photo and logo is offered as AVIF, then WebP, then the original's kind (JPEG, or PNG
for a PNG, which may be transparent): a browser takes the first it can show. A style names
the renditions for one place and how wide that place is on the screen (`sizes`), or, for
logos shown at one height, a 1x and a 2x rendition. Listings prefetch exactly the
renditions their cards ask for (`prefetch_specs`), so a page of cards costs one query for
all of them.
"""

import logging
import posixpath
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html, format_html_join
from wagtail.images.shortcuts import get_renditions_or_not_found

logger = logging.getLogger(__name__)

# Offered before the fallback, best first. AVIF is about a third smaller than WebP at the
# same look; WebP covers the browsers without AVIF (Safari 14 and 15, on iPhones that
# cannot update past iOS 15).
MODERN_FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))
MODERN_OUTPUTS = tuple(output for output, _ in MODERN_FORMATS)

# How wide each place is (static/css/site.css): the container is 76rem with 1rem of padding
# on a phone and 1.5rem from 48rem; the reading column (--measure) is 42rem.
READING_COLUMN = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
# The card grid: one column, two from 39.5rem, three from 60rem (cards of at least 18rem).
CARD = (
    "(min-width: 76rem) 23.5rem, (min-width: 60rem) calc(33.4vw - 2rem), "
    "(min-width: 40rem) calc(50vw - 1.75rem), calc(100vw - 2rem)"
)
CARD_RESIZES = ("fill-480x270-c100", "fill-960x540-c100")


@dataclass(frozen=True)
class ImageStyle:
    """How an image shows in one place: the renditions offered, smallest first, and the
    width it takes on the screen (`sizes`); without `sizes`, the image has one size on
    every screen and the renditions are its 1x and 2x."""

    resizes: tuple[str, ...]
    sizes: str = ""

    def specs(self, output):
        """The filter specs of this style's renditions in one output format (None: the
        original's)."""
        if output is None:
            return list(self.resizes)
        return [f"{resize}|format-{output}" for resize in self.resizes]


STYLES = {
    # The home page's photo beside the mission: the whole width on a phone, a little more
    # than half of the container (1.15fr of 2.15fr, less a 3rem gap) from 64rem.
    "hero": ImageStyle(
        ("fill-640x400-c50", "fill-960x600-c50", "fill-1280x800-c50"),
        "(min-width: 76rem) 37.5rem, (min-width: 64rem) calc(53.5vw - 3.2rem), "
        "(min-width: 48rem) calc(100vw - 3rem), calc(100vw - 2rem)",
    ),
    # An article's or event's photo under its title, and a photo in a page's body.
    "lead": ImageStyle(("width-480", "width-800", "width-1200"), READING_COLUMN),
    "body": ImageStyle(("width-480", "width-800", "width-1200"), READING_COLUMN),
    # A card in the grid of news or events.
    "card": ImageStyle(CARD_RESIZES, CARD),
    # The article or event a home page features: the page's width, its photo 55 % of it
    # beside the text from 48rem.
    "card_featured": ImageStyle(
        (*CARD_RESIZES, "fill-1280x720-c100"),
        "(min-width: 76rem) 40.2rem, (min-width: 48rem) calc(55vw - 1.65rem), calc(100vw - 2rem)",
    ),
    # An event in the schedule: from 40rem a 14rem column as tall as the text beside it
    # (some 15rem), which the 16:9 photo covers about 27rem wide.
    "card_schedule": ImageStyle(CARD_RESIZES, "(min-width: 40rem) 27rem, calc(100vw - 2rem)"),
    # Logos at one height: partners' (in a 12rem × 4.5rem box) and funding programmes' (4rem
    # high). The header's logo is base.html's own (height-48, 1x and 2x, not lazy).
    "partner_logo": ImageStyle(("max-192x72", "max-384x144")),
    "programme_logo": ImageStyle(("height-64", "height-128")),
}


def fallback_format(image):
    """The format of the <img> itself, for browsers without AVIF and WebP: PNG for a PNG
    (it may be transparent), JPEG for the rest; None for a GIF, kept as Wagtail gives it
    (an animated one keeps its frames)."""
    extension = posixpath.splitext(image.file.name)[1].lower()
    if extension == ".gif":
        return None
    return "png" if extension == ".png" else "jpeg"


def prefetch_specs(*style_names):
    """Every filter spec the styles may ask for, whatever the originals' formats: what a
    listing prefetches (`Image.objects.prefetch_renditions(*prefetch_specs("card"))`)."""
    specs = []
    for name in style_names:
        style = STYLES[name]
        for output in (*MODERN_OUTPUTS, "jpeg", "png", None):
            specs.extend(spec for spec in style.specs(output) if spec not in specs)
    return specs


def fits(image):
    """Whether the image is within the pixel limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS), so that
    a rendition of it may be made. Uploads beyond it are refused; one stored before the
    limit is never opened (Pillow refuses it too, see CoreConfig.ready)."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    return limit is None or (image.width or 0) * (image.height or 0) <= limit


def _attributes(attrs):
    """` name="value"` for each attribute, in the order given (src first reads best)."""
    return format_html_join("", ' {}="{}"', attrs.items())


def _distinct(renditions):
    """The renditions by width, smallest first, each width once (images are never
    enlarged, so a small original gives the same rendition for several sizes)."""
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return [by_width[width] for width in sorted(by_width)]


def _candidates(style, renditions):
    """(url, descriptor) of each rendition: its width for a sized style, else its density
    beside the smallest (1x, 2x), each density once (an original a little larger than the
    1x gives a "1x" again)."""
    if style.sizes:
        return [(rendition.url, f"{rendition.width}w") for rendition in renditions]
    base = renditions[0].width
    found = {}
    for rendition in renditions:
        found.setdefault(f"{round(rendition.width / base, 1):g}x", rendition.url)
    return [(url, descriptor) for descriptor, url in found.items()]


def _srcset(candidates):
    return ", ".join(f"{url} {descriptor}" for url, descriptor in candidates)


def picture(image, style_name, *, alt, lazy=True, **attrs):
    """`image` as a <picture> in the style `style_name` (STYLES): AVIF and WebP sources and
    an <img> in the fallback format, with `srcset`, `sizes`, `width` and `height` (the
    largest rendition's for a sized style, the 1x one's for a logo), the largest as `src`,
    and the `alt` text.
    Loaded lazily unless `lazy` is False (what is on the first screen); `attrs` (class,
    fetchpriority, lang) go on the <img>, empty ones left out."""
    style = STYLES[style_name]
    if not fits(image):
        logger.warning(
            "Image %s (%s × %s) is beyond WAGTAILIMAGES_MAX_IMAGE_PIXELS: not shown",
            image.pk,
            image.width,
            image.height,
        )
        return ""
    fallback = fallback_format(image)
    outputs = (*MODERN_OUTPUTS, fallback) if fallback else (None,)
    specs = {output: style.specs(output) for output in outputs}
    found = get_renditions_or_not_found(image, [spec for each in specs.values() for spec in each])

    extra = {name: value for name, value in attrs.items() if value not in (None, "")}
    if lazy:
        extra.update(loading="lazy", decoding="async")
    fallback_renditions = _distinct(found[spec] for spec in specs[fallback])
    # The largest as `src`: what a reader without `srcset` takes, such as WeasyPrint for the
    # PDF, which prints sharper with it.
    img = {"alt": alt, "src": fallback_renditions[-1].url}
    if fallback_renditions[0].width == 0:
        # The original is missing from the storage: Wagtail's "not-found" stand-in, as its
        # own {% image %} tag does, so the page still shows (the alt text in its place).
        return format_html("<img{}>", _attributes({**img, **extra}))
    candidates = _candidates(style, fallback_renditions)
    if len(candidates) > 1:
        img["srcset"] = _srcset(candidates)
        if style.sizes:
            img["sizes"] = style.sizes
    shown = fallback_renditions[-1] if style.sizes else fallback_renditions[0]
    img.update(width=shown.width, height=shown.height, **extra)

    sources = []
    for output, mime_type in MODERN_FORMATS:
        if output not in specs:
            continue
        renditions = _distinct(found[spec] for spec in specs[output])
        source = {"type": mime_type, "srcset": _srcset(_candidates(style, renditions))}
        if style.sizes:
            source["sizes"] = style.sizes
        sources.append((_attributes(source),))
    return format_html(
        "<picture>{}<img{}></picture>",
        format_html_join("", "<source{}>", sources),
        _attributes(img),
    )

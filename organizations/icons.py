"""The organization's favicon and app icons, drawn from its logo (or its initials on its
primary colour when it has none), at request time and kept in the cache."""

import hashlib
import io
import logging

from django.core.cache import cache
from PIL import Image, ImageDraw

from core.colours import colour_roles
from core.lettering import draw_text

logger = logging.getLogger(__name__)

# Square PNG sizes served at /icon-<size>.png: the browser tab (32), Apple's home screen
# (180, also /apple-touch-icon.png), Android's (192, 512).
PNG_SIZES = (32, 180, 192, 512)
ICO_SIZES = (16, 32, 48)
CACHE_SECONDS = 24 * 60 * 60
# Room around a logo: home screens cut the corners of an icon.
PADDING = 0.1


def icon_version(org):
    """A short fingerprint of what the icons are drawn from, for cache keys and for the
    `?v=` that makes browsers fetch new icons after the logo or colours change."""
    if org is None:
        source = "default"
    else:
        logo = org.logo
        logo_key = f"{logo.pk}:{logo.file_hash or logo.file.name}" if logo is not None else ""
        source = f"{org.pk}:{logo_key}:{org.primary_colour}:{org.display_name}"
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def initials(name):
    """`Fundacja Studio M6` → `FS`; at most two letters."""
    letters = [word[0] for word in (name or "").split() if word[:1].isalnum()]
    return "".join(letters[:2]).upper() or "•"


def _initials_icon(name, primary, size):
    roles = colour_roles(primary)
    image = Image.new("RGBA", (size, size), roles["primary"])
    text = initials(name)
    draw = ImageDraw.Draw(image)
    font_size = round(size * (0.5 if len(text) > 1 else 0.6))
    draw_text(draw, (size / 2, size / 2), text, font_size, roles["on-primary"], anchor="mm")
    return image


def _logo_icon(logo_file, size):
    """The logo centred on a white square, scaled to fit inside the padding."""
    logo = Image.open(logo_file)
    logo.load()
    logo = logo.convert("RGBA")
    inner = max(1, round(size * (1 - 2 * PADDING)))
    logo.thumbnail((inner, inner), Image.Resampling.LANCZOS)
    image = Image.new("RGBA", (size, size), "#ffffff")
    image.alpha_composite(logo, ((size - logo.width) // 2, (size - logo.height) // 2))
    return image


def draw_icon(org, size):
    """A `size`×`size` RGBA image for the organization (None: the installation's default)."""
    if org is not None and org.logo is not None:
        try:
            with org.logo.open_file() as logo_file:
                return _logo_icon(logo_file, size)
        except Exception:  # a missing file or a format Pillow cannot read (SVG)
            logger.warning("The logo of %s could not be drawn as an icon", org, exc_info=True)
    name = org.display_name if org is not None else ""
    primary = org.primary_colour if org is not None else None
    return _initials_icon(name, primary, size)


def _cached(org, kind, build):
    key = f"site-icon:{icon_version(org)}:{kind}"
    data = cache.get(key)
    if data is None:
        data = build()
        cache.set(key, data, CACHE_SECONDS)
    return data


def icon_png(org, size):
    """PNG bytes of the square icon."""

    def build():
        buffer = io.BytesIO()
        draw_icon(org, size).save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()

    return _cached(org, f"png-{size}", build)


def favicon_ico(org):
    """ICO bytes with the 16, 32 and 48 px icons, for browsers that ask for /favicon.ico."""

    def build():
        buffer = io.BytesIO()
        largest = max(ICO_SIZES)
        draw_icon(org, largest).save(
            buffer, format="ICO", sizes=[(size, size) for size in ICO_SIZES]
        )
        return buffer.getvalue()

    return _cached(org, "ico", build)

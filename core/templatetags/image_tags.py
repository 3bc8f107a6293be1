"""Photos and logos as responsive <picture>s (core/images.py, docs/design.md)."""

from django import template

from core import images

register = template.Library()


@register.simple_tag
def responsive_image(image, style, **attrs):
    """`{% responsive_image page.hero_image "lead" alt=page.hero_alt_text %}`: the image in
    one of core.images.STYLES, AVIF and WebP first, lazily loaded unless `lazy=False`;
    `class`, `fetchpriority` and `lang` go on the <img>. Nothing without an image."""
    if not image:
        return ""
    if style not in images.STYLES:
        raise template.TemplateSyntaxError(f"No image style named {style!r} in core.images")
    return images.picture(image, style, **attrs)


@register.filter
def fits(image):
    """`{% if page.hero_image|fits %}`: the image is within the pixel limit, so a rendition
    of it may be made (for Wagtail's own {% image %} tag, as in the PDF's templates)."""
    return bool(image) and images.fits(image)

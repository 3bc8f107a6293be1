"""What the frame of every page shows of the organization: its icons and its logo."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ..icons import icon_version

register = template.Library()


@register.simple_tag(takes_context=True)
def site_icons(context):
    """<link rel="icon"> (32 px) and <link rel="apple-touch-icon"> (180 px), versioned so
    that a new logo or colour reaches browsers that kept the old icon."""
    version = icon_version(context.get("organization") or None)
    return format_html(
        '<link rel="icon" href="{}?v={}" sizes="32x32" type="image/png">\n    '
        '<link rel="apple-touch-icon" href="{}?v={}" sizes="180x180">',
        reverse("site_icon", kwargs={"size": 32}),
        version,
        reverse("apple_touch_icon"),
        version,
    )

"""Icons of the site's one set (static/icons/sprite.svg), beside the words they illustrate."""

from django import template

register = template.Library()

ICONS = frozenset(
    [
        "calendar",
        "clock",
        "place",
        "online",
        "people",
        "arrow",
        "share",
        "print",
        "pdf",
        "download",
        "search",
        "menu",
        "close",
        "globe",
    ]
)


@register.inclusion_tag("components/icon.html")
def icon(name):
    """`{% icon "calendar" %}`: a decorative icon (hidden from screen readers: the text
    beside it says what it means), sized by the stylesheet to the text around it."""
    if name not in ICONS:
        raise template.TemplateSyntaxError(f"No icon named {name!r} in the sprite")
    return {"name": name}

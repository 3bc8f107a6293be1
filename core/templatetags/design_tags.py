"""The design system's template tags: the organization's colour roles as CSS custom
properties, and the page numbers of the pagination include (docs/design.md)."""

from django import template
from django.utils.html import format_html

from core.colours import colour_roles, custom_properties

register = template.Library()


@register.simple_tag
def colour_tokens(primary=None, accent=None):
    """`<style>:root{--color-primary:…}</style>`: the colour roles computed from an
    organization's two colours (the defaults without them). Needs no database, so the 500
    page uses it too."""
    return format_html(
        "<style>:root{{{}}}</style>", custom_properties(colour_roles(primary, accent))
    )


@register.simple_tag
def page_numbers(page_obj, on_each_side=1, on_ends=1):
    """The numbers to link to around the current page, `…` (Paginator.ELLIPSIS) for gaps:
    1 … 4 5 6 … 12."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )

"""Marking text shown in another language than the page's."""

from django import template

from core.untranslated import untranslated_attributes

register = template.Library()


@register.simple_tag(takes_context=True)
def untranslated_lang(context, field):
    """` lang="pl"` on the element showing `field` (e.g. "title") when the page's published
    translation still shows it in the source language; nothing otherwise."""
    untranslated = context.get("untranslated")
    return untranslated_attributes(untranslated.field_language(field) if untranslated else "")

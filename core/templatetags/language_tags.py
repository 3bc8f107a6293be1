"""Marking text shown in another language than the page's."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from core.untranslated import render_stream, untranslated_attributes

register = template.Library()


@register.simple_tag(takes_context=True)
def untranslated_lang(context, field):
    """` lang="pl"` on the element showing `field` (e.g. "title") when the page's published
    translation still shows it in the source language; nothing otherwise."""
    untranslated = context.get("untranslated")
    return untranslated_attributes(untranslated.field_language(field) if untranslated else "")


@register.simple_tag
def shared_text_lang():
    """` lang="pl"` (the installation's first language) on text that all of a page's
    languages share and no translator translates, such as tags, when the visitor reads
    another language; nothing otherwise."""
    default = settings.LANGUAGE_CODE
    return format_html(' lang="{}"', default) if get_language() != default else ""


@register.simple_tag(takes_context=True)
def include_stream(context, stream):
    """A stream field other than the body (an event's partners and contact) as
    {% include_block %} renders it, its blocks still in the source language of the page's
    translation marked with that language, as the body's are."""
    return render_stream(stream, context.flatten())

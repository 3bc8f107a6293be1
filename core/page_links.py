"""Links to pages in a page's body (rich text links, buttons), looked up once for the
whole body instead of once for each block.

Wagtail resolves the page links of each rich text block on its own (two queries each) and
finds each linked page's translation on its own (`Page.localized`, one query each). A
page's get_context (pages.models.BasePage) gives its body to `load_linked_pages`, which
loads every page its rich text links to, and the translations of those and of the pages
its blocks chose, in the active language, for the rest of the request; the rich text
link handler and `localized` read them from there.
"""

import re
from collections.abc import Sequence
from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from wagtail.blocks import StreamValue, StructValue
from wagtail.models import Locale, Page

PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
LINK_ID = re.compile(r'\bid="(\d+)"')

# {"pages": {id as str: page or None}, "translations": {(translation_key, locale id): page}}
_loaded = ContextVar("pages_linked_from_the_body", default=None)


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for item in data.values():
            yield from _strings(item)
    elif isinstance(data, Sequence):  # lists, and the stream's RawDataView
        for item in data:
            yield from _strings(item)


def linked_page_ids(raw_data):
    """The ids of the pages the rich text in a stream's stored data links to."""
    return {
        found.group(1)
        for text in _strings(raw_data)
        if 'linktype="page"' in text
        for link in PAGE_LINK.findall(text)
        if (found := LINK_ID.search(link))
    }


def _chosen_pages(value):
    """The pages chosen in the blocks of a stream (buttons, info boxes), already loaded."""
    if isinstance(value, Page):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _chosen_pages(child.value)
    elif isinstance(value, StructValue | dict):
        for item in value.values():
            yield from _chosen_pages(item)
    elif isinstance(value, list | tuple) or type(value).__name__ == "ListValue":
        for item in value:
            yield from _chosen_pages(item)


def load_linked_pages(*streams):
    """Load, for the rest of the request, the pages the streams' rich text links to and the
    translations in the active language of those and of the pages their blocks chose."""
    loaded = _loaded.get()
    if loaded is None:
        return
    ids = set().union(*(linked_page_ids(stream.raw_data) for stream in streams))
    missing = ids - loaded["pages"].keys()
    if missing:
        found = {str(page.pk): page for page in _specific(Page.objects.filter(pk__in=missing))}
        loaded["pages"].update({pk: found.get(pk) for pk in missing})
    pages = [loaded["pages"][pk] for pk in ids if loaded["pages"][pk] is not None]
    pages += [page for stream in streams for page in _chosen_pages(stream)]
    locale = Locale.get_active()
    keys = {
        page.translation_key
        for page in pages
        if page.locale_id != locale.pk
        and (page.translation_key, locale.pk) not in loaded["translations"]
    }
    if keys:
        found = {
            page.translation_key: page
            for page in _specific(
                Page.objects.filter(translation_key__in=keys, locale=locale, live=True)
            )
        }
        loaded["translations"].update({(key, locale.pk): found.get(key) for key in keys})


def _specific(pages):
    return pages.defer_streamfields().specific()


def localized(page):
    """`page.localized`, from what `load_linked_pages` loaded when it has it."""
    loaded = _loaded.get()
    if loaded is not None and page is not None:
        locale = Locale.get_active()
        if page.locale_id == locale.pk:
            return page
        key = (page.translation_key, locale.pk)
        if key in loaded["translations"]:
            return loaded["translations"][key] or page
    return page.localized


def loaded_pages(attrs_list, load):
    """The pages of these rich text links: those `load_linked_pages` loaded, the others
    by `load` (Wagtail's own lookup)."""
    loaded = (_loaded.get() or {}).get("pages", {})
    ids = [str(attrs.get("id")) for attrs in attrs_list]
    missing = [attrs for attrs, pk in zip(attrs_list, ids, strict=True) if pk not in loaded]
    found = {}
    if missing:
        found = dict(zip([str(a.get("id")) for a in missing], load(missing), strict=True))
    return [loaded[pk] if pk in loaded else found.get(pk) for pk in ids]


def _start(**kwargs):
    _loaded.set({"pages": {}, "translations": {}})


def _stop(**kwargs):
    _loaded.set(None)


def connect():
    """Called once, by CoreConfig.ready()."""
    request_started.connect(_start, dispatch_uid="page-links-start")
    request_finished.connect(_stop, dispatch_uid="page-links-end")

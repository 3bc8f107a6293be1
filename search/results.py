"""What one organization's site search finds, in which order, and how a result is shown.

The query is reduced to lemmas in each of the organization's languages (core.lemmas) and
searched with Wagtail's own search over that language's tree: pages with every word first,
then pages with some, each group by relevance; the visitor's language first, then the
others. The number of SQL queries does not depend on how many pages match.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from core.lemmas import highlighted_excerpt, query_words
from pages.models import BasePage

# At most this many pages per language and operator are ranked: no one reads further.
MAX_RANKED = 200

# The type filter of the query string (`?type=events`) → the pages' `search_kind`.
KIND_FILTERS = {"news": "news", "events": "event", "pages": "page"}
KIND_LABELS = {"news": _("News"), "event": _("Event"), "page": _("Page")}


@dataclass
class Found:
    """A page the search ranked, and the language whose tree it was found in."""

    pk: int
    language: str
    keys: list


@dataclass
class SearchResult:
    """One result as the visitor sees it."""

    page: Page
    language: str
    language_name: str
    other_language: bool
    kind: str
    kind_label: str
    date: date | datetime | None
    upcoming: bool
    excerpt: str


def kind_content_type_ids(kind):
    """The content types of the page models whose results are of `kind`."""
    models = [
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and model.search_kind == kind
    ]
    return [
        content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()
    ]


def _scoped_pages(kind):
    pages = Page.objects.live().public()
    if kind == "page":
        others = [
            pk
            for other in KIND_FILTERS.values()
            if other != kind
            for pk in kind_content_type_ids(other)
        ]
        return pages.exclude(content_type_id__in=others)
    if kind:
        return pages.filter(content_type_id__in=kind_content_type_ids(kind))
    return pages


def language_roots(site, language):
    """The organization's home page in each language it is published in, the visitor's
    language first, then the installation's order of languages."""
    order = [code for code, _name in settings.LANGUAGES]
    roots = (
        Page.objects.filter(
            translation_key=site.root_page.translation_key, depth=site.root_page.depth
        )
        .live()
        .select_related("locale")
    )
    return sorted(
        roots,
        key=lambda root: (
            root.locale.language_code != language,
            order.index(root.locale.language_code)
            if root.locale.language_code in order
            else len(order),
        ),
    )


def rank(site, language, text, kind=None):
    """The pages of the site's organization that match `text`: [Found], best first. A page
    found in an earlier language is not listed again in a later one."""
    ranked = []
    seen = set()
    scoped = _scoped_pages(kind)
    for root in language_roots(site, language):
        root_language = root.locale.language_code
        asked = query_words(text, root_language)
        if not asked:
            continue
        keys = list(dict.fromkeys(key for word_keys in asked for key in word_keys))
        pages = scoped.descendant_of(root, inclusive=True)
        queries = [_every_word(asked)]
        if len(asked) > 1:
            queries.append(_any_of(keys))
        for query in queries:
            for page in pages.search(query)[:MAX_RANKED]:
                if page.translation_key not in seen:
                    seen.add(page.translation_key)
                    ranked.append(Found(page.pk, root_language, keys))
    return ranked


def _any_of(keys):
    return Or([PlainText(key) for key in keys]) if len(keys) > 1 else PlainText(keys[0])


def _every_word(asked):
    """Each word of the query, by any of its keys."""
    return And([_any_of(keys) for keys in asked]) if len(asked) > 1 else _any_of(asked[0])


def shown(found_list, language):
    """The results of one page of the listing, with everything the template shows: one
    query for the pages and one per page type among them."""
    pages = Page.objects.filter(pk__in=[found.pk for found in found_list]).specific()
    pages = {page.pk: page for page in pages}
    names = dict(settings.LANGUAGES)
    results = []
    for found in found_list:
        page = pages.get(found.pk)
        if page is None:
            continue
        kind = getattr(page, "search_kind", "page")
        is_searchable = isinstance(page, BasePage)
        excerpt_text = page.search_excerpt_text() if is_searchable else ""
        results.append(
            SearchResult(
                page=page,
                language=found.language,
                language_name=names.get(found.language, found.language),
                other_language=found.language != language,
                kind=kind,
                kind_label=KIND_LABELS.get(kind, KIND_LABELS["page"]),
                date=page.search_date() if is_searchable else page.last_published_at,
                upcoming=page.search_upcoming() if is_searchable else False,
                excerpt=highlighted_excerpt(excerpt_text or page.title, found.keys, found.language),
            )
        )
    return results

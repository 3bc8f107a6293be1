"""Wagtail's database search backend, given only words (core.search.words_of).

Set as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]: every search of the installation goes
through it, the public search and every admin search and chooser alike, so no query syntax,
quote or NUL character typed into any of them reaches SQLite's FTS5 or PostgreSQL.
"""

from functools import cache

from django.db import connection
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend

from .search import words_of


class NoResults(EmptySearchResults):
    """No result, of a known model: the admin's listings read the model of what they list
    (the backend's own empty results know none, and a snippet listing failed on them)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


class WordsOnly:
    """Searches and autocompletes with the words of a query typed as text; a query built in
    code (wagtail.search.query objects) goes through as it is."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return self._words_only("search", query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return self._words_only("autocomplete", query, model_or_queryset, *args, **kwargs)

    def _words_only(self, method, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            query = words_of(query)
            if not query:
                return NoResults(getattr(model_or_queryset, "model", model_or_queryset))
        return getattr(super(), method)(query, model_or_queryset, *args, **kwargs)


@cache
def words_only_backend_class(vendor):
    """The database's own backend class (SQLite FTS5 or PostgreSQL), searching words only;
    found once per database vendor, since Wagtail makes a backend for every search."""
    backend_class = type(database_backend({}))
    return type(f"WordsOnly{backend_class.__name__}", (WordsOnly, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    return words_only_backend_class(connection.vendor)(params)

"""The pages an organization's editors promoted for what a visitor searched for.

A promotion names one page; the visitor gets it in their own language where it is
translated and published, otherwise in the language it was chosen in (or another of the
organization's languages it is published in), and only while it is live, public and still
in the organization's own tree.
"""

from django.db.models import Q

from core.lemmas import query_words

from .models import SearchPromotion
from .results import Found, _scoped_pages, language_roots


def promoted(site, language, query, kind=None):
    """[Found] for the pages promoted for `query` (as core.search.words_of gives it) on the
    organization's site, in the promotions' order: one query when there are none, three
    when there are."""
    chosen = list(
        SearchPromotion.objects.filter(site=site, query=query)
        .order_by("sort_order", "pk")
        .values_list("page__translation_key", "page__locale__language_code")
    )
    if not chosen:
        return []
    roots = language_roots(site, language)
    within = Q(pk__in=[])
    for root in roots:
        within |= Q(path__startswith=root.path)
    versions = {}
    for page in (
        _scoped_pages(kind)
        .filter(within, translation_key__in=[key for key, _language in chosen])
        .values("pk", "translation_key", "locale__language_code")
    ):
        versions.setdefault(page["translation_key"], {})[page["locale__language_code"]] = page["pk"]
    order = [root.locale.language_code for root in roots]
    found = []
    first_language = {}
    for key, chosen_language in chosen:
        first_language.setdefault(key, chosen_language)
    for key, chosen_language in first_language.items():
        published = versions.get(key, {})
        # The visitor's language, else the one the editor chose, else the organization's order.
        for candidate in [language, chosen_language, *order]:
            if candidate in published:
                found.append(Found(published[candidate], candidate, _keys(query, candidate)))
                break
    return found


def _keys(query, language):
    return list(dict.fromkeys(key for word in query_words(query, language) for key in word))

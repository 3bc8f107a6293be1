from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from core.search import words_of

from .promotions import promoted
from .results import KIND_FILTERS, rank, shown
from .terms import record_search

RESULTS_PER_PAGE = 10


# Never kept by the page cache (core.page_cache) or a browser: each search is counted.
@never_cache
def search(request):
    """Search the live, public pages of this organization's site: the visitor's language
    first, then the organization's other languages."""
    # Only the words of what was typed: quotes, operators and control characters would be
    # query syntax to the database (core.search).
    asked = request.GET.get("q", "").strip()
    query = words_of(asked)
    kind_filter = request.GET.get("type", "")
    if kind_filter not in KIND_FILTERS:
        kind_filter = ""
    language = get_language()
    site = Site.find_for_request(request)
    ranked = []
    if query and site is not None:
        ranked = rank(site, language, query, KIND_FILTERS.get(kind_filter))
    paginator = Paginator(ranked, RESULTS_PER_PAGE)
    # A page number that is no number, or past the end, shows the nearest page there is.
    page_of_results = paginator.get_page(request.GET.get("page"))
    results = shown(page_of_results.object_list, language)
    recommended = []
    if query and site is not None and page_of_results.number == 1:
        recommended = shown(
            promoted(site, language, query, KIND_FILTERS.get(kind_filter)), language
        )
        # The first page of a search counts it, not the next pages of the same search.
        if "page" not in request.GET:
            record_search(site, language, query, found_anything=bool(ranked or recommended))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page_of_results,
            "results": results,
            "recommended": recommended,
            "results_here": [result for result in results if not result.other_language],
            "results_elsewhere": [result for result in results if result.other_language],
            "kind_filter": kind_filter,
            "kind_filters": KIND_FILTERS,
            # What the links to the other pages of results keep: the words and the type.
            "filter_query": urlencode(
                {"q": query, **({"type": kind_filter} if kind_filter else {})}
            ),
            # Something typed that holds no word (only quotes, signs or control characters).
            "no_words": bool(asked) and not query,
        },
    )


def to_localized_address(request):
    """The search at another language's address (`/uk/szukaj/`, the old `/pl/search/`): sent
    on, for good, to this language's own, with the same query."""
    query_string = request.GET.urlencode()
    return HttpResponsePermanentRedirect(
        reverse("search") + (f"?{query_string}" if query_string else "")
    )

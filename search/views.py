from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.search import words_of

RESULTS_PER_PAGE = 10


def search(request):
    """Search the live pages of this organization's site, in the current language."""
    # Only the words of what was typed: quotes, operators and control characters would be
    # query syntax to the database (core.search).
    asked = request.GET.get("q", "").strip()
    query = words_of(asked)
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        roots = Page.objects.filter(translation_key=site.root_page.translation_key, depth=2)
        root = roots.filter(locale__language_code=get_language()).first() or site.root_page
        results = (
            Page.objects.live()
            .public()
            .descendant_of(root, inclusive=True)
            .specific()
            .search(query, operator="and")
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_of_results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_of_results = paginator.page(1)
    except EmptyPage:
        page_of_results = paginator.page(paginator.num_pages)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page_of_results,
            # Something typed that holds no word (only quotes, signs or control characters).
            "no_words": bool(asked) and not query,
        },
    )

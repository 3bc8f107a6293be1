"""How many SQL queries each public page type may take, in one place.

Each number is what a page costs uncached (the page cache off), asserted exactly by
tests/test_query_budgets.py with 2 and with 12 articles, events, body blocks, partners,
translations and menu items: a page that costs one query more when it shows more fails
there. Existing tests of a page's query count read their number from here.

BUDGETS: Django's and Wagtail's other caches warm (the page asked for a second time);
COLD: the first request after Django's cache and the content types' cache were emptied.
Each is (the Polish page, its Ukrainian translation); the sitemap has no language.
"""

BUDGETS = {
    "home": (22, 23),
    "content": (23, 25),
    "article": (28, 29),
    "news_index": (23, 24),
    "event": (25, 26),
    "event_index": (21, 22),
    "partners": (18, 19),
    "search": (15, 15),
    "feed": (13, 14),
    "calendar": (12, 13),
    "sitemap": (7,),
}

COLD = {
    "home": (28, 29),
    "content": (30, 32),
    "article": (38, 39),
    "news_index": (30, 31),
    "event": (34, 35),
    "event_index": (26, 27),
    "partners": (24, 25),
    "search": (19, 19),
    "feed": (18, 19),
    "calendar": (17, 18),
    "sitemap": (10,),
}

# Variants of these pages other tests measure, warm, in Polish.
VARIANTS = {
    # An article whose related articles are those of its category, none chosen.
    "article without chosen related articles": 27,
    # An event without photos, and without registration on the site (the form and the
    # places taken cost two more queries).
    "event without photos": 22,
    # A search of 25 matching pages, its first page of results and its third.
    "search, first page of 25 results": 18,
    "search, third page of 25 results": 16,
}

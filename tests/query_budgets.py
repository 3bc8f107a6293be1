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
    "home": (24, 25),
    "content": (24, 26),
    "article": (29, 30),
    "news_index": (24, 25),
    "event": (26, 27),
    "event_index": (22, 23),
    "partners": (19, 20),
    "search": (15, 15),
    "feed": (13, 14),
    "calendar": (12, 13),
    "sitemap": (7,),
}

COLD = {
    "home": (30, 31),
    "content": (31, 33),
    "article": (39, 40),
    "news_index": (31, 32),
    "event": (35, 36),
    "event_index": (27, 28),
    "partners": (25, 26),
    "search": (19, 19),
    "feed": (18, 19),
    "calendar": (17, 18),
    "sitemap": (10,),
}

# Variants of these pages other tests measure, warm, in Polish.
VARIANTS = {
    # An article whose related articles are those of its category, none chosen.
    "article without chosen related articles": 28,
    # An event without photos, and without registration on the site (the form and the
    # places taken cost two more queries).
    "event without photos": 23,
    # A search of 25 matching pages, its first page of results and its third.
    "search, first page of 25 results": 18,
    "search, third page of 25 results": 16,
}

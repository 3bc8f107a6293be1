"""The search's address in each language: `/pl/szukaj/`, `/uk/poshuk/`, `/en/search/`.

Included inside i18n_patterns. The address is translated like any interface text (its
msgid is "search/"); every other language's address, and the old `search/`, lead to the
visitor's language's own.
"""

import re

from django.conf import settings
from django.urls import path, re_path
from django.utils import translation
from django.utils.translation import pgettext, pgettext_lazy

from . import views

ADDRESS = pgettext_lazy("address of the search page, a slug ending with /", "search/")


def every_address():
    """The search's address in every language, and the old one, "search/"."""
    addresses = {"search/"}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            addresses.add(pgettext("address of the search page, a slug ending with /", "search/"))
    return sorted(addresses)


urlpatterns = [
    path(ADDRESS, views.search, name="search"),
    re_path(
        "^(?:{})$".format("|".join(re.escape(address) for address in every_address())),
        views.to_localized_address,
        name="search_elsewhere",
    ),
]

"""Helpers for the organizations tests: the Polish interface strings an admin page shows."""

import contextlib
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import wagtail
import wagtail_localize
from django.conf import settings


@cache
def polish_interface_strings():
    """Every Polish translation in Wagtail's, wagtail-localize's and the project's own
    catalogues that could not pass for English: it differs from its English original and
    is no English interface string itself (Wagtail's Polish "Status" is its English too)."""
    catalogues = [
        *Path(wagtail.__file__).parent.glob("**/locale/pl/LC_MESSAGES/django*.po"),
        *Path(wagtail_localize.__file__).parent.glob("**/locale/pl/LC_MESSAGES/django*.po"),
        Path(settings.BASE_DIR) / "locale" / "pl" / "LC_MESSAGES" / "django.po",
    ]
    translations, originals = set(), set()
    for path in catalogues:
        for entry in polib.pofile(str(path)).translated_entries():
            originals.update([entry.msgid, entry.msgid_plural])
            texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            translations.update(text.strip() for text in texts)
    return {
        text
        for text in translations - originals
        if len(text) >= 4 and "%" not in text and "{" not in text and re.search(r"\w", text)
    }


IDENTIFIER_KEYS = {"name", "_type", "url", "icon_name", "classname", "id"}


class _Shown(HTMLParser):
    """The text, attribute values and script strings of a document: what a user reads,
    hears or gets from the admin's scripts (labels of the page editor's blocks)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_script = [], False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        self.found += [value.strip() for _name, value in attrs if value]

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if not self.in_script:
            self.found.append(data.strip())
            return
        key = None
        for literal, is_key in re.findall(r'"((?:[^"\\]|\\.)*)"(\s*:)?', data):
            if is_key:
                key = literal
                continue
            # Identifiers, never shown: Wagtail names its menu items by their label as
            # first translated (a Polish slug for everyone), and the like.
            if key not in IDENTIFIER_KEYS:
                with contextlib.suppress(json.JSONDecodeError):
                    self.found.append(json.loads(f'"{literal}"').strip())
            key = None


def shown_texts(response):
    """The pieces of text an admin response shows: of its HTML, or of a chooser's HTML
    within JSON."""
    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        html = body.get("html", "") if isinstance(body, dict) else ""
    else:
        html = response.content.decode()
    parser = _Shown()
    parser.feed(html)
    parser.close()
    return [text for text in parser.found if text]


def polish_shown(response, content_names=()):
    """The Polish interface strings a response shows, leaving out the names of content
    (a page titled "Aktualności" is content, not interface)."""
    polish = polish_interface_strings() - set(content_names)
    return sorted({text for text in shown_texts(response) if text in polish})


class _ListingRows(HTMLParser):
    """The rows of a snippet listing: each item's id and title, and per language the state
    and the (first) link of its Languages cell."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.in_title, self.language, self.depth = [], False, None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append({"pk": None, "title": "", "languages": {}})
        elif tag == "span" and (attrs.get("id") or "").endswith("_title") and self.rows:
            self.rows[-1]["pk"] = int(attrs["id"].split("_")[1])
            self.in_title = True
        elif tag == "div" and self.language:
            self.depth += 1
        elif tag == "div" and "data-language" in attrs and self.rows:
            self.language, self.depth = attrs["data-language"], 1
            self.rows[-1]["languages"][self.language] = (attrs["data-state"], "")
        elif tag == "a" and self.language and self.rows:
            state, href = self.rows[-1]["languages"][self.language]
            self.rows[-1]["languages"][self.language] = (state, href or attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_title = False
        elif tag == "div" and self.language:
            self.depth -= 1
            if not self.depth:
                self.language = None

    def handle_data(self, data):
        if self.in_title:
            self.rows[-1]["title"] += data.strip()


def listing_rows(response):
    parser = _ListingRows()
    parser.feed(response.content.decode())
    parser.close()
    return [row for row in parser.rows if row["pk"] is not None]

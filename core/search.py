"""What a search box may send to the search engine: words, nothing else.

Both database search backends read query syntax: SQLite's FTS5 fails on a lone quote,
PostgreSQL refuses a NUL character, and `OR`, `NEAR`, `*` or `-` change what a query means.
A visitor or an editor types words; `words_of` keeps those (letters and digits of any
script, so "інтеграція", "żołnierz" and "m6" stay whole) and drops everything else.
"""

import re

# A query longer than this is cut at a word boundary: no one types more into a search box.
MAX_QUERY_LENGTH = 200
WORD = re.compile(r"[^\W_]+")


def words_of(text, max_length=MAX_QUERY_LENGTH):
    """The words of `text`, lower-cased and separated by single spaces, at most
    `max_length` characters; "" when it holds none."""
    words = []
    length = 0
    for word in WORD.findall(str(text or "").lower()):
        length += len(word) + bool(words)
        if length > max_length:
            break
        words.append(word)
    return " ".join(words)


def has_control_characters(text):
    """Whether `text` holds NUL or another control character, which no slug, date or
    choice a form offers ever does (PostgreSQL refuses NUL in a query outright)."""
    return any(ord(character) < 32 or ord(character) == 127 for character in str(text))

"""Word forms reduced to one key, so that any inflected form finds the others.

Polish and Ukrainian inflect: "integracja", "integracji" and "integrację" are one word to
a reader, three to a full-text index. Pages and queries both go through `lemmas_of`:
each word becomes its lemma (simplemma's dictionaries for Polish, Ukrainian and English,
then a light English stemmer), folded to plain letters ("żołnierz" → "zolnierz"), so that
"zolnierz" finds "żołnierz" and "integracje" finds "integrację". What is indexed also keeps
each word's own folded form, for words the dictionaries do not know.

simplemma runs in its low-memory mode (about 60 MiB for the three languages, against
~425 MiB for Polish alone in its default mode) and loads a language's dictionary on the
first word of that language, not when the server starts.
"""

import re
import unicodedata
from functools import cache, lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

LANGUAGES = ("pl", "uk", "en")

# A word, with the apostrophes Ukrainian spells inside words ("об'єднання", "пам’ять"):
# the dictionaries know those words whole. The key drops the apostrophe, as a search box
# does (core.search.words_of).
WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
APOSTROPHES = re.compile(r"['’ʼ]")

# Where simplemma's answer is wrong for this field's texts, or it knows no answer. Keys are
# lower-case word forms, values their lemmas.
OVERRIDES = {
    "pl": {
        # Genitive plural of "polityka" (policy: "polityk migracyjnych"); simplemma reads it
        # as "polityk" (a politician), which these sites rarely write about.
        "polityk": "polityka",
        "fundraising": "fundraising",
        "fundraisingu": "fundraising",
        "fundraisingiem": "fundraising",
        "fundraisingowi": "fundraising",
        "wolontariat": "wolontariat",
        "wolontariatu": "wolontariat",
        "wolontariacie": "wolontariat",
        "wolontariatem": "wolontariat",
    },
    "uk": {
        "фандрейзинг": "фандрейзинг",
        "фандрейзингу": "фандрейзинг",
        "фандрейзингом": "фандрейзинг",
    },
    "en": {},
}

# Words a query may leave out: in a query of several words, pages holding only "w" or
# "the" are not "pages with some of the words".
STOP_WORDS = {
    language: frozenset(listed.split())
    for language, listed in {
        "pl": "a aby albo ale bez by czy dla do i ich im jak jest ku lub na nad nie o od oraz "
        "po pod przed przez przy się są to u w we z za ze że",
        "uk": "а або але в во від для до з за зі й із і чи на над не по при про та то у що це як",
        "en": "a an and are as at be by for from in is it of on or the to with",
    }.items()
}

# The light English stemmer: the first of these suffixes a lemma ends with is replaced, when
# at least three letters remain ("integration", "integrate" → "integrat"; "meeting" → "meet").
ENGLISH_SUFFIXES = (
    ("ations", "at"),
    ("ation", "at"),
    ("ings", ""),
    ("ing", ""),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("es", ""),
    ("e", ""),
    ("s", ""),
)


@cache
def _lemmatizer():
    """simplemma's lemmatizer in low-memory mode, made on first use."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(low_memory=True))


def fold(word):
    """`word` without diacritics: "żołnierz" → "zolnierz" (ł has no decomposition of its
    own, so it is named)."""
    word = word.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stem_english(word):
    for suffix, replacement in ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


@lru_cache(maxsize=65536)
def lemma_key(word, language):
    """The key of one lower-case word in `language`: its lemma (the project's overrides
    first), stemmed for English, folded and without apostrophes."""
    if language not in LANGUAGES:
        language = "pl"
    lemma = OVERRIDES[language].get(word)
    if lemma is None:
        lemma = _lemmatizer().lemmatize(word, language).lower()
    if language == "en":
        lemma = _stem_english(lemma)
    return APOSTROPHES.sub("", fold(lemma))


def surface_key(word):
    """The key of a word as written: folded, without apostrophes."""
    return APOSTROPHES.sub("", fold(word))


def words(text):
    return WORD.findall(str(text or "").lower())


def lemmas_of(text, language):
    """What is indexed for `text` in `language`: every word's key, and its own folded form
    where that differs, separated by spaces."""
    keys = []
    for word in words(text):
        key = lemma_key(word, language)
        keys.append(key)
        surface = surface_key(word)
        if surface != key:
            keys.append(surface)
    return " ".join(keys)


def query_words(text, language):
    """What a query in `language` asks for: for each word, once and in the order typed, the
    keys that find it — its lemma's and its own folded form, for a word typed without its
    diacritics that the dictionary cannot read ("pozarzadowy"). Stop words are left out
    unless nothing else is left."""
    typed = words(text)
    meaningful = [word for word in typed if word not in STOP_WORDS.get(language, ())] or typed
    asked = []
    for word in meaningful:
        keys = tuple(
            dict.fromkeys(key for key in (lemma_key(word, language), surface_key(word)) if key)
        )
        if keys and keys not in asked:
            asked.append(keys)
    return asked


def query_keys(text, language):
    """Every key of `query_words`, once."""
    return list(dict.fromkeys(key for keys in query_words(text, language) for key in keys))


def highlighted_excerpt(text, keys, language, length=40):
    """About `length` words of `text` around the first word matching one of `keys`, each
    matching word in <mark>; everything else escaped. The start of `text` when none
    matches."""
    keys = set(keys)
    tokens = re.split(r"(\s+)", str(text or "").strip())
    spoken = [index for index, token in enumerate(tokens) if token and not token.isspace()]

    def matches(token):
        return any(
            lemma_key(word, language) in keys or surface_key(word) in keys for word in words(token)
        )

    first = next((position for position, index in enumerate(spoken) if matches(tokens[index])), 0)
    start = max(0, first - length // 4)
    chosen = spoken[start : start + length]
    if not chosen:
        return ""
    parts = ["… "] if start > 0 else []
    for index in range(chosen[0], chosen[-1] + 1):
        token = tokens[index]
        if token.isspace():
            parts.append(" ")
        elif matches(token):
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    if chosen[-1] < spoken[-1]:
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 (every token above is escaped)

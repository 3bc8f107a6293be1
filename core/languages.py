"""Which language a request or a page is in."""

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import trans_real
from wagtail.coreutils import string_to_ascii
from wagtail.models import Locale, Page


def best_language(request, available):
    """The visitor's most preferred language among `available` (Accept-Language), else Polish."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in trans_real.parse_accept_lang_header(header):
        if code == "*":
            break
        base = code.split("-")[0].lower()
        if base in available:
            return base
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in available else available[0]


def content_language(context):
    """The language of the page being shown; the visitor's where there is no page."""
    page = (context or {}).get("page")
    locale = getattr(page, "locale", None)
    return locale.language_code if locale is not None else translation.get_language()


def live_translations(request, page):
    """{language code: live page} of `page` in every language it is published in, itself
    included; looked up once per request (the language switcher and the <head> share it)."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    cache = getattr(request, "_live_translations", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._live_translations = cache
    if page.pk not in cache:
        cache[page.pk] = {
            found.locale.language_code: found
            for found in page.get_translations(inclusive=True).live().select_related("locale")
        }
    return cache[page.pk]


# "In Polish", "польською": what marks a page listed in a language it is not written in.
IN_LANGUAGE = {
    "pl": _("in Polish"),
    "uk": _("in Ukrainian"),
    "en": _("in English"),
}


def in_language(code):
    """ "in Polish" (in the active language) for `code`; the code itself if unknown."""
    return IN_LANGUAGE.get(code, code)


def default_language_original(page):
    """The page's version in the default language (Polish), of its own type, or None when
    `page` is that version or it has none."""
    return (
        type(page)
        .objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .exclude(pk=page.pk)
        .select_related("locale")
        .first()
    )


def children_in_language(parent, with_untranslated=True):
    """A filter for the pages listed under `parent` (a news or event index) in its language.

    Its own children and, with `with_untranslated`, where `parent` is a translation, the
    children of its default-language original that have no live translation among them:
    content not yet translated stays findable, and a translated page is listed once. One
    SQL condition with subqueries, so a listing costs the same queries either way.
    """
    children = Q(path__startswith=parent.path, depth=parent.depth + 1)
    if not with_untranslated:
        return children
    # Under an original the condition below adds only its drafts, which a listing leaves
    # out as not live; it is skipped when the language is known without a query.
    if Page.locale.is_cached(parent) and parent.locale.language_code == settings.LANGUAGE_CODE:
        return children
    original_path = Page.objects.filter(
        translation_key=parent.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).values("path")[:1]
    translated = Page.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1, live=True
    ).values("translation_key")
    untranslated = Q(path__startswith=Subquery(original_path), depth=parent.depth + 1) & ~Q(
        translation_key__in=translated
    )
    return children | untranslated


def mark_listed(pages, listing, listing_url):
    """Give each page of a listing in `listing`'s language its address there.

    A page in another language (not yet translated) is read at the listing's address plus
    its slug (see pages.models.BasePage.route), and says which language it is in:
    `listed_url`, `listed_language` and `listed_language_name`. Returns `pages`.
    """
    for page in pages:
        if page.locale_id != listing.locale_id and listing_url:
            page.listed_url = f"{listing_url}{page.slug}/"
            page.listed_language = page.locale.language_code
            page.listed_language_name = in_language(page.listed_language)
        else:
            page.listed_url = None
            page.listed_language = ""
            page.listed_language_name = ""
    return pages


def is_served_as_fallback(request, page):
    """Whether `page` is the page not yet translated that this request reads in another
    language (see pages.models.BasePage.route_to_original)."""
    marked = getattr(request, "language_fallback_page_id", None) if request is not None else None
    return marked is not None and marked == page.pk


def served_url(request, page):
    """The address the visitor reads `page` at in this request: its own, or, for a page
    not yet translated into the visitor's language, its address in that language."""
    if is_served_as_fallback(request, page):
        return request.language_fallback_url
    return page.get_url(request)


def served_parent_url(request, page):
    """The address of the page above `page` as the visitor reads it (see `served_url`)."""
    if is_served_as_fallback(request, page):
        return request.language_fallback_url.rstrip("/").rsplit("/", 1)[0] + "/"
    parent = page.get_parent()
    return parent.get_url(request) if parent else None


# Ukrainian in Latin letters: the national transliteration (Cabinet of Ministers of
# Ukraine, resolution no. 55 of 27 January 2010). Є, Ї, Й, Ю and Я are written one way at
# the start of a word and another inside it; the soft sign and the apostrophe are left out.
UKRAINIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
UKRAINIAN_LATIN_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# "зг" is written "zgh" (Згорани: Zghorany), not "zh", which is "ж".
UKRAINIAN_ZGH = ("зг", "zgh")


def transliterate_ukrainian(text):
    """`text` with its Ukrainian letters in Latin ones, as the national standard writes
    them ("Київ" → "Kyiv", "Згорани" → "Zghorany"); other characters stay as they are."""
    result = []
    lower = text.lower()
    index = 0
    while index < len(text):
        char, low = text[index], lower[index]
        start = index == 0 or not lower[index - 1].isalpha() and lower[index - 1] not in "'’ʼ"
        if lower.startswith(UKRAINIAN_ZGH[0], index):
            latin, step = UKRAINIAN_ZGH[1], 2
        elif start and low in UKRAINIAN_LATIN_WORD_START:
            latin, step = UKRAINIAN_LATIN_WORD_START[low], 1
        elif low in UKRAINIAN_LATIN:
            latin, step = UKRAINIAN_LATIN[low], 1
        else:
            result.append(char)
            index += 1
            continue
        if char.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        result.append(latin)
        index += step
    return "".join(result)


SLUG_LENGTH = 80


def slug_for(title, language):
    """A slug of Latin letters for a page titled `title` in `language`: Ukrainian
    transliterated by the national standard, other scripts by Wagtail's ASCII folding;
    at most SLUG_LENGTH characters, cut at a word."""
    text = transliterate_ukrainian(title) if language == "uk" else title
    slug = slugify(string_to_ascii(text))
    if len(slug) > SLUG_LENGTH:
        slug = slug[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return slug


def earlier_translations(model):
    """A subquery: an object of `model` with the same translation key made before this one.
    One with none is the original its translations were made from (the first written)."""
    return model._default_manager.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )


def with_active_locale(page):
    """`page`, its locale given from the request's active locale when it is the same row
    (looked up once per request, core.request_memo): reading `page.locale` then costs no
    query."""
    if not Page.locale.is_cached(page):
        active = Locale.get_active()
        if active.pk == page.locale_id:
            page.locale = active
    return page

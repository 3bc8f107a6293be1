"""PO files of translations: one page's or snippet's, a section's (a page and its subtree) or
a snippet set's (all of one organization's partners, funding notices…), in one language.

wagtail-localize writes and reads a PO file per translation, keyed by its segments' context
paths. A file for many objects needs each entry to say whose segment it is: its msgctxt is
`<object>:<segment path>`, the object being `page:<pk>` or `<app>.<model>:<pk>` of the
original. The header says the language (`Language`) and what the file was made for
(`X-Foundation-CMS-Scope`); an upload is read against what it is uploaded to, and is
refused whole, changing nothing, unless the file is a valid PO file (polib and `msgfmt
--check`), in the scope's language, made for that scope, and every entry belongs to an
object of the scope whose translation the user may change. Entries left empty or marked
fuzzy, and entries whose original text changed since the download, are skipped and counted.

Download and upload take a fixed number of queries whatever the number of pages.
"""

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field

import polib
from bs4 import BeautifulSoup
from django.db import transaction
from django.db.models import Exists, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import validate_element

from core.languages import earlier_translations
from organizations.membership import translating_only_languages, user_site_ids

from .requests import organization_of
from .status import translatable_snippet_models

SCOPE_HEADER = "X-Foundation-CMS-Scope"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
TOOL_NAME = "PO File"
ENTRY_CONTEXT = re.compile(r"^(?P<kind>page|[a-z0-9_]+\.[a-z0-9_]+):(?P<pk>\d+):(?P<path>.+)$")


class POFileRefused(Exception):
    """An upload that changed nothing, with the message for the user."""


@dataclass
class Item:
    """One original in the scope and its translation into the scope's language."""

    ref: str  # "page:42", "partners.partner:7"
    title: str
    translation: Translation
    target_pk: int | None
    may_change: bool = False


@dataclass
class Scope:
    """What a PO file is made for: `kind` is "translation", "section" or "snippets"."""

    kind: str
    ref: str
    organization: object
    language: str
    title: str
    _items: list | None = field(default=None, repr=False)

    @property
    def identifier(self):
        return f"{self.kind} {self.ref}"

    def filename(self):
        return f"{slugify(self.organization.slug)}-{slugify(self.title)}-{self.language}.po"


def translation_scope(translation):
    """One translation (a page's or snippet's), as wagtail-localize's editor offers it."""
    instance = translation.get_target_instance()
    return Scope(
        kind="translation",
        ref=str(translation.uuid),
        organization=organization_of(instance),
        language=translation.target_locale.language_code,
        title=str(translation.source.object_repr),
    )


def section_scope(org, page, language):
    """A page and every page below it."""
    return Scope(
        kind="section", ref=str(page.pk), organization=org, language=language, title=page.title
    )


def snippet_scope(org, model, language):
    """All of the organization's snippets of one translatable model."""
    return Scope(
        kind="snippets",
        ref=f"{org.site_id} {model._meta.label_lower}",
        organization=org,
        language=language,
        title=str(model._meta.verbose_name_plural),
    )


def snippet_model(label):
    """The translatable snippet model named "app.model", or None."""
    for model in translatable_snippet_models():
        if model._meta.label_lower == label:
            return model
    return None


def items(scope, user):
    """The scope's originals with their translation into its language, in order (pages in
    tree order). Whether `user` may change each translation is on each item."""
    if scope._items is None:
        scope._items = _collect(scope, user)
    return scope._items


def _collect(scope, user):
    locale = Locale.objects.get(language_code=scope.language)
    translations = Translation.objects.filter(enabled=True, target_locale=locale).exclude(
        source__locale=locale
    )
    if scope.kind == "translation":
        translations = translations.filter(uuid=scope.ref)
    elif scope.kind == "section":
        section = Page.objects.get(pk=scope.ref)
        keys = Page.objects.filter(path__startswith=section.path).values("translation_key")
        translations = translations.filter(source__object_id__in=keys)
    else:
        site_id, label = scope.ref.split(" ")
        model = snippet_model(label)
        keys = model._default_manager.filter(site_id=site_id).values("translation_key")
        translations = translations.filter(source__object_id__in=keys)
    translations = list(translations.select_related("source", "source__specific_content_type"))
    if not translations:
        return []

    # The originals and the translations, per model: for pages all page types at once.
    by_model = {}
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        model = Page if issubclass(model, Page) else model.get_translation_model()
        by_model.setdefault(model, []).append(translation)
    found = []
    for model, group in by_model.items():
        keys = {t.source.object_id for t in group}
        wanted = Q()
        for t in group:
            wanted |= Q(translation_key=t.source.object_id, locale_id=t.source.locale_id)
        fields = ["pk", "translation_key", "locale_id"] + (
            ["title", "path"] if model is Page else []
        )
        originals = {
            row["translation_key"]: row
            for row in model._default_manager.filter(wanted).values(*fields)
        }
        targets = dict(
            model._default_manager.filter(translation_key__in=keys, locale=locale).values_list(
                "translation_key", "pk"
            )
        )
        changeable = set(
            policy_registry.get_by_type(model)
            .instances_user_has_any_permission_for(user, ["change"])
            .filter(pk__in=targets.values())
            .values_list("pk", flat=True)
        )
        names = {}
        if model is not Page:
            names = {
                instance.translation_key: str(instance)
                for instance in model._default_manager.filter(wanted)
            }
        kind = "page" if model is Page else model._meta.label_lower
        for t in group:
            original = originals.get(t.source.object_id)
            if original is None:
                continue
            target = targets.get(t.source.object_id)
            found.append(
                (
                    original.get("path", ""),
                    Item(
                        ref=f"{kind}:{original['pk']}",
                        title=original.get("title") or names.get(t.source.object_id, ""),
                        translation=t,
                        target_pk=target,
                        may_change=target in changeable,
                    ),
                )
            )
    found.sort(key=lambda pair: (pair[0], pair[1].ref))
    return [item for _path, item in found]


def _segments(scope_items, locale):
    """The string segments of the items' sources with their translation, in order."""
    by_source = {item.translation.source_id: item for item in scope_items}
    segments = (
        StringSegment.objects.filter(source_id__in=by_source)
        .select_related("string", "context")
        .annotate_translation(locale, include_errors=True)
        .order_by("source_id", "order")
    )
    return by_source, list(segments)


def export(scope, user):
    """The scope's PO file (a polib.POFile): every segment, with what is translated so far."""
    locale = Locale.objects.get(language_code=scope.language)
    scope_items = items(scope, user)
    by_source, segments = _segments(scope_items, locale)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    po = polib.POFile(wrapwidth=200)
    po.metadata = {
        "Project-Id-Version": scope.organization.name,
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": scope.language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        SCOPE_HEADER: scope.identifier,
    }
    if scope.kind == "translation":
        po.metadata["X-WagtailLocalize-TranslationID"] = scope.ref
    order = {item.translation.source_id: index for index, item in enumerate(scope_items)}
    segments.sort(key=lambda segment: (order[segment.source_id], segment.order))
    for segment in segments:
        item = by_source[segment.source_id]
        po.append(
            polib.POEntry(
                msgctxt=f"{item.ref}:{segment.context.path}",
                msgid=segment.string.data,
                msgstr=segment.translation or "",
                comment=item.title,
            )
        )
    return po


@dataclass
class Result:
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


def parse(data):
    """The uploaded bytes as a polib.POFile, or POFileRefused."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise POFileRefused(_("The file is too large for a PO file (at most 5 MB)."))
    problem = msgfmt_problem(data)
    if problem is not None:
        raise POFileRefused(_("This is not a valid PO file: %(problem)s") % {"problem": problem})
    # polib reads a file name as well as a file's text: never hand it the text.
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "upload.po")
        with open(path, "wb") as file:
            file.write(data)
        try:
            return polib.pofile(path)
        except (OSError, UnicodeDecodeError, ValueError, LookupError) as error:
            raise POFileRefused(
                _("This is not a valid PO file: %(problem)s") % {"problem": error}
            ) from error


def msgfmt_problem(data):
    """What GNU msgfmt --check finds wrong with the file, or None (also when gettext is not
    installed: polib still reads the file)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return None
    try:
        result = subprocess.run(
            [msgfmt, "--check", "-o", os.devnull, "-"],
            input=data,
            capture_output=True,
            timeout=30,
            env={"LC_ALL": "C", "PATH": os.environ.get("PATH", "")},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return _("it took too long to read")
    if result.returncode == 0:
        return None
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    lines = [
        line.removeprefix(f"{msgfmt}: ").removeprefix("<stdin>: ").removeprefix("<stdin>:")
        for line in lines
        if "fatal error" not in line
    ]
    return "; ".join(lines[:3]) or _("msgfmt refused it")


def language_of(po):
    """The language code a PO file's Language header names: "uk" for "uk", "uk_UA", "uk-UA"."""
    value = (po.metadata.get("Language") or "").strip().lower()
    return re.split(r"[_\-@.]", value, maxsplit=1)[0]


def upload(scope, user, data):
    """Apply an uploaded PO file to the scope's translations: a Result, or POFileRefused
    with nothing changed."""
    po = parse(data)
    language = language_of(po)
    if not language:
        raise POFileRefused(_("The file does not say its language (the Language header)."))
    if language != scope.language:
        raise POFileRefused(
            _("This file is in %(found)s, not in %(expected)s.")
            % {"found": language, "expected": scope.language}
        )
    made_for = (po.metadata.get(SCOPE_HEADER) or "").strip()
    if made_for != scope.identifier:
        raise POFileRefused(
            _(
                "This file was made for something else, not for “%(title)s”: download "
                "the PO file of “%(title)s” and translate that one."
            )
            % {"title": scope.title}
        )

    locale = Locale.objects.get(language_code=scope.language)
    scope_items = items(scope, user)
    by_ref = {item.ref: item for item in scope_items}
    by_source, segments = _segments(scope_items, locale)
    segment_at = {
        (by_source[segment.source_id].ref, segment.context.path): segment for segment in segments
    }

    result = Result()
    wanted = []  # (segment, msgstr)
    for entry in po:
        if entry.obsolete:
            continue
        match = ENTRY_CONTEXT.match(entry.msgctxt or "")
        if match is None:
            raise POFileRefused(
                _("Line %(line)s: the entry has no context this site wrote (msgctxt).")
                % {"line": entry.linenum}
            )
        ref = f"{match['kind']}:{match['pk']}"
        item = by_ref.get(ref)
        if item is None:
            raise POFileRefused(
                _("Line %(line)s: the entry belongs to something outside “%(title)s”.")
                % {"line": entry.linenum, "title": scope.title}
            )
        if not item.may_change:
            raise POFileRefused(
                _("Line %(line)s: you may not change the translation of “%(title)s”.")
                % {"line": entry.linenum, "title": item.title}
            )
        segment = segment_at.get((ref, match["path"]))
        if not entry.msgstr or entry.fuzzy or segment is None or segment.string.data != entry.msgid:
            # Not translated, not yet sure, or the original changed since the download.
            result.skipped += 1
            continue
        try:
            validate_element(BeautifulSoup(entry.msgstr, "html.parser"))
        except ValueError as error:
            raise POFileRefused(
                _("Line %(line)s: %(problem)s") % {"line": entry.linenum, "problem": error}
            ) from error
        wanted.append((segment, entry.msgstr))

    _apply(wanted, locale, user, result)
    return result


@transaction.atomic
def _apply(wanted, locale, user, result):
    existing = {
        (found.translation_of_id, found.context_id): found
        for found in StringTranslation.objects.select_for_update().filter(
            locale=locale, context_id__in={segment.context_id for segment, _text in wanted}
        )
    }
    now = timezone.now()
    created, changed = [], []
    for segment, text in wanted:
        found = existing.get((segment.string_id, segment.context_id))
        if found is not None and found.data == text and not found.has_error:
            result.unchanged += 1
            continue
        if found is None:
            found = StringTranslation(
                translation_of_id=segment.string_id, context_id=segment.context_id, locale=locale
            )
            created.append(found)
            existing[segment.string_id, segment.context_id] = found
        elif found.pk is not None:
            changed.append(found)
        found.data = text
        found.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        found.tool_name = TOOL_NAME
        found.last_translated_by = user
        found.updated_at = now
        found.has_error = False
        found.field_error = ""
    StringTranslation.objects.bulk_create(created)
    StringTranslation.objects.bulk_update(
        changed,
        [
            "data",
            "translation_type",
            "tool_name",
            "last_translated_by",
            "updated_at",
            "has_error",
            "field_error",
        ],
    )
    result.updated = len(created) + len(set(map(id, changed)))


def may_work_on(user, org, language):
    """Whether the user may download and upload the organization's PO files in `language`:
    its staff, and its translators into that language."""
    if org is None or language not in org.languages:
        return False
    if user.is_superuser:
        return True
    if org.site_id not in user_site_ids(user):
        return False
    languages = translating_only_languages(user, org.site_id)
    return languages is None or language in languages


def section_pages(org):
    """The pages a section PO file can be made of: the organization's home page (the whole
    site) and its children, in each language's tree (originals only are worth a file)."""
    roots = list(org.root_pages().values_list("path", flat=True))
    in_site = Q(pk__in=[])
    for path in roots:
        in_site |= Q(path__startswith=path)
    return (
        Page.objects.filter(in_site, depth__in=[2, 3])
        .exclude(Exists(earlier_translations(Page)))
        .select_related("locale")
        .order_by("path")
    )


def snippet_models():
    return sorted(translatable_snippet_models(), key=lambda model: model._meta.label_lower)

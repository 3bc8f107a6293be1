"""Where each of an organization's pages and translatable snippets stands in each of its
languages: the status board, the translators' queue and the dashboard totals read this.

States, for an original (the version first written) and a language it is not in:
- missing: never requested, no translation;
- requested: asked for (translations.models.TranslationRequest), nothing translated yet;
- in progress: x of y segments translated, or all translated but not published. Machine
  output counts as not translated until a person accepts it, as when publishing
  (organizations.translations.translation_progress);
- out of date: translated, then the original was published again (a snippet: changed in the
  admin) after the translation last took its text (changed segments wait for the
  translator);
- up to date: translated and published, the original unchanged since.

A fixed number of queries for a whole organization, whatever its size: the board
must open as fast for 2,000 pages as for 20.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

from core.languages import earlier_translations
from organizations.owned import OrganizationOwned
from organizations.translations import translation_progress

from .models import TranslationRequest

MISSING = "missing"
REQUESTED = "requested"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
STATES = {
    MISSING: _("missing"),
    REQUESTED: _("requested"),
    IN_PROGRESS: _("in progress"),
    OUT_OF_DATE: _("out of date"),
    UP_TO_DATE: _("up to date"),
}


@dataclass
class Cell:
    """One original in one language."""

    state: str
    language: str
    translated_pk: int | None = None
    translation_id: int | None = None
    source_id: int | None = None  # the TranslationSource it is translated from
    total: int = 0
    done: int = 0  # translated by a person (machine output once a person accepted it)
    machine: int = 0  # machine-translated, nobody reviewed: not done
    since: object = None  # out of date since (the original's publication)
    request: TranslationRequest | None = None

    @property
    def left(self):
        return self.total - self.done

    @property
    def label(self):
        return STATES[self.state]


@dataclass
class Row:
    """An original page or snippet and its state in each of the organization's other
    languages."""

    kind: str  # "page" or the snippet model's label
    kind_label: str
    pk: int
    title: str
    language: str
    translation_key: object
    model: type
    section: str = ""
    cells: dict = field(default_factory=dict)  # language code → Cell


def translatable_snippet_models():
    """The organization-owned snippet models that are translated (partners, funding
    notices, news categories…), found rather than named: this app sits beside news."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, OrganizationOwned) and issubclass(model, TranslatableMixin)
    ]


def board(org_settings, *, pages=True, snippets=True):
    """The rows of the organization's status board, in tree order then by snippet type."""
    languages = list(org_settings.languages)
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    rows = []
    if pages:
        rows += _page_rows(org_settings, locales)
    if snippets:
        rows += _snippet_rows(org_settings, locales)
    _fill_cells(rows, languages, locales)
    return rows


def _page_rows(org_settings, locales):
    roots = org_settings.root_pages().values_list("path", flat=True)
    if not roots:
        return []
    in_site = Page.objects.none()
    for path in roots:
        in_site |= Page.objects.filter(path__startswith=path)
    earlier = earlier_translations(Page)
    originals = (
        in_site.filter(depth__gt=2)
        .exclude(Exists(earlier))
        .order_by("path")
        .values("pk", "title", "locale_id", "translation_key", "path", "depth")
    )
    originals = list(originals)
    # The section of a page: its ancestor just below the home page (News, Events, About…).
    section_paths = {page["path"][: 3 * Page.steplen] for page in originals}
    sections = dict(Page.objects.filter(path__in=section_paths).values_list("path", "title"))
    return [
        Row(
            kind="page",
            kind_label=_("page"),
            pk=page["pk"],
            title=page["title"],
            language=locales[page["locale_id"]],
            translation_key=page["translation_key"],
            model=Page,
            section=sections.get(page["path"][: 3 * Page.steplen], ""),
        )
        for page in originals
    ]


def _snippet_rows(org_settings, locales):
    rows = []
    for model in translatable_snippet_models():
        earlier = earlier_translations(model)
        originals = (
            model._default_manager.filter(site=org_settings.site)
            .exclude(Exists(earlier))
            .order_by("pk")
        )
        rows += [snippet_row(model, instance, locales) for instance in originals]
    return rows


def snippet_row(model, instance, locales):
    """The board's row of `instance`, an original of the translatable snippet `model`;
    `locales` maps locale ids to language codes."""
    return Row(
        kind=model._meta.label_lower,
        kind_label=model._meta.verbose_name,
        pk=instance.pk,
        title=str(instance),
        language=locales[instance.locale_id],
        translation_key=instance.translation_key,
        model=model,
    )


def snippet_cells(items):
    """{(translation key, language): Cell} of `items`, originals of one translatable snippet
    model, in each language of the installation but their own: the snippet listings'
    Languages column (organizations.snippet_listing) shows the board's states."""
    if not items:
        return {}
    model = type(items[0])
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    rows = [snippet_row(model, item, locales) for item in items]
    _fill_cells(rows, [code for code, _name in settings.LANGUAGES], locales)
    return {
        (row.translation_key, language): cell
        for row in rows
        for language, cell in row.cells.items()
    }


def _fill_cells(rows, languages, locales):
    if not rows:
        return
    keys = {row.translation_key for row in rows}
    snippets_changed = last_changed_in_the_admin([row for row in rows if row.model is not Page])

    # What exists in each language: pages with their live state and last publication.
    existing = {}
    page_keys = {row.translation_key for row in rows if row.model is Page}
    for pk, key, locale_id, live, published in Page.objects.filter(
        translation_key__in=page_keys
    ).values_list("pk", "translation_key", "locale_id", "live", "last_published_at"):
        existing[key, locales[locale_id]] = (pk, live, published)
    for model in {row.model for row in rows if row.model is not Page}:
        model_keys = {row.translation_key for row in rows if row.model is model}
        for pk, key, locale_id in model._default_manager.filter(
            translation_key__in=model_keys
        ).values_list("pk", "translation_key", "locale_id"):
            existing[key, locales[locale_id]] = (pk, True, None)
    # A snippet has no publication: its original is as new as its last change in the admin.
    for row in rows:
        changed = snippets_changed.get((row.model, row.pk))
        if changed is not None:
            pk, live, _published = existing[row.translation_key, row.language]
            existing[row.translation_key, row.language] = (pk, live, changed)

    # wagtail-localize's sources and translations, and how far each translation is.
    sources = {
        (source.object_id, locales[source.locale_id]): source
        for source in TranslationSource.objects.filter(object_id__in=keys)
    }
    translations = {}
    for translation in Translation.objects.filter(
        source__in=[source.pk for source in sources.values()], enabled=True
    ).select_related("source"):
        translations[translation.source.object_id, locales[translation.target_locale_id]] = (
            translation
        )
    progress = translation_progress(
        (translation.source_id, translation.target_locale_id)
        for translation in translations.values()
    )

    requests = {}
    for request in TranslationRequest.objects.open().filter(translation_key__in=keys):
        requests[request.translation_key, locales[request.target_locale_id]] = request

    for row in rows:
        original = existing.get((row.translation_key, row.language))
        for language in languages:
            if language == row.language:
                continue
            row.cells[language] = _cell(
                row, language, original, existing, sources, translations, progress, requests
            )


def last_changed_in_the_admin(rows):
    """{(model, pk): when} each of the rows' snippets was last changed in the admin (Wagtail
    logs each edit), in one query."""
    if not rows:
        return {}
    content_types = ContentType.objects.get_for_models(*{row.model for row in rows})
    models = {content_type.pk: model for model, content_type in content_types.items()}
    wanted = {(row.model, str(row.pk)) for row in rows}
    changed = (
        ModelLogEntry.objects.filter(
            content_type_id__in=models,
            object_id__in={pk for _model, pk in wanted},
            action="wagtail.edit",
        )
        .values("content_type_id", "object_id")
        .annotate(last=Max("timestamp"))
        .values_list("content_type_id", "object_id", "last")
    )
    return {
        (models[content_type_id], int(object_id)): last
        for content_type_id, object_id, last in changed
        if (models[content_type_id], object_id) in wanted
    }


def _cell(row, language, original, existing, sources, translations, progress, requests):
    key = row.translation_key
    found = existing.get((key, language))
    translation = translations.get((key, language))
    request = requests.get((key, language))
    cell = Cell(state=MISSING, language=language, request=request)
    if found is not None:
        cell.translated_pk = found[0]
    if translation is not None:
        cell.translation_id = translation.pk
        cell.source_id = translation.source_id
        counted = progress[translation.source_id, translation.target_locale_id]
        cell.total, cell.done, cell.machine = counted.total, counted.done, counted.machine
    if found is None and translation is None:
        cell.state = REQUESTED if request is not None else MISSING
        return cell
    if translation is not None and cell.done < cell.total:
        untouched = cell.done == 0 and cell.machine == 0
        cell.state = REQUESTED if request is not None and untouched else IN_PROGRESS
        return cell
    if found is not None and not found[1]:
        cell.state = IN_PROGRESS
        return cell
    # Translated: is the original newer than the text the translation took?
    source = sources.get((key, row.language))
    published = original[2] if original else None
    taken = source.last_updated_at if source is not None else (found[2] if found else None)
    if published is not None and taken is not None and published > taken:
        cell.state = OUT_OF_DATE
        cell.since = published
    else:
        cell.state = UP_TO_DATE
    return cell


def totals(rows, languages):
    """[(language, [count of each of STATES, in order]), …] over the rows."""
    counted = {language: dict.fromkeys(STATES, 0) for language in languages}
    for row in rows:
        for language, cell in row.cells.items():
            counted[language][cell.state] += 1
    return [(language, list(counted[language].values())) for language in languages]

"""Translations with parts not yet translated: what publishing one does, and what visitors
are told.

wagtail-localize saves a translation with every untranslated segment filled with the source
text (`Translation.save_target` always uses `fallback=True`), and publishes it without a
word to visitors. Each organization chooses (`OrganizationSettings.incomplete_translations`)
between refusing such a publication, with the list of what is missing, and publishing it
with a notice and the untranslated parts marked with their language. Which parts those are
is recorded when wagtail-localize saves the translation (its `TranslationLog`), per page
revision, so that a page is marked as it was published, in one query.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, Model, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import Truncator
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from core.untranslated import UntranslatedParts

from .models import IncompleteTranslations, OrganizationSettings, UntranslatedText

# What a translation is measured by, the same for the publish guard below, the status board,
# the translators' queue, the snippet listings and closing a request (translations.status):
# every segment of its source but the slug (visitors read it only in the address, and a
# translation keeps a free slug of its own whatever the translator does), each either
# translated by a person (or machine output a person accepted), machine-translated and not
# yet reviewed (which counts as not translated), or not translated at all. A translation
# with an error counts as missing, as wagtail-localize then shows the source.


def counted_segments(source_ids):
    """The segments of these sources that a translation is measured by."""
    return StringSegment.objects.filter(source_id__in=source_ids).exclude(context__path="slug")


def _translations_of_segment(locale, *, machine):
    found = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=getattr(locale, "pk", locale),
        has_error=False,
    )
    machine_made = Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    return found.filter(machine_made) if machine else found.exclude(machine_made)


def by_person(locale):
    """A segment translated into `locale` by a person (an Exists for StringSegments)."""
    return Exists(_translations_of_segment(locale, machine=False))


def by_machine(locale):
    """A segment machine-translated into `locale` that nobody has reviewed yet."""
    return Exists(_translations_of_segment(locale, machine=True))


@dataclass(frozen=True)
class Progress:
    """How far a translation is: of `total` segments, `done` by a person, `machine` waiting
    for review (not done)."""

    total: int = 0
    done: int = 0
    machine: int = 0

    @property
    def left(self):
        return self.total - self.done

    @property
    def complete(self):
        return self.done >= self.total


def translation_progress(pairs):
    """{(source_id, locale_id): Progress} of each translation named as such a pair; one
    query per target language, however many translations."""
    pairs = set(pairs)
    progress = {}
    for locale_id in {locale_id for _source, locale_id in pairs}:
        sources = {source for source, target in pairs if target == locale_id}
        for source_id, total, done, machine in (
            counted_segments(sources)
            .values("source_id")
            .annotate(
                total=Count("pk"),
                done=Count("pk", filter=by_person(locale_id)),
                machine=Count("pk", filter=by_machine(locale_id)),
            )
            .values_list("source_id", "total", "done", "machine")
        ):
            progress[source_id, locale_id] = Progress(total, done, machine)
    return {pair: progress.get(pair, Progress()) for pair in pairs}


def missing_segments(source_id, locale):
    """[(path, source text)] of the source's strings not translated into `locale`, in order
    (machine output, even unreviewed, is a translation here: see unreviewed_machine_segments)."""
    return [
        list(row)
        for row in counted_segments([source_id])
        .exclude(by_person(locale))
        .exclude(by_machine(locale))
        .order_by("order")
        .values_list("context__path", "string__data")
    ]


def unreviewed_machine_segments(source_id, locale):
    """[(path, source text)] of the source's strings translated into `locale` by a machine
    translator (translations.machine) and not yet accepted by a person, in order. Editing
    or saving a segment in the translation editor, or a PO upload, makes it manual."""
    return [
        list(row)
        for row in counted_segments([source_id])
        .filter(by_machine(locale))
        .order_by("order")
        .values_list("context__path", "string__data")
    ]


def record_untranslated(log):
    """Remember what the translation wagtail-localize just saved shows untranslated."""
    source = log.source
    try:
        instance = source.get_translated_instance(log.locale)
    except Model.DoesNotExist:
        return
    segments = missing_segments(source.pk, log.locale)
    content_type = ContentType.objects.get_for_model(instance)
    if log.revision_id is None:
        UntranslatedText.objects.filter(
            content_type=content_type, object_id=str(instance.pk), revision=None
        ).delete()
    else:
        UntranslatedText.objects.filter(revision_id=log.revision_id).delete()
    if segments:
        UntranslatedText.objects.create(
            content_type=content_type,
            object_id=str(instance.pk),
            revision_id=log.revision_id,
            source_language=source.locale.language_code,
            segments=segments,
        )


def untranslated_snippet_language(model, pk=None):
    """A subquery: the language of the original whose text the translated snippet of `model`
    with primary key `pk` (the outer row's by default) still shows, as recorded when it was
    saved, or None. For a model with one translatable text (news categories and tags) that is
    the language of that text."""
    return Subquery(
        UntranslatedText.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(pk if pk is not None else OuterRef("pk"), CharField()),
            revision=None,
        ).values("source_language")[:1]
    )


def untranslated_parts_of_page(page):
    """What the page's live revision shows untranslated, or None; one query."""
    if not page.live_revision_id:
        return None
    found = (
        UntranslatedText.objects.filter(revision_id=page.live_revision_id)
        .values_list("source_language", "segments")
        .first()
    )
    if not found:
        return None
    language, segments = found
    return UntranslatedParts(language, [path for path, _text in segments])


def untranslated_parts_of_snippets(instances):
    """{pk: UntranslatedParts} of the snippets shown (translations of one model); one query."""
    instances = [instance for instance in instances if instance is not None]
    if not instances:
        return {}
    rows = UntranslatedText.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instances[0])),
        object_id__in=[str(instance.pk) for instance in instances],
        revision=None,
    ).values_list("object_id", "source_language", "segments")
    return {
        object_id: UntranslatedParts(language, [path for path, _text in segments])
        for object_id, language, segments in rows
    }


def organization_of(instance):
    if isinstance(instance, Page):
        return OrganizationSettings.for_page(instance)
    site_id = getattr(instance, "site_id", None)
    if site_id is None:
        return None
    return OrganizationSettings.objects.filter(site_id=site_id).first()


def refuses_incomplete(instance):
    """Whether the organization refuses to publish an incomplete translation (the default,
    also for what belongs to no organization)."""
    organization = organization_of(instance)
    choice = organization.incomplete_translations if organization else None
    return choice != IncompleteTranslations.NOTICE


def describe_segments(source_instance, segments):
    """Each missing segment as a translator finds it: the field, the block, the source text
    shortened, e.g. "Body › Rich text: “Kierując się tymi wartościami…”"."""
    blocks = {}
    for field in source_instance._meta.get_fields():
        stream = (
            getattr(source_instance, field.name, None) if hasattr(field, "stream_block") else None
        )
        for child in stream or ():
            blocks[child.id] = child.block.label
    described = []
    for path, text in segments:
        field_name, *rest = path.split(".")
        try:
            where = [str(source_instance._meta.get_field(field_name).verbose_name).capitalize()]
        except Exception:  # a path of wagtail-localize's that names no model field
            where = [field_name]
        if rest and rest[0] in blocks:
            where.append(str(blocks[rest[0]]))
        shown = Truncator(" ".join(strip_tags(text).split())).chars(60)
        described.append((" › ".join(where), shown))
    return described


def refusal(request, instance, source_instance, segments, machine=()):
    """Nothing published: the translator is sent back to the editor with what is missing,
    and what a machine translated that nobody has reviewed yet (counted as not translated)."""
    parts = []
    if segments:
        described = describe_segments(source_instance, segments)
        parts.append(
            format_html(
                "{} <ul>{}</ul>",
                ngettext(
                    "Not published: %(count)s part is not yet translated. Translate it, then "
                    "publish again.",
                    "Not published: %(count)s parts are not yet translated. Translate them, "
                    "then publish again.",
                    len(described),
                )
                % {"count": len(described)},
                format_html_join("", "<li>{}: “{}”</li>", described),
            )
        )
    if machine:
        described = describe_segments(source_instance, machine)
        parts.append(
            format_html(
                "{} <ul>{}</ul>",
                ngettext(
                    "Not published: %(count)s machine-translated part is not yet reviewed, "
                    "so it counts as not translated. Choose Edit on it, correct it if needed "
                    "and Save, then publish again.",
                    "Not published: %(count)s machine-translated parts are not yet reviewed, "
                    "so they count as not translated. Choose Edit on each, correct it if "
                    "needed and Save, then publish again.",
                    len(described),
                )
                % {"count": len(described)},
                format_html_join("", "<li>{}: “{}”</li>", described),
            )
        )
    messages.error(request, format_html_join("", "{}", ((part,) for part in parts)))
    return redirect(request.get_full_path())


def enabled_translation(instance):
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def check_translation_editor_publish(request, instance):
    """In wagtail-localize's translation editor, "Publish" of an incomplete translation when
    the organization refuses them; machine output nobody reviewed counts as not translated
    (with a notice instead, the translator is warned of it). What the translator typed is
    saved string by string as they type, so nothing of theirs is lost."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = enabled_translation(instance)
    if translation is None:
        return None
    machine = unreviewed_machine_segments(translation.source_id, translation.target_locale)
    if not refuses_incomplete(instance):
        if machine:
            messages.warning(
                request,
                ngettext(
                    "%(count)s machine-translated part is published before anyone reviewed it.",
                    "%(count)s machine-translated parts are published before anyone reviewed them.",
                    len(machine),
                )
                % {"count": len(machine)},
            )
        return None
    segments = missing_segments(translation.source_id, translation.target_locale)
    if not segments and not machine:
        return None
    return refusal(request, instance, translation.source.get_source_instance(), segments, machine)


def still_untranslated(page):
    """[(path, source text)] of what the last synchronised translation left untranslated and
    the page (as its editor is publishing it) still shows unchanged."""
    recorded = (
        UntranslatedText.objects.filter(
            content_type=ContentType.objects.get_for_model(page),
            object_id=str(page.pk),
            revision__isnull=False,
        )
        .exclude(revision_id=page.latest_revision_id)
        .order_by("-revision_id")
        .values_list("segments", "source_language")
        .first()
    )
    if not recorded:
        return [], None
    segments, language = recorded
    shown = {
        segment.path: segment.string.data
        for segment in extract_segments(page)
        if isinstance(getattr(segment, "string", None), StringValue)
    }
    return [[path, text] for path, text in segments if shown.get(path) == text], language


def check_page_editor_publish(request, page):
    """Publishing a translation from the page editor (after "Convert to manual editing")
    while it still shows source text that the synchronised translation left untranslated.
    The page editor has already saved what was typed as a draft revision."""
    if enabled_translation(page) is not None:
        return None
    segments, language = still_untranslated(page)
    if not segments:
        return None
    if refuses_incomplete(page):
        source = page.get_translations().filter(locale__language_code=language).first()
        return refusal(request, page, (source or page).specific, segments)
    # Published with a notice: this revision is marked as the synchronised ones are.
    UntranslatedText.objects.update_or_create(
        revision_id=page.latest_revision_id,
        defaults={
            "content_type": ContentType.objects.get_for_model(page),
            "object_id": str(page.pk),
            "source_language": language,
            "segments": segments,
        },
    )
    return None


def carry_untranslated(from_revision_id, to_revision_id):
    """A new revision of a translation made from `from_revision_id` with its text unchanged
    (e.g. its synchronised fields updated from the original): it shows the same parts
    untranslated."""
    found = UntranslatedText.objects.filter(revision_id=from_revision_id).first()
    if found is not None and from_revision_id != to_revision_id:
        UntranslatedText.objects.update_or_create(
            revision_id=to_revision_id,
            defaults={
                "content_type_id": found.content_type_id,
                "object_id": found.object_id,
                "source_language": found.source_language,
                "segments": found.segments,
            },
        )

"""What changed in an original since its translation: each changed passage beside the
translation it had, for the translator to update.

When an original's text changes and its translations are synced (wagtail-localize's "Sync
translated pages"), a changed passage is a new source string with no translation: the
translation editor shows it as untranslated, and the translator's words for the old
passage are out of sight. They are not lost: wagtail-localize keeps them, tied to the same
place in the page (its translation context). Here they are shown again beside the old and
the new original text, and saving puts the translator's updated words on the new passage:
nothing is overwritten without the translator's action.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import transaction
from django.db.models import Exists, OuterRef
from wagtail_localize.models import StringSegment, StringTranslation


@dataclass
class Change:
    segment: StringSegment
    old_source: str
    old_translation: str

    @property
    def new_source(self):
        return self.segment.string.data

    @property
    def key(self):
        return f"segment-{self.segment.pk}"


def changes_of(translation):
    """The passages of `translation`'s source that are not translated into its language but
    were before, in the order of the source; three queries.

    Several passages can share one place: the paragraphs of a rich text block are strings of
    the same translation context. There, the earlier words are those of a passage no longer
    in the original, the one most like the changed passage; elsewhere the latest words for
    the place."""
    locale_id = translation.target_locale_id
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
    )
    untranslated = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(Exists(translated))
        .select_related("string", "context")
        .order_by("order")
    )
    if not untranslated:
        return []
    contexts = {segment.context_id for segment in untranslated}
    current = set(
        StringSegment.objects.filter(
            source_id=translation.source_id, context_id__in=contexts
        ).values_list("context_id", "string_id")
    )
    shared = Counter(context_id for context_id, _string_id in current)
    earlier = defaultdict(list)
    for old in (
        StringTranslation.objects.filter(context_id__in=contexts, locale_id=locale_id)
        .select_related("translation_of")
        .order_by("-pk")
    ):
        # Words for a passage still in the original at this place are not earlier words.
        if (old.context_id, old.translation_of_id) not in current:
            earlier[old.context_id].append(old)
    changes = []
    for segment in untranslated:
        candidates = earlier.get(segment.context_id)
        if not candidates:
            continue
        old = candidates[0]
        if shared[segment.context_id] > 1:
            old = max(candidates, key=lambda old: likeness(old, segment))
        candidates.remove(old)
        changes.append(
            Change(
                segment=segment,
                old_source=old.translation_of.data,
                old_translation=old.data,
            )
        )
    return changes


def likeness(old, segment):
    return SequenceMatcher(None, old.translation_of.data, segment.string.data).ratio()


@transaction.atomic
def apply_updates(translation, changes, texts, user):
    """Save the translator's words for each changed passage they filled in; returns how
    many were saved. An empty text leaves the passage untranslated."""
    saved = 0
    for change in changes:
        text = (texts.get(change.key) or "").strip()
        if not text:
            continue
        StringTranslation.objects.update_or_create(
            translation_of_id=change.segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=change.segment.context_id,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
        saved += 1
    return saved

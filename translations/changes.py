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

from dataclasses import dataclass

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
    were before, in the order of the source; two queries."""
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
    earlier = {}
    for old in (
        StringTranslation.objects.filter(
            context_id__in=[segment.context_id for segment in untranslated], locale_id=locale_id
        )
        .select_related("translation_of")
        .order_by("pk")
    ):
        # The latest words for each place win.
        earlier[old.context_id] = old
    return [
        Change(
            segment=segment,
            old_source=earlier[segment.context_id].translation_of.data,
            old_translation=earlier[segment.context_id].data,
        )
        for segment in untranslated
        if segment.context_id in earlier
    ]


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

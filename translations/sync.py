"""Translations follow their original's synchronised fields, and never lose their text.

wagtail-localize copies an original's synchronised fields (an event's dates, format and
capacity, an article's date, a hero image, links and e-mail addresses: what is the same in
every language) to its translations only when someone syncs them, and a sync re-renders the
translation's text too. Here, publishing an original copies those fields, and only those, to
each translation at once: a new revision of the translation with its own text as the
translator left it; published where the translation is live with nothing unpublished,
saved as a draft beside the translator's unpublished work otherwise. A value a translator
overrode for their language (wagtail-localize's overrides) stays. Relations to many
(registration questions, partners of an event) are left to wagtail-localize's sync: they
carry translated text.
"""

from django.db import models
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import SegmentOverride

from organizations.page_permissions import is_translation
from organizations.translations import carry_untranslated


def synchronised_columns(model, source):
    """The synchronised fields of `model` that are a column of its own table (plain values
    and foreign keys): safe to copy without touching any translated text."""
    found = []
    for translatable in get_translatable_fields(model):
        # Not wagtail-localize's "synchronised" text fields (a stream's structure, an empty
        # text): those hold or will hold translated text.
        if not isinstance(translatable, SynchronizedField) or not translatable.is_synchronized(
            source
        ):
            continue
        field = translatable.get_field(model)
        if isinstance(field, models.Field) and field.concrete and not field.many_to_many:
            found.append(field)
    return found


def synchronise_translations(page):
    """Copy the original's synchronised fields to each of its translations; returns the
    translations changed."""
    source = page.specific
    if is_translation(source):
        return []
    fields = synchronised_columns(type(source), source)
    changed = []
    for translation in source.get_translations().specific():
        # What a translator chose differently for their language (another image): kept.
        overridden = set(
            SegmentOverride.objects.filter(
                locale_id=translation.locale_id, context__object_id=source.translation_key
            ).values_list("context__path", flat=True)
        )
        target = translation.get_latest_revision_as_object()
        different = [
            field
            for field in fields
            if field.name not in overridden
            and getattr(target, field.attname) != getattr(source, field.attname)
        ]
        if not different:
            continue
        for field in different:
            setattr(target, field.attname, getattr(source, field.attname))
        publish = translation.live and not translation.has_unpublished_changes
        live_revision_id = translation.live_revision_id
        revision = target.save_revision(clean=False)
        if publish:
            carry_untranslated(live_revision_id, revision.pk)
            revision.publish()
        changed.append(translation)
    return changed

# The questions of registration forms become translatable with their event (wagtail-localize
# translates child objects only when they have a locale and a translation key). The fields are
# made required in the next migration: on PostgreSQL a table whose rows were just updated (with
# deferred foreign key checks pending) cannot be altered in the same transaction.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def pair_questions_with_their_translations(apps, schema_editor):
    """Each question gets its page's locale and a translation key; a question of a
    translated event shares the key of the original's question with the same clean_name,
    as the copy made for the translation had it."""
    EventFormField = apps.get_model("events", "EventFormField")
    EventPage = apps.get_model("events", "EventPage")
    pages = {
        page.pk: page
        for page in EventPage.objects.filter(
            pk__in=EventFormField.objects.values("page_id")
        ).select_related("locale")
    }
    keys = {}  # (the event's translation key, clean_name, n-th such) -> translation key
    seen = {}  # (page, clean_name) -> how many so far: two questions may share a clean_name
    fields = sorted(
        EventFormField.objects.all(),
        # The originals first, so that their translations find their keys.
        key=lambda field: (
            pages[field.page_id].locale.language_code != settings.LANGUAGE_CODE,
            field.page_id,
            field.sort_order or 0,
            field.pk,
        ),
    )
    for field in fields:
        page = pages[field.page_id]
        nth = seen[field.page_id, field.clean_name] = seen.get((field.page_id, field.clean_name), 0) + 1
        field.locale_id = page.locale_id
        field.translation_key = keys.setdefault(
            (page.translation_key, field.clean_name, nth), uuid.uuid4()
        )
        field.save(update_fields=["locale", "translation_key"])

class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_registrations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventformfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="eventformfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(pair_questions_with_their_translations, migrations.RunPython.noop),
    ]

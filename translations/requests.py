"""Recording requests for translation and telling the translators.

A request is made with wagtail-localize's "Translate" (translations.views): the translation
is created as wagtail-localize does (a draft to translate segment by segment), and a
`TranslationRequest` per object and language records the note, the due date and who asked.
The translators of each language of the organization get one e-mail per request, in the
language they chose for the admin, sent by a background task (translations.tasks) that
exists only if the request is committed, once to each translator and retried while the
mail server refuses it (core.tasks).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from core.tasks import enqueue_on_commit
from organizations.translations import organization_of, translation_progress

from .models import TranslationRequest
from .tasks import notify_translators_task


def record_requests(*, objects, locales, user, note="", due_date=None):
    """Open (or renew) a request for each object in each locale; e-mail the translators
    once the transaction commits (a renewed request is e-mailed again). Returns the
    requests."""

    made = []
    for instance in objects:
        org = organization_of(instance)
        if org is None:
            continue
        model = instance.get_translation_model()
        for locale in locales:
            if locale.pk == instance.locale_id:
                continue
            request, _created = TranslationRequest.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model),
                translation_key=instance.translation_key,
                target_locale=locale,
                completed_at=None,
                defaults={
                    "site": org.site,
                    "source_locale_id": instance.locale_id,
                    "title": str(instance.get_admin_display_title())
                    if isinstance(instance, Page)
                    else str(instance),
                    "note": note,
                    "due_date": due_date,
                    "requested_by": user,
                },
            )
            made.append(request)
    for request in made:
        enqueue_on_commit(notify_translators_task, request.pk, uuid.uuid4().hex)
    return made


def companions_of(objects):
    """The translatable things the requested pages show that are translated on their own
    (an article's tags): what each page's `translation_companions()` returns, if it has one.
    A generic hook, so that this app knows no page type."""
    found = {}
    for instance in objects:
        companions = getattr(instance, "translation_companions", None)
        if companions is None:
            continue
        for companion in companions():
            found.setdefault((type(companion), companion.pk), companion)
    return list(found.values())


def request_companions(*, objects, locales, user, note="", due_date=None):
    """Request with the pages what they show that is not yet translated into `locales`:
    the draft translation made as wagtail-localize makes it for a page's related objects
    (TranslationCreator), and a request recorded (e-mailed like any other). Nothing already
    translated completely or already requested is asked for again. Returns the requests."""
    made = []
    for companion in companions_of(objects):
        for locale in locales:
            if locale.pk == companion.locale_id:
                continue
            if (
                TranslationRequest.objects.open()
                .for_object(companion)
                .filter(target_locale=locale)
                .exists()
            ):
                continue
            if companion.has_translation(locale):
                if translated_completely(companion, locale):
                    continue
            else:
                TranslationCreator(user, [locale]).create_translations(
                    companion, include_related_objects=False
                )
            made += record_requests(
                objects=[companion], locales=[locale], user=user, note=note, due_date=due_date
            )
    return made


def translated_completely(instance, locale):
    """Whether `instance` has a translation into `locale` with nothing left to translate (one
    made outside wagtail-localize's editor counts as done)."""
    found = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale=locale
    ).first()
    if found is None:
        return True
    pair = (found.source_id, found.target_locale_id)
    return translation_progress([pair])[pair].complete


def complete_requests(instance):
    """Close the open requests for `instance`'s language once its translation is done (the
    page or snippet was saved with every segment translated by a person, machine output
    reviewed)."""
    open_requests = TranslationRequest.objects.open().filter(
        translation_key=instance.translation_key, target_locale_id=instance.locale_id
    )
    if not open_requests.exists():
        return 0
    found = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).first()
    if found is not None:
        # As the board and publishing count: machine output nobody reviewed is not done.
        pair = (found.source_id, found.target_locale_id)
        if not translation_progress([pair])[pair].complete:
            return 0
    return open_requests.update(completed_at=timezone.now())

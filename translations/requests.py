"""Recording requests for translation and telling the translators.

A request is made with wagtail-localize's "Translate" (translations.views): the translation
is created as wagtail-localize does (a draft to translate segment by segment), and a
`TranslationRequest` per object and language records the note, the due date and who asked.
The translators of each language of the organization get one e-mail per request, in the
language they chose for the admin.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from organizations.translations import organization_of

from .models import TranslationRequest


def record_requests(*, objects, locales, user, note="", due_date=None):
    """Open (or renew) a request for each object in each locale; e-mail the translators
    once the transaction commits. Returns the requests."""
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
    if made:
        ids = [request.pk for request in made]
        transaction.on_commit(lambda: notify_translators(ids))
    return made


def translators_of(site, language):
    """The active members of the organization's translators group for `language`."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__organization_role__site=site,
            groups__organization_role__role="translators",
            groups__organization_role__language=language,
        )
        .distinct()
    )


def notify_translators(request_ids):
    """One e-mail per request to each translator of its language, in their admin language."""
    requests = TranslationRequest.objects.filter(pk__in=request_ids).select_related(
        "target_locale", "source_locale", "requested_by", "site"
    )
    for request in requests:
        for translator in translators_of(request.site, request.target_locale.language_code):
            if not translator.email:
                continue
            language = UserProfile.get_for_user(translator).get_preferred_language()
            with translation.override(language):
                context = {
                    "request": request,
                    "translator": translator,
                    "queue_url": admin_url(reverse("translations:queue")),
                    "language_name": get_language_info(request.target_locale.language_code)[
                        "name_translated"
                    ],
                }
                send_mail(
                    _("To translate into %(language)s: %(title)s")
                    % {"language": context["language_name"], "title": request.title},
                    render_to_string("translations/request_email.txt", context),
                    None,
                    [translator.email],
                )


def admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def complete_requests(instance):
    """Close the open requests for `instance`'s language once its translation is done (the
    page or snippet was saved with every segment translated)."""
    open_requests = TranslationRequest.objects.open().filter(
        translation_key=instance.translation_key, target_locale_id=instance.locale_id
    )
    if not open_requests.exists():
        return 0
    found = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).first()
    if found is not None:
        total, done = found.get_progress()
        if done < total:
            return 0
    return open_requests.update(completed_at=timezone.now())

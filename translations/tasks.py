"""The background task that tells translators of a request (translations.requests): one
e-mail about the request to each translator of its language, in the language they chose
for the admin, once each (core.tasks.send_once), retried while the mail server refuses."""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile

from core.tasks import retrying, send_once

from .models import TranslationRequest


@task()
def notify_translators_task(request_id, notice_key, attempt=1):
    """E-mail the translators of one request; retried while the mail server refuses."""
    return retrying(
        notify_translators_task,
        lambda: notify_translators(request_id, notice_key),
        request_id,
        notice_key,
        attempt=attempt,
    )


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


def notify_translators(request_id, notice_key):
    """One e-mail about the request to each translator of its language, in their admin
    language; each at most once for this notice (`notice_key`: one opening or renewal)."""
    request = (
        TranslationRequest.objects.filter(pk=request_id)
        .select_related("target_locale", "source_locale", "requested_by", "site")
        .first()
    )
    if request is None:
        return 0
    sent = 0
    for translator in translators_of(request.site, request.target_locale.language_code):
        if translator.email:
            sent += send_once(
                f"translation-request:{notice_key}:{translator.pk}",
                partial(request_email, request, translator),
            )
    return sent


def request_email(request, translator):
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
        return EmailMessage(
            _("To translate into %(language)s: %(title)s")
            % {"language": context["language_name"], "title": request.title},
            render_to_string("translations/request_email.txt", context),
            None,
            [translator.email],
        )


def admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"

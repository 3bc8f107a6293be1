"""The background tasks that tell translators of a request (translations.requests): one
e-mail about the request to each translator of its language, in the language they chose
for the admin, once each (core.tasks.send_once), retried while the mail server refuses.

And the reminder: the daily job (`manage.py maintain_tasks`, core.periodic) finds the open
requests due tomorrow and enqueues one reminder for each, which each translator of that
language of that organization gets once per request and due date (a request given a later
due date is reminded again the day before that one).
"""

import datetime
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from core.tasks import enqueue_on_commit, retrying, send_once
from organizations.translations import translation_progress

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


# --- The reminder the day before a request is due ------------------------------------------


def reminder_key(request_id, due_date, translator_id):
    return f"translation-reminder:{request_id}:{due_date.isoformat()}:{translator_id}"


def requests_due_tomorrow(now):
    """The open requests due the day after `now`'s day (in the site's time zone)."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    return TranslationRequest.objects.open().filter(due_date=tomorrow)


def queue_reminders(sender=None, *, now, **kwargs):
    """The daily job's part (core.periodic): enqueue the reminder of each open request due
    tomorrow. Returns a line for the job's output."""
    due = list(requests_due_tomorrow(now).values_list("pk", "due_date"))
    for request_id, due_date in due:
        enqueue_on_commit(remind_translators_task, request_id, due_date.isoformat())
    return f"{len(due)} reminder(s) of translations due tomorrow queued."


@task()
def remind_translators_task(request_id, due_date, attempt=1):
    """Remind the translators of one request due on `due_date` (ISO); retried while the mail
    server refuses."""
    return retrying(
        remind_translators_task,
        lambda: remind_translators(request_id, datetime.date.fromisoformat(due_date)),
        request_id,
        due_date,
        attempt=attempt,
    )


def remind_translators(request_id, due_date):
    """One reminder to each translator of the request's language, in their admin language,
    at most once per request and due date; nothing if the request was completed or its due
    date changed meanwhile."""
    request = (
        TranslationRequest.objects.open()
        .filter(pk=request_id, due_date=due_date)
        .select_related("target_locale", "site")
        .first()
    )
    if request is None:
        return 0
    left = segments_left(request)
    sent = 0
    for translator in translators_of(request.site, request.target_locale.language_code):
        if not translator.email:
            continue
        sent += send_once(
            reminder_key(request.pk, due_date, translator.pk),
            partial(reminder_email, request, translator, left),
        )
    return sent


def segments_left(request):
    """(left, total) segments of the request's translation, or None before it is made."""
    found = Translation.objects.filter(
        source__object_id=request.translation_key, target_locale_id=request.target_locale_id
    ).first()
    if found is None:
        return None
    pair = (found.source_id, found.target_locale_id)
    progress = translation_progress([pair])[pair]
    return progress.left, progress.total


def reminder_email(request, translator, left):
    language = UserProfile.get_for_user(translator).get_preferred_language()
    with translation.override(language):
        language_name = get_language_info(request.target_locale.language_code)["name_translated"]
        context = {
            "request": request,
            "translator": translator,
            "queue_url": admin_url(reverse("translations:queue")),
            "language_name": language_name,
            "left": left[0] if left else None,
            "total": left[1] if left else None,
        }
        return EmailMessage(
            _("Due tomorrow, translation into %(language)s: %(title)s")
            % {"language": language_name, "title": request.title},
            render_to_string("translations/reminder_email.txt", context),
            None,
            [translator.email],
        )

"""Requesting a translation: an editor asks for a page (or a section, or a snippet) to be
translated into chosen languages with a note and a due date; the translators of each
language are e-mailed in their admin language and find it in their queue."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.home.helpers import assert_refused, login
from tests.partners.helpers import make_partner
from tests.utils import (
    MAIL_SERVER_DOWN,
    add_content_page,
    make_due,
    make_staff,
    run_worker,
    tasks_of,
)
from translations.models import TranslationRequest
from translations.tasks import notify_translators_task

pytestmark = pytest.mark.django_db


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def locale(code):
    return Locale.objects.get(language_code=code)


def request_translation(client, page, languages, **fields):
    return client.post(
        submit_url(page), {"locales": [locale(code).pk for code in languages], **fields}
    )


@pytest.fixture
def translators(org_a):
    uk = make_staff(org_a, "translators", language="uk")
    en = make_staff(org_a, "translators", language="en")
    profile = UserProfile.get_for_user(uk)
    profile.preferred_language = "uk"
    profile.save()
    return {"uk": uk, "en": en}


def test_an_editor_requests_a_translation_with_a_note_and_a_due_date(
    client, editor_a, page_a, translators, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + datetime.timedelta(days=7)
    login(client, editor_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = request_translation(
            client, page_a, ["uk", "en"], note="Prosimy o prosty język.", due_date=due.isoformat()
        )

    assert response.status_code == 302
    requests = TranslationRequest.objects.order_by("target_locale__language_code")
    assert [(r.target_locale.language_code, r.note, r.due_date) for r in requests] == [
        ("en", "Prosimy o prosty język.", due),
        ("uk", "Prosimy o prosty język.", due),
    ]
    assert all(r.requested_by == editor_a and r.completed_at is None for r in requests)
    # wagtail-localize made the drafts to translate; visitors meanwhile get the original
    # (marked), not a copy of it published as a "translation".
    translations = Page.objects.filter(translation_key=page_a.translation_key).exclude(pk=page_a.pk)
    assert translations.count() == 2
    assert not any(page.live for page in translations)
    # One e-mail to each language's translator, in the language of their admin.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [translators["uk"].email, translators["en"].email]
    )
    ukrainian = next(m for m in mail.outbox if m.to == [translators["uk"].email])
    assert ukrainian.subject.startswith("Перекласти")
    assert "Prosimy o prosty język." in ukrainian.body
    assert reverse("translations:queue") in ukrainian.body


def test_a_due_date_in_the_past_is_refused_and_what_was_typed_stays(
    client, editor_a, page_a, translators
):
    login(client, editor_a)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = request_translation(
        client, page_a, ["uk"], note="Pilne", due_date=yesterday.isoformat()
    )

    assert response.status_code == 200
    # The editor's admin is in Polish: the message is too.
    assert response.context["form"].errors["due_date"] == [
        "Ten termin już minął; wybierz późniejszy."
    ]
    assert "Ten termin już minął" in response.content.decode()
    assert "Pilne</textarea>" in response.content.decode()
    assert not TranslationRequest.objects.exists()
    assert mail.outbox == []


def test_a_section_is_requested_page_by_page(
    client, editor_a, org_a, translators, django_capture_on_commit_callbacks
):
    section = add_content_page(org_a, "Projekty")
    add_content_page(org_a, "Projekt pierwszy", parent=section)
    add_content_page(org_a, "Projekt drugi", parent=section)
    login(client, editor_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = request_translation(client, section, ["uk"], include_subtree="on")

    assert response.status_code == 302
    assert sorted(TranslationRequest.objects.values_list("title", flat=True)) == [
        "Projekt drugi",
        "Projekt pierwszy",
        "Projekty",
    ]


def test_a_translator_requests_only_into_their_own_language(client, translators, page_a):
    login(client, translators["uk"])

    shown = client.get(submit_url(page_a))
    offered = {str(choice[1]) for choice in shown.context["form"].fields["locales"].choices}
    refused = request_translation(client, page_a, ["en"])

    assert offered == {locale("uk").get_display_name()}
    assert refused.status_code in (200, 403)
    assert not TranslationRequest.objects.exists()


def test_another_organizations_editor_cannot_request_a_translation(client, editor_b, page_a):
    login(client, editor_b)

    response = request_translation(client, page_a, ["uk"])

    assert_refused(response)
    assert not TranslationRequest.objects.exists()


def translate_everything(page, code):
    target = locale(code)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=target
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=target,
            context=segment.context,
            defaults={"data": f"[{code}] {segment.string.data}"},
        )
    return translation


def test_the_queue_shows_the_translators_languages_most_urgent_first_with_what_is_left(
    client, editor_a, org_a, translators, django_capture_on_commit_callbacks
):
    later = add_content_page(org_a, "Później", intro="Tekst do przetłumaczenia.")
    sooner = add_content_page(org_a, "Wcześniej", intro="Pilny tekst.")
    login(client, editor_a)
    in_a_week = timezone.localdate() + datetime.timedelta(days=7)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(client, later, ["uk", "en"], due_date=in_a_week.isoformat())
        request_translation(client, sooner, ["uk"], due_date=tomorrow.isoformat())

    response = login(client, translators["uk"]).get(reverse("translations:queue"))

    items = response.context["items"]
    assert [(i["request"].title, i["request"].target_locale.language_code) for i in items] == [
        ("Wcześniej", "uk"),
        ("Później", "uk"),
    ]
    assert items[0]["total"] > 0
    assert items[0]["left"] == items[0]["total"]
    assert items[0]["url"] == reverse(
        "wagtailadmin_pages:edit", args=[sooner.get_translation(locale("uk")).pk]
    )
    # The English translator sees the English request only.
    english = login(client, translators["en"]).get(reverse("translations:queue"))
    assert [i["request"].title for i in english.context["items"]] == ["Później"]


def test_a_request_closes_when_its_translation_is_published_complete(
    client, editor_a, page_a, translators, django_capture_on_commit_callbacks
):
    login(client, editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(client, page_a, ["uk"])
    translation = translate_everything(page_a, "uk")

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    request = TranslationRequest.objects.get()
    assert request.completed_at is not None
    queue = login(client, translators["uk"]).get(reverse("translations:queue"))
    assert list(queue.context["items"]) == []


def test_a_request_stays_open_while_segments_are_missing(
    client, editor_a, page_a, translators, django_capture_on_commit_callbacks
):
    login(client, editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(client, page_a, ["uk"])
    translation = Translation.objects.get(source__object_id=page_a.translation_key)

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert TranslationRequest.objects.get().completed_at is None


def test_a_snippet_is_requested_like_a_page(
    client, editor_a, org_a, translators, django_capture_on_commit_callbacks
):
    partner = make_partner(org_a, "Fundacja Ocalenie", description="Pomoc prawna.")
    login(client, editor_a)
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["partners", "partner", partner.pk]
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale("uk").pk], "note": "Nazwa własna"})

    assert response.status_code == 302
    request = TranslationRequest.objects.get()
    assert (request.title, request.note, request.site_id) == (
        "Fundacja Ocalenie",
        "Nazwa własna",
        org_a.site_id,
    )
    assert [m.to for m in mail.outbox] == [[translators["uk"].email]]


def test_a_requested_translation_waits_as_a_draft_and_visitors_see_nothing_of_it(
    client, editor_a, page_a, django_capture_on_commit_callbacks
):
    login(client, editor_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = request_translation(client, page_a, ["uk"])

    translated = Page.objects.get(translation_key=page_a.translation_key, locale=locale("uk"))
    assert response.status_code == 302
    # wagtail-localize would publish it at once (its original is live), the original's text
    # under the Ukrainian address, whatever the organization chose for incomplete ones.
    assert not translated.live
    assert translated.live_revision is None


def test_the_translators_are_told_by_the_worker_after_the_commit_once_each(
    client, editor_a, page_a, translators, task_queue, settings
):
    login(client, editor_a)
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN

    request_translation(client, page_a, ["uk"])
    first, *_rest = tasks_of(notify_translators_task)
    run_worker()  # the mail server is down: tried again later
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due()
    run_worker()
    notify_translators_task.enqueue(*first.args_kwargs["args"])  # the same notice again
    run_worker()

    assert [m.to for m in mail.outbox] == [[translators["uk"].email]]
    assert [task.status for task in tasks_of(notify_translators_task)] == [
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,
        TaskResultStatus.SUCCESSFUL,
    ]
    assert [task.return_value for task in tasks_of(notify_translators_task)[1:]] == [1, 0]

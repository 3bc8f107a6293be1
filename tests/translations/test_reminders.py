"""The day before a request for translation is due, while it is still open, the translators
of its language in its organization get one reminder each, in their admin language: sent by
the worker from the daily job (`manage.py maintain_tasks`), once per request and due date."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from tests.translations.helpers import in_admin_language, start_translation
from tests.utils import add_content_page, make_staff, run_daily_job, run_worker
from translations.models import TranslationRequest

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2030, 5, 13, 5, 50, tzinfo=datetime.UTC)
TOMORROW = datetime.date(2030, 5, 14)
SUBJECT = "Due tomorrow, translation into %(language)s: %(title)s"


@pytest.fixture
def at_now(monkeypatch):
    """Django's clock stopped at NOW (the job, the worker, the rows made)."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def t(code, message, **values):
    """An interface string in the language `code`."""
    with translation.override(code):
        text = translation.gettext(message)
    return text % values if values else text


def language_name(code, in_language):
    with translation.override(in_language):
        return str(translation.get_language_info(code)["name_translated"])


def request_for(page, code, due_date, completed=False):
    return TranslationRequest.objects.create(
        site=page.get_site(),
        content_type=ContentType.objects.get_for_model(Page),
        translation_key=page.translation_key,
        source_locale=page.locale,
        target_locale=Locale.objects.get(language_code=code),
        title=page.title,
        due_date=due_date,
        completed_at=NOW if completed else None,
    )


@pytest.fixture
def translators(at_now, org_a, org_b):
    return {
        "uk": in_admin_language(make_staff(org_a, "translators", language="uk"), "uk"),
        "en": in_admin_language(make_staff(org_a, "translators", language="en"), "en"),
        "b-uk": in_admin_language(make_staff(org_b, "translators", language="uk"), "pl"),
    }


def test_the_translators_of_an_open_request_due_tomorrow_are_reminded_once(
    translators, org_a, org_b, page_b, django_capture_on_commit_callbacks
):
    due = add_content_page(org_a, "Na jutro", intro="Tekst do przetłumaczenia.")
    start_translation(due, "uk")
    request_for(due, "uk", TOMORROW)
    request_for(due, "en", TOMORROW, completed=True)
    request_for(add_content_page(org_a, "Później"), "uk", TOMORROW + datetime.timedelta(days=1))
    request_for(add_content_page(org_a, "Bez terminu"), "uk", None)
    request_for(page_b, "uk", TOMORROW)

    output = run_daily_job(django_capture_on_commit_callbacks)
    again = run_daily_job(django_capture_on_commit_callbacks)

    assert "2 reminder(s) of translations due tomorrow queued." in output
    assert "2 reminder(s) of translations due tomorrow queued." in again  # sent nothing more
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [translators["uk"].email, translators["b-uk"].email]
    )
    [ukrainian] = [m for m in mail.outbox if m.to == [translators["uk"].email]]
    assert ukrainian.subject == t(
        "uk", SUBJECT, language=language_name("uk", "uk"), title="Na jutro"
    )
    assert t("uk", "Your queue:") in ukrainian.body
    assert t("uk", "Your queue:") != "Your queue:"
    left = t("uk", "Segments left: %(left)s of %(total)s.") % {
        "left": 2,
        "total": 2,
    }  # title and intro
    assert left in ukrainian.body
    # The other organization's translator: their own request, in their admin language.
    [polish] = [m for m in mail.outbox if m.to == [translators["b-uk"].email]]
    assert polish.subject == t(
        "pl", SUBJECT, language=language_name("uk", "pl"), title=page_b.title
    )


def test_a_request_given_a_later_due_date_is_reminded_again_before_it(
    translators, org_a, monkeypatch, django_capture_on_commit_callbacks
):
    request = request_for(add_content_page(org_a, "Przesunięte"), "uk", TOMORROW)
    run_daily_job(django_capture_on_commit_callbacks)
    request.due_date = TOMORROW + datetime.timedelta(days=7)
    request.save()
    run_daily_job(django_capture_on_commit_callbacks)  # the same day: not due tomorrow now

    monkeypatch.setattr(timezone, "now", lambda: NOW + datetime.timedelta(days=7))
    run_daily_job(django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [[translators["uk"].email]] * 2


def test_a_request_completed_after_the_job_reminds_no_one(
    translators, org_a, task_queue, django_capture_on_commit_callbacks
):
    request = request_for(add_content_page(org_a, "Już gotowe"), "uk", TOMORROW)
    run_daily_job(django_capture_on_commit_callbacks)
    request.completed_at = NOW
    request.save()

    run_worker()

    assert mail.outbox == []

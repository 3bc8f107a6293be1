"""What a person reading Ukrainian or English gets about an event, beyond its page: every
e-mail about their registration (confirmed, waiting, promoted, confirmed or cancelled by
the organizers, cancelled by them) with its calendar file, and the event's PDF. All of it in
their language; no Polish but the names of people, places and the organization, and in the
PDF only where marked lang="pl"."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from icalendar import Calendar

from events.models import Registration
from events.registration import cancel_registration, confirm_registration, register
from pages import pdf
from tests.events.helpers import MEETING_URL, add_event, in_days, t, translate_event
from tests.organizations.helpers import polish_interface_strings
from tests.utils import POLISH_ONLY_LETTERS, unmarked_polish

pytestmark = pytest.mark.django_db

# Names, not Polish to translate: the person's, the place's (the post's way of writing it),
# the organization's.
NAMES = ["Anna Kowalska", "ul. Mostowa 6", "87-100", "Toruń", "Fundacja Alfa"]

TRANSLATED = {
    "uk": {
        "title": "Поговорімо про інтеграцію",
        "intro": "Зустріч про інтеграцію в Торуні.",
        "venue_name": "соціальна кав'ярня PERS",
    },
    "en": {
        "title": "Let's talk about integration",
        "intro": "A meeting about integration, in Polish, Ukrainian and English.",
        "venue_name": "PERS social café",
    },
}


@pytest.fixture
def webinar(index_a):
    """A hybrid meeting with one place and a waiting list, in Polish, Ukrainian and English."""
    event = add_event(
        index_a,
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        format="hybrid",
        intro="Spotkanie o integracji w Toruniu.",
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        postal_code="87-100",
        city="Toruń",
        meeting_url=MEETING_URL,
        registration_mode="form",
        capacity=1,
        waiting_list=True,
        languages=["pl", "uk", "en"],
    )
    for language, fields in TRANSLATED.items():
        translate_event(event, language, **fields)
    return event


def polish_in(text):
    """The Polish a reader of another language would meet in `text`: words with Polish-only
    letters and the Polish interface's own phrases, the names set aside."""
    for name in NAMES:
        text = text.replace(name, "")
    words = [word for word in text.split() if POLISH_ONLY_LETTERS.search(word)]
    phrases = [phrase for phrase in polish_interface_strings() if phrase in text]
    return words + phrases


def calendar_text(message):
    found = []
    for _filename, content, _mimetype in message.attachments:
        for item in Calendar.from_ical(content).walk("VEVENT"):
            found += [str(item.get(key, "")) for key in ("summary", "description", "location")]
    return "\n".join(found)


def every_email(webinar, language, django_capture_on_commit_callbacks):
    """The person registers in `language` and goes through each e-mail there is."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    def sign_up(email):
        return run(
            register,
            webinar,
            name="Anna Kowalska",
            email=email,
            language=language,
            consent_text="Zgadzam się",
            consent_version="1",
        ).registration

    first = sign_up("pierwsza@example.org")  # confirmed
    second = sign_up("druga@example.org")  # waiting
    run(cancel_registration, first)  # cancelled; the second promoted
    third = sign_up("trzecia@example.org")  # waiting
    run(cancel_registration, Registration.objects.get(pk=second.pk), by_staff=True)
    run(confirm_registration, Registration.objects.get(pk=third.pk))
    return [m for m in mail.outbox if m.to[0].endswith("@example.org")]


@pytest.mark.parametrize("language", ["uk", "en"])
def test_every_registration_email_is_in_the_registrants_language(
    webinar, language, django_capture_on_commit_callbacks
):
    messages = every_email(webinar, language, django_capture_on_commit_callbacks)

    with translation.override(language):
        expected = {
            translation.gettext(subject) % {"event": TRANSLATED[language]["title"]}
            for subject in [
                "Your place is confirmed: %(event)s",
                "You are on the waiting list: %(event)s",
                "A place has freed up for you: %(event)s",
                "Your registration is cancelled: %(event)s",
                "The organizers have cancelled your registration: %(event)s",
            ]
        }
    assert {message.subject for message in messages} == expected
    assert len(messages) == 7
    assert any(TRANSLATED[language]["venue_name"] in message.body for message in messages)
    for message in messages:
        assert polish_in(message.subject + "\n" + message.body) == [], message.subject
        assert polish_in(calendar_text(message)) == [], message.subject
    assert any(TRANSLATED[language]["intro"] in calendar_text(m) for m in messages)


def test_the_check_finds_polish_left_in_an_email(webinar, django_capture_on_commit_callbacks):
    """A positive control: the same e-mails to a person registered in Polish."""
    messages = every_email(webinar, "pl", django_capture_on_commit_callbacks)

    assert "kawiarnia" not in polish_in(messages[0].body)  # a word without Polish letters
    assert "społeczna" in polish_in(messages[0].body)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_event_pdf_is_in_the_visitors_language(webinar, language):
    translated = webinar.get_translation(
        webinar.locale.__class__.objects.get(language_code=language)
    )

    html = pdf.page_html(translated.specific)

    assert f'<html lang="{language}">' in html
    assert escape(TRANSLATED[language]["venue_name"]) in html
    # The address is written as the post writes it, marked as Polish.
    assert '<span lang="pl">ul. Mostowa 6, 87-100 Toruń</span>' in html
    assert unmarked_polish(html) == []
    assert [phrase for phrase in polish_interface_strings() if f">{phrase}<" in html] == []


@pytest.fixture
def polish_only(index_a):
    """An event not translated: a Ukrainian reader registers at its /uk/ address."""
    return add_event(
        index_a,
        "Spotkanie w środę",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        venue_name="kawiarnia społeczna PERS",
        street_address="ul. Mostowa 6",
        city="Toruń",
        registration_mode="form",
        capacity=5,
    )


def confirmed_in_ukrainian(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(
            event,
            name="Anna Kowalska",
            email="anna@example.org",
            language="uk",
            consent_text="Zgadzam się",
            consent_version="1",
        )
    (message,) = mail.outbox
    return message


def test_an_event_not_translated_is_named_as_polish_and_linked_in_the_registrants_language(
    org_a, polish_only, django_capture_on_commit_callbacks
):
    message = confirmed_in_ukrainian(polish_only, django_capture_on_commit_callbacks)

    title = "Spotkanie w środę (польською)"
    assert message.subject == t("uk", "Your place is confirmed: %(event)s", event=title)
    assert f"\n{title}\n" in message.body
    assert "http://alfa.localhost/uk/podii/spotkanie-w-srode/\n" in message.body
    assert "/pl/" not in message.body
    assert str(Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]["summary"]) == title
    # The cancel link opens the Polish event's cancellation with the Ukrainian interface.
    link = urlsplit(re.search(r"https?://\S+/cancel/\S+/", message.body).group(0))
    asked = Client().get(link.path, HTTP_HOST=link.hostname)
    assert asked.status_code == 200
    assert '<html lang="uk"' in asked.content.decode()
    assert t("uk", "Cancel your registration?") in asked.content.decode()


def test_where_untranslated_pages_are_not_shown_the_links_lead_to_the_original(
    org_a, polish_only, django_capture_on_commit_callbacks
):
    org_a.show_untranslated = False
    org_a.save()

    message = confirmed_in_ukrainian(polish_only, django_capture_on_commit_callbacks)

    assert "Spotkanie w środę (польською)" in message.subject
    assert "http://alfa.localhost/pl/wydarzenia/spotkanie-w-srode/\n" in message.body

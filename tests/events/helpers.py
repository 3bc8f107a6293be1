"""Helpers for the events tests: event indexes, events at times relative to now and their
translations, the event admin's form, registrations and the registration form."""

import datetime
import re
import time
from html import unescape

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.dates import WARSAW
from events import spam
from events.choices import RegistrationStatus
from events.models import EventFormField, EventIndexPage, EventPage, Registration
from tests.utils import add_child_page, listing_page, text_of, translate_page

MEETING_URL = "https://meet.example.org/secret-room-4711"


def path_of(page):
    """The page's address on its own site: /pl/wydarzenia/…/."""
    return page.get_url_parts()[2]


def event_index(org, language="pl"):
    """The organization's event index in a language, as create_organization made it."""
    return listing_page(EventIndexPage, org, language)


def warsaw(*args):
    """A moment in Warsaw time: warsaw(2023, 12, 14, 9, 30)."""
    return datetime.datetime(*args, tzinfo=WARSAW)


def in_days(days, hour=10, minute=0):
    """Today plus `days` (negative: ago) at the given time, Warsaw time."""
    day = timezone.localdate(timezone=WARSAW) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WARSAW)


def add_event(index, title, start, end=None, *, publish=True, **fields):
    """An event of the index, two hours long unless told, published unless asked otherwise."""
    event = EventPage(
        title=title, start=start, end=end or start + datetime.timedelta(hours=2), **fields
    )
    return add_child_page(index, event, publish=publish)


def add_integration_talk(index, **fields):
    """The Studio M6 meeting of the seeds, in ten days: in person in Toruń, in Polish and
    Ukrainian, with a registration form and 40 places; `fields` add or override."""
    return add_event(
        index,
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        **{
            "intro": "Diagnoza problemów i wspólne wypracowanie mechanizmów integracyjnych.",
            "venue_name": "kawiarnia społeczna PERS",
            "street_address": "ul. Mostowa 6",
            "postal_code": "87-100",
            "city": "Toruń",
            "languages": ["pl", "uk"],
            "registration_mode": "form",
            "capacity": 40,
            **fields,
        },
    )


def translate_event(event, language, **fields):
    """The event in another language, published, as a translator leaves it."""
    return translate_page(event, language, **fields)


def event_form(**overrides):
    fields = {
        "title": "Porozmawiajmy o integracji",
        "slug": "porozmawiajmy-o-integracji",
        "start": "2030-12-14 09:30",
        "end": "2030-12-14 15:30",
        "status": "scheduled",
        "format": "in_person",
        "venue_name": "kawiarnia społeczna PERS",
        "street_address": "ul. Mostowa 6",
        "postal_code": "87-100",
        "city": "Toruń",
        "meeting_url": "",
        "registration_mode": "form",
        "registration_url": "",
        "capacity": "40",
        "waiting_list": "on",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "organizer_email": "",
        "form_fields": inline_formset([]),
        "intro": "Diagnoza problemów.",
        "hero_alt_text": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": streamfield([]),
        "partners": streamfield([]),
        "contact": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    languages = overrides.pop("languages", ["pl", "uk"])
    fields.update(overrides)
    data = nested_form_data(fields)
    data["languages"] = languages  # tick boxes: the same name once per box ticked
    return data


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])


CONSENT = {"consent_text": "Zgadzam się na przetwarzanie danych.", "consent_version": "1"}


def add_questions(event, *labels):
    for order, label in enumerate(labels):
        EventFormField.objects.create(
            page=event, sort_order=order, label=label, field_type="singleline", required=False
        )
    return {field.label: field.clean_name for field in event.form_fields.all()}


def register(event, name, email, status=RegistrationStatus.CONFIRMED, language="pl", **answers):
    return Registration.objects.create(
        event=event,
        status=status,
        name=name,
        email=email,
        language=language,
        answers=answers,
        **CONSENT,
    )


def login(client, user):
    client.force_login(user)
    return client


def errors_of(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


HOST_ADDRESS = "203.0.113.7"


def t(language, message, **values):
    """An interface string as the page in `language` shows it."""
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def form_data(**fields):
    """A filled-in form, shown a minute ago."""
    data = {
        "name": "Anna Kowalska",
        "email": "anna@example.org",
        "consent": "on",
        "website": "",
        "started": spam.fill_time_token(time.time() - 60),
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def main_of(response):
    html = text_of(response)
    return html[html.index("<main") : html.index("</main>")]


def section_of(response):
    html = text_of(response)
    start = html.index('<section class="registration"')
    return html[start : html.index("</section>", start)]


def input_value(html, name):
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    value = re.search(r'value="([^"]*)"', found.group(0)) if found else None
    return unescape(value.group(1)) if value else None


QUESTIONS = [
    # label, field_type, required, choices, help_text
    ("Organizacja", "singleline", True, "", ""),
    ("Telefon", "singleline", False, "", "Np. +48 600 100 200, jeśli wolisz SMS."),
    ("Uwagi", "multiline", False, "", ""),
    ("E-mail do faktury", "email", False, "", ""),
    ("Skąd jesteś?", "dropdown", True, "Polska\nUkraina\nInny kraj", ""),
    ("Udział", "radio", True, "Stacjonarnie\nOnline", ""),
    ("Posiłek", "checkboxes", False, "Obiad\nKawa", ""),
    ("Potrzebuję tłumaczenia", "checkbox", False, "", ""),
    ("Data przyjazdu", "date", False, "", ""),
    ("Liczba osób", "number", True, "", ""),
]


def with_questions(event, questions=QUESTIONS):
    # In the given order, as the editor's form numbers them: equal sort orders leave the
    # order of the questions (and of their translations' copies) to the database.
    for order, (label, field_type, required, choices, help_text) in enumerate(questions):
        event.form_fields.add(
            EventFormField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
        )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)

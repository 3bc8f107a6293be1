"""Registering on an event's page, as a visitor does it: the form, what they are told after
sending it (in the page's language), the spam traps that must not stop a person, and
cancelling with the link from the e-mail."""

import re
import time
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from events import spam
from events.choices import RegistrationStatus
from events.models import EventPage, Registration
from events.registration import register
from events.tasks import send_registration_email
from tests.events.helpers import (
    HOST_ADDRESS,
    add_event,
    form_data,
    in_days,
    input_value,
    main_of,
    path_of,
    section_of,
    t,
    translate_event,
    with_questions,
)
from tests.query_budgets import VARIANTS
from tests.utils import add_content_page, tasks_of, text_of, visit

pytestmark = pytest.mark.django_db


def send(org, page, data, client=None, address=HOST_ADDRESS):
    """POST the form to the event page's register/ route, as the browser does."""
    return (client or Client()).post(
        f"{path_of(page)}register/", data, HTTP_HOST=org.site.hostname, REMOTE_ADDR=address
    )


def follow(org, response, client=None):
    assert response.status_code == 303, response.status_code
    return (client or Client()).get(response["Location"], HTTP_HOST=org.site.hostname)


def plain(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def sign_up(event, email, language="pl"):
    return register(
        event,
        name=email.split("@")[0],
        email=email,
        language=language,
        consent_text="Zgadzam się",
        consent_version="1",
    )


@pytest.fixture
def workshop(index_a):
    """Two places and a waiting list."""
    return add_event(
        index_a,
        "Warsztaty z pisania CV",
        in_days(7, 17),
        registration_mode="form",
        capacity=2,
        waiting_list=True,
    )


def key(label):
    """The answer's key: the question's clean_name, as Wagtail makes it from the label."""
    return get_field_clean_name(label)


def field(label):
    """The question's input in the form."""
    return f"q_{key(label)}"


ANSWERS = {
    field("Organizacja"): "Fundacja Beta",
    field("Telefon"): "+48 600 100 200",
    field("Uwagi"): "Przyjdę z dzieckiem.\nPotrzebuję krzesełka.",
    field("E-mail do faktury"): "faktury@example.org",
    field("Skąd jesteś?"): "Ukraina",
    field("Udział"): "Online",
    field("Posiłek"): ["Obiad", "Kawa"],
    field("Potrzebuję tłumaczenia"): "on",
    field("Data przyjazdu"): "2030-12-13",
    field("Liczba osób"): "2",
}


# --- The form on the page ------------------------------------------------------------


def test_the_event_page_offers_the_form_with_name_email_and_consent(org_a, workshop):
    policy = add_content_page(org_a, "Polityka prywatności", slug="prywatnosc")
    org_a.privacy_policy_page = policy
    org_a.save()

    section = section_of(visit(org_a, path_of(workshop)))

    assert f'action="{path_of(workshop)}register/"' in section
    assert 'name="name"' in section
    assert 'autocomplete="name"' in section
    assert 'type="email" name="email"' in section
    assert 'type="checkbox" name="consent"' in section
    assert '<a href="/pl/prywatnosc/">' in section
    assert t("pl", "Places left: %(places)s", places=2) in plain(section)
    assert t("pl", "Register") in section


def test_the_consent_links_to_the_privacy_policy_in_the_visitors_language(org_a, workshop):
    policy = add_content_page(org_a, "Polityka prywatności", slug="prywatnosc")
    translate_event(policy, "uk", title="Політика конфіденційності", slug="polityka-uk")
    org_a.privacy_policy_page = policy
    org_a.save()
    ukrainian = translate_event(workshop, "uk", title="Майстерня з написання резюме")

    section = section_of(visit(org_a, path_of(ukrainian)))

    assert '<a href="/uk/polityka-uk/">' in section


def test_the_info_box_tells_how_many_places_are_left_and_links_to_the_form(org_a, workshop):
    sign_up(workshop, "pierwsza@example.org")

    html = main_of(visit(org_a, path_of(workshop)))
    start = html.index('<section class="event-info')
    box = html[start : html.index("</section>", start)]

    assert t("pl", "Places left: %(places)s", places=1) in plain(box)
    assert f'href="#registration-{workshop.pk}"' in box


def test_with_the_places_taken_the_page_offers_the_waiting_list(org_a, workshop):
    sign_up(workshop, "pierwsza@example.org")
    sign_up(workshop, "druga@example.org")

    html = main_of(visit(org_a, path_of(workshop)))

    assert plain(html).count(t("pl", "No places left — you can join the waiting list.")) == 2
    assert t("pl", "Join the waiting list") in section_of(visit(org_a, path_of(workshop)))


def test_without_a_waiting_list_a_full_event_shows_no_form(org_a, index_a):
    event = add_event(index_a, "Spacer", in_days(3), registration_mode="form", capacity=1)
    sign_up(event, "pierwsza@example.org")

    response = visit(org_a, path_of(event))

    assert plain(section_of(response)).count(t("pl", "Registration is full.")) == 1
    assert "<form" not in section_of(response)


# --- Sending it ----------------------------------------------------------------------


def test_a_visitor_registers_and_is_told_the_place_is_confirmed(org_a, workshop):
    response = send(org_a, workshop, form_data())
    page = follow(org_a, response)

    assert response.status_code == 303
    assert urlsplit(response["Location"]).path == f"{path_of(workshop)}registered/"
    assert "anna@example.org" not in response["Location"]
    assert t("pl", "Your place is confirmed") in main_of(page)
    registration = Registration.objects.get()
    assert registration.event_id == workshop.pk
    assert registration.status == RegistrationStatus.CONFIRMED
    assert (registration.name, registration.email, registration.language) == (
        "Anna Kowalska",
        "anna@example.org",
        "pl",
    )
    assert registration.answers == {}


def test_the_consent_shown_is_kept_with_its_version(org_a, workshop):
    send(org_a, workshop, form_data())

    registration = Registration.objects.get()
    with translation.override("pl"):
        shown = translation.gettext(
            "I agree to the processing of my data for the registration for this event."
        )
    assert registration.consent_text == shown
    assert re.fullmatch(r"[0-9a-f]{12}", registration.consent_version)


def test_beyond_the_places_the_visitor_joins_the_waiting_list_and_sees_the_position(
    org_a, workshop
):
    sign_up(workshop, "pierwsza@example.org")
    sign_up(workshop, "druga@example.org")
    sign_up(workshop, "trzecia@example.org")

    page = follow(org_a, send(org_a, workshop, form_data()))

    heading = t(
        "pl", "You are on the waiting list — your place in the queue: %(position)s", position=2
    )
    assert heading in plain(main_of(page))
    assert Registration.objects.get(email="anna@example.org").status == RegistrationStatus.WAITING


def test_the_waiting_position_on_the_result_page_follows_the_queue(org_a, workshop):
    first = sign_up(workshop, "pierwsza@example.org").registration
    sign_up(workshop, "druga@example.org")
    sign_up(workshop, "trzecia@example.org")
    client = Client()
    response = send(org_a, workshop, form_data(), client=client)

    Registration.objects.filter(pk=first.pk).update(status=RegistrationStatus.CANCELLED)
    Registration.objects.filter(email="trzecia@example.org").update(
        status=RegistrationStatus.CONFIRMED
    )
    page = follow(org_a, response, client=client)

    assert t(
        "pl", "You are on the waiting list — your place in the queue: %(position)s", position=1
    ) in plain(main_of(page))


def test_a_full_event_without_a_waiting_list_keeps_nothing(org_a, index_a):
    event = add_event(index_a, "Spacer", in_days(3), registration_mode="form", capacity=1)
    sign_up(event, "pierwsza@example.org")

    page = follow(org_a, send(org_a, event, form_data()))

    assert t("pl", "All places are taken") in main_of(page)
    assert not Registration.objects.filter(email="anna@example.org").exists()


def test_closed_registration_is_said_and_keeps_nothing(org_a, workshop):
    workshop.registration_closes_at = in_days(-1)
    workshop.save_revision().publish()

    before = section_of(visit(org_a, path_of(workshop)))
    page = follow(org_a, send(org_a, workshop, form_data()))

    assert "<form" not in before
    assert t("pl", "Registration is closed.") in plain(before)
    assert t("pl", "Registration is closed.") in main_of(page)
    assert t("pl", "We have not kept your details.") in main_of(page)
    assert not Registration.objects.exists()


def test_registration_not_yet_open_says_when_it_opens_and_keeps_nothing(org_a, workshop):
    workshop.registration_opens_at = in_days(2, 9)
    workshop.save_revision().publish()

    before = section_of(visit(org_a, path_of(workshop)))
    page = follow(org_a, send(org_a, workshop, form_data()))

    assert "<form" not in before
    assert t("pl", "Registration has not opened yet") in main_of(page)
    assert workshop.registration_opens_at.strftime("%Y-%m-%dT09:00") in main_of(page)
    assert not Registration.objects.exists()


def test_the_same_address_cannot_register_twice_whatever_its_letters_case(org_a, workshop):
    follow(org_a, send(org_a, workshop, form_data()))

    page = follow(org_a, send(org_a, workshop, form_data(email="ANNA@Example.org")))

    assert t("pl", "Check your inbox") in main_of(page)
    assert Registration.objects.count() == 1


def test_the_duplicate_message_reveals_nothing_about_the_earlier_registration(
    org_a, workshop, task_queue
):
    sign_up(workshop, "pierwsza@example.org")
    sign_up(workshop, "druga@example.org")
    sign_up(workshop, "czeka@example.org")  # on the waiting list
    emails_before = len(tasks_of(send_registration_email))
    assert emails_before == 3  # one to each person; the positive control

    confirmed = main_of(follow(org_a, send(org_a, workshop, form_data(email="druga@example.org"))))
    waiting = main_of(follow(org_a, send(org_a, workshop, form_data(email="czeka@example.org"))))

    outcome = re.compile(r'<div class="registration-outcome.*?</div>', re.S)
    assert outcome.search(confirmed).group(0) == outcome.search(waiting).group(0)
    for said in (confirmed, waiting):
        assert "druga" not in said
        assert "czeka" not in said
        assert t("pl", "Your place is confirmed") not in said
        assert "registration-outcome-waiting" not in said
    assert len(tasks_of(send_registration_email)) == emails_before  # nothing new to anyone


def test_consent_is_required_and_the_form_comes_back_filled(org_a, workshop):
    response = send(org_a, workshop, form_data(consent=None))

    section = section_of(response)
    assert response.status_code == 200
    assert 'role="alert"' in section
    assert "autofocus" in section
    assert (
        f'<a href="#registration-{workshop.pk}-consent">'
        f"{t('pl', 'Tick the box to agree: we cannot register you without it.')}</a>"
    ) in section
    assert input_value(section, "name") == "Anna Kowalska"
    assert input_value(section, "email") == "anna@example.org"
    assert not Registration.objects.exists()


def test_errors_are_next_to_their_fields_and_linked_from_the_summary(org_a, workshop):
    section = section_of(send(org_a, workshop, form_data(name="", email="anna@")))

    name_error = t("pl", "Enter your name.")
    email_error = t("pl", "Enter an e-mail address like name@example.org.")
    assert (
        f'<p class="field-error" id="registration-{workshop.pk}-name_error">{name_error}</p>'
        in (section)
    )
    assert f'id="registration-{workshop.pk}-email_error">{email_error}</p>' in section
    assert 'aria-invalid="true"' in section
    assert f'href="#registration-{workshop.pk}-name"' in section
    assert f'href="#registration-{workshop.pk}-email"' in section
    assert section.index('class="error-summary"') < section.index('name="name"')
    assert input_value(section, "email") == "anna@"


def test_questions_of_every_type_are_asked_validated_and_kept(org_a, workshop):
    workshop = with_questions(workshop)

    asked = section_of(visit(org_a, path_of(workshop)))
    refused = send(
        org_a,
        workshop,
        form_data(
            **{
                **ANSWERS,
                field("Organizacja"): "",
                field("E-mail do faktury"): "nie-adres",
                field("Skąd jesteś?"): "Atlantyda",
                field("Data przyjazdu"): "jutro",
                field("Liczba osób"): "dwie",
            }
        ),
    )
    accepted = send(org_a, workshop, form_data(**ANSWERS))

    assert asked.index('name="email"') < asked.index(f'name="{field("Organizacja")}"')
    assert asked.index(f'name="{field("Liczba osób")}"') < asked.index('name="consent"')
    assert "Np. +48 600 100 200, jeśli wolisz SMS." in asked
    assert f'<textarea name="{field("Uwagi")}"' in asked
    assert f'<select name="{field("Skąd jesteś?")}"' in asked
    assert f'<option value="" selected>{t("pl", "Choose…")}</option>' in asked
    assert f'type="radio" name="{field("Udział")}"' in asked
    assert f'type="checkbox" name="{field("Posiłek")}"' in asked
    assert f'type="date" name="{field("Data przyjazdu")}"' in asked
    assert f'type="number" name="{field("Liczba osób")}"' in asked
    assert '<legend class="form-label">Udział</legend>' in asked
    errors = re.findall(
        r'<p class="field-error" id="registration-\d+-(\w+)_error">', text_of(refused)
    )
    assert errors == [
        field("Organizacja"),
        field("E-mail do faktury"),
        field("Skąd jesteś?"),
        field("Data przyjazdu"),
        field("Liczba osób"),
    ]
    assert accepted.status_code == 303
    assert Registration.objects.get().answers == {
        key("Organizacja"): "Fundacja Beta",
        key("Telefon"): "+48 600 100 200",
        key("Uwagi"): "Przyjdę z dzieckiem.\nPotrzebuję krzesełka.",
        key("E-mail do faktury"): "faktury@example.org",
        key("Skąd jesteś?"): "Ukraina",
        key("Udział"): "Online",
        key("Posiłek"): ["Obiad", "Kawa"],
        key("Potrzebuję tłumaczenia"): True,
        key("Data przyjazdu"): "2030-12-13",
        key("Liczba osób"): 2,
    }


def test_every_answer_is_kept_in_the_form_shown_again(org_a, workshop):
    workshop = with_questions(workshop)

    section = section_of(send(org_a, workshop, form_data(**ANSWERS, consent=None)))

    assert input_value(section, field("Organizacja")) == "Fundacja Beta"
    assert input_value(section, field("Telefon")) == "+48 600 100 200"
    assert ">\nPrzyjdę z dzieckiem.\nPotrzebuję krzesełka.</textarea>" in section
    assert '<option value="Ukraina" selected>' in section
    assert re.search(rf'name="{field("Udział")}" value="Online"[^>]*checked', section)
    assert re.search(rf'name="{field("Posiłek")}" value="Obiad"[^>]*checked', section)
    assert re.search(rf'name="{field("Posiłek")}" value="Kawa"[^>]*checked', section)
    assert re.search(rf'name="{field("Potrzebuję tłumaczenia")}"[^>]*checked', section)
    assert input_value(section, field("Data przyjazdu")) == "2030-12-13"
    assert input_value(section, field("Liczba osób")) == "2"


def test_a_refresh_or_a_double_click_never_registers_twice(org_a, workshop):
    client = Client()
    data = form_data()

    first = send(org_a, workshop, data, client=client)
    second = send(org_a, workshop, data, client=client)  # the same form, sent again at once
    shown = [follow(org_a, first, client), follow(org_a, second, client)]
    refreshed = follow(org_a, first, client)

    assert first["Location"] == second["Location"]
    assert all(t("pl", "Your place is confirmed") in main_of(page) for page in shown)
    assert t("pl", "Your place is confirmed") in main_of(refreshed)
    assert Registration.objects.count() == 1


def test_opening_register_without_sending_the_form_leads_to_the_form(org_a, workshop):
    response = visit(org_a, f"{path_of(workshop)}register/")

    assert response.status_code == 302
    assert response["Location"] == f"{path_of(workshop)}#registration-{workshop.pk}"
    assert not Registration.objects.exists()


def test_a_forged_or_old_result_address_says_the_page_expired(org_a, workshop):
    page = visit(org_a, f"{path_of(workshop)}registered/?registration=forged")

    assert page.status_code == 200
    assert t("pl", "This page has expired") in main_of(page)
    assert page["X-Robots-Tag"] == "noindex"


# --- In the visitor's language, one pool of places -----------------------------------


@pytest.mark.parametrize(
    ("language", "title"),
    [("pl", None), ("uk", "Майстерня з написання резюме"), ("en", "CV writing workshop")],
)
def test_the_outcome_is_told_in_the_pages_language(org_a, workshop, language, title):
    event = workshop if title is None else translate_event(workshop, language, title=title)
    sign_up(workshop, "pierwsza@example.org")
    sign_up(workshop, "druga@example.org")

    form = section_of(visit(org_a, path_of(event)))
    waiting = main_of(follow(org_a, send(org_a, event, form_data())))
    duplicate = main_of(follow(org_a, send(org_a, event, form_data())))

    assert t(language, "Join the waiting list") in form
    assert t(
        language,
        "You are on the waiting list — your place in the queue: %(position)s",
        position=1,
    ) in plain(waiting)
    assert t(language, "Check your inbox") in duplicate
    assert Registration.objects.get(email="anna@example.org").language == language


def test_the_ukrainian_page_shows_the_interface_in_ukrainian(org_a, workshop):
    ukrainian = translate_event(workshop, "uk", title="Майстерня з написання резюме")

    section = section_of(visit(org_a, path_of(ukrainian)))

    assert "Зареєструватися" in section  # "Register", translated in the catalogue already


def test_registering_on_a_translation_takes_a_place_from_the_same_pool(org_a, workshop):
    ukrainian = translate_event(workshop, "uk", title="Майстерня з написання резюме")
    send(org_a, workshop, form_data(email="pl@example.org"))

    follow(org_a, send(org_a, ukrainian, form_data(email="uk@example.org")))
    third = main_of(follow(org_a, send(org_a, ukrainian, form_data(email="trzeci@example.org"))))

    assert list(Registration.objects.values_list("event_id", "language", "status")) == [
        (workshop.pk, "pl", "confirmed"),
        (workshop.pk, "uk", "confirmed"),
        (workshop.pk, "uk", "waiting"),
    ]
    assert "registration-outcome-waiting" in third
    assert t("uk", "No places left — you can join the waiting list.") in plain(
        main_of(visit(org_a, path_of(ukrainian)))
    )


def translate_with_localize(event, language, translate, django_capture_on_commit_callbacks):
    """Translate the event as a translator does in wagtail-localize: every string."""
    source, _created = TranslationSource.get_or_create_from_instance(event)
    locale = Locale.objects.get(language_code=language)
    translation_ = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=translate.get(segment.string.data, segment.string.data),
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation_.save_target(publish=True)
    return EventPage.objects.get(translation_key=event.translation_key, locale=locale)


def test_translated_questions_ask_in_ukrainian_and_answers_keep_the_same_keys(
    org_a, workshop, django_capture_on_commit_callbacks
):
    workshop = with_questions(
        workshop,
        [
            ("Skąd jesteś?", "dropdown", True, "Polska\nUkraina", "Wybierz kraj."),
            ("Udział", "radio", True, "Stacjonarnie\nOnline", ""),
        ],
    )
    ukrainian = translate_with_localize(
        workshop,
        "uk",
        {
            "Warsztaty z pisania CV": "Майстерня з написання резюме",
            "Skąd jesteś?": "Звідки ви?",
            "Wybierz kraj.": "Оберіть країну.",
            "Polska<br/>Ukraina": "Польща<br/>Україна",
            "Udział": "Участь",
            "Stacjonarnie<br/>Online": "Очно<br/>Онлайн",
        },
        django_capture_on_commit_callbacks,
    )

    section = section_of(visit(org_a, path_of(ukrainian)))
    send(
        org_a, ukrainian, form_data(**{field("Skąd jesteś?"): "Україна", field("Udział"): "Онлайн"})
    )

    assert "Звідки ви?" in section
    assert "Оберіть країну." in section
    assert '<option value="Україна">Україна</option>' in section
    assert 'value="Онлайн"' in section
    assert "Skąd jesteś?" not in section
    assert [f.clean_name for f in ukrainian.form_fields.all()] == [
        key("Skąd jesteś?"),
        key("Udział"),
    ]
    registration = Registration.objects.get()
    assert registration.event_id == workshop.pk
    assert registration.language == "uk"
    # Kept as the organizers read them, under the keys of the original questions.
    assert registration.answers == {key("Skąd jesteś?"): "Ukraina", key("Udział"): "Online"}


def test_an_event_with_questions_can_be_copied_for_next_year(org_a, workshop, index_a):
    workshop = with_questions(workshop, [("Skąd jesteś?", "singleline", True, "", "")])

    copy = workshop.copy(
        to=index_a, update_attrs={"slug": "warsztaty-2", "title": "Warsztaty, edycja 2"}
    )

    (question,) = copy.form_fields.all()
    (original,) = workshop.form_fields.all()
    assert question.clean_name == original.clean_name
    assert question.translation_key != original.translation_key  # a question of its own


# --- Spam traps that do not stop a person --------------------------------------------


def test_the_honeypot_is_hidden_from_sight_and_the_tab_key_but_labelled(org_a, workshop):
    section = section_of(visit(org_a, path_of(workshop)))

    trap = section[section.index('<div class="registration-trap') :]
    assert f'<label for="registration-{workshop.pk}-website">' in trap
    assert t("pl", "Leave this field empty") in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap


def test_a_filled_honeypot_is_refused_with_a_message_and_the_form_kept(org_a, workshop):
    response = send(org_a, workshop, form_data(website="https://spam.example"))

    section = section_of(response)
    message = t(
        "pl",
        "Please leave this field empty: it is there to catch spam robots. "
        "Clear it and send the form again.",
    )
    assert response.status_code == 200
    assert message in section
    assert "registration-trap-filled" in section  # shown to the person who filled it
    assert input_value(section, "name") == "Anna Kowalska"
    assert not Registration.objects.exists()


def test_a_form_sent_faster_than_a_person_can_is_refused_and_kept(org_a, workshop):
    token = spam.fill_time_token()
    response = send(org_a, workshop, form_data(started=token))

    section = section_of(response)
    assert (
        t(
            "pl",
            "The form was sent faster than a person usually can fill it in. Please check your "
            "details and send it again.",
        )
        in section
    )
    assert input_value(section, "email") == "anna@example.org"
    assert input_value(section, "started") == token  # the time already spent counts
    assert not Registration.objects.exists()


def test_a_form_without_a_genuine_time_token_gets_a_new_one(org_a, workshop):
    response = send(org_a, workshop, form_data(started="forged"))

    new_token = input_value(section_of(response), "started")
    assert spam.shown_at(new_token) is not None
    assert not Registration.objects.exists()


def test_the_minimum_fill_time_lets_a_person_through(org_a, workshop, settings):
    settings.REGISTRATION_MIN_FILL_SECONDS = 3
    token = spam.fill_time_token(time.time() - 4)

    response = send(org_a, workshop, form_data(started=token))

    assert response.status_code == 303
    assert Registration.objects.count() == 1


def test_too_many_registrations_from_one_address_for_an_event_are_refused(
    org_a, workshop, settings
):
    settings.REGISTRATION_RATE_LIMITS = {"event": (2, 600), "overall": (10, 3600)}
    workshop.capacity = 10
    workshop.save_revision().publish()

    for n in range(2):
        assert send(org_a, workshop, form_data(email=f"osoba{n}@example.org")).status_code == 303
    refused = send(org_a, workshop, form_data(email="osoba2@example.org"))
    elsewhere = send(org_a, workshop, form_data(email="osoba3@example.org"), address="192.0.2.1")

    message = t(
        "pl",
        "We have received many registrations from your internet connection in a short time. "
        "Please wait a few minutes and send the form again.",
    )
    assert refused.status_code == 429
    assert message in section_of(refused)
    assert input_value(section_of(refused), "email") == "osoba2@example.org"
    assert elsewhere.status_code == 303
    assert Registration.objects.count() == 3


def test_too_many_registrations_from_one_address_overall_are_refused(org_a, index_a, settings):
    settings.REGISTRATION_RATE_LIMITS = {"event": (5, 600), "overall": (2, 3600)}
    events = [
        add_event(index_a, f"Spotkanie {n}", in_days(5 + n), registration_mode="form")
        for n in range(3)
    ]

    sent = [send(org_a, event, form_data()).status_code for event in events]

    assert sent == [303, 303, 429]
    assert Registration.objects.count() == 2


def test_the_rate_limit_keeps_no_address_in_the_cache(org_a, workshop):
    from django.core.cache import cache

    send(org_a, workshop, form_data())

    keys = list(cache._cache.keys())  # locmem in tests
    assert keys
    assert not any(HOST_ADDRESS in key for key in keys)


# --- Cancelling with the link from the e-mail ----------------------------------------


def test_following_the_cancel_link_asks_first_and_changes_nothing(org_a, workshop):
    registration = sign_up(workshop, "anna@example.org").registration

    page = visit(org_a, f"{path_of(workshop)}cancel/{registration.cancel_token}/")

    assert page.status_code == 200
    assert t("pl", "Yes, cancel my registration") in main_of(page)
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Robots-Tag"] == "noindex"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancelling_frees_the_place_for_the_first_on_the_waiting_list(org_a, workshop):
    anna = sign_up(workshop, "anna@example.org").registration
    sign_up(workshop, "druga@example.org")
    waiting = sign_up(workshop, "czeka@example.org").registration
    url = f"{path_of(workshop)}cancel/{anna.cancel_token}/"
    client = Client()
    client.get(url, HTTP_HOST=org_a.site.hostname)

    response = client.post(url, HTTP_HOST=org_a.site.hostname)
    page = follow(org_a, response, client)

    assert urlsplit(response["Location"]).path == f"{path_of(workshop)}cancelled/"
    assert anna.cancel_token not in response["Location"]
    assert t("pl", "Your registration is cancelled") in main_of(page)
    anna.refresh_from_db()
    waiting.refresh_from_db()
    assert anna.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_a_used_cancel_link_says_the_registration_is_already_cancelled(org_a, workshop):
    anna = sign_up(workshop, "anna@example.org").registration
    url = f"{path_of(workshop)}cancel/{anna.cancel_token}/"
    Client().post(url, HTTP_HOST=org_a.site.hostname)

    again = visit(org_a, url)

    assert again.status_code == 200
    assert t("pl", "This registration is already cancelled") in main_of(again)


def test_an_unknown_or_another_events_cancel_link_does_not_work(org_a, workshop, index_a):
    other = add_event(index_a, "Inne", in_days(4), registration_mode="form")
    theirs = sign_up(other, "anna@example.org").registration

    unknown = visit(org_a, f"{path_of(workshop)}cancel/nie-ma-takiego/")
    crossed = Client().post(
        f"{path_of(workshop)}cancel/{theirs.cancel_token}/", HTTP_HOST=org_a.site.hostname
    )

    assert unknown.status_code == crossed.status_code == 404
    assert t("pl", "This link does not work") in main_of(unknown)
    theirs.refresh_from_db()
    assert theirs.status == RegistrationStatus.CONFIRMED


def test_the_cancel_link_works_on_the_translation_the_person_registered_on(org_a, workshop):
    ukrainian = translate_event(workshop, "uk", title="Майстерня з написання резюме")
    anna = sign_up(ukrainian, "anna@example.org", language="uk").registration

    response = Client().post(
        f"{path_of(ukrainian)}cancel/{anna.cancel_token}/", HTTP_HOST=org_a.site.hostname
    )
    page = follow(org_a, response)

    assert t("uk", "Your registration is cancelled") in main_of(page)
    anna.refresh_from_db()
    assert anna.status == RegistrationStatus.CANCELLED


# --- What the page costs -------------------------------------------------------------

# Measured on SQLite: the event page in Polish without and with registration on the site;
# the footer's privacy policy link is looked up once, for the consent too; one query for
# the parts a translation left untranslated; two for the next events in the aside (their
# view restrictions, the events; two more when they have photos: the images, the renditions).
QUERIES_FOR_AN_EVENT_PAGE = VARIANTS["event without photos"]
QUERIES_FOR_THE_REGISTRATION = 2  # the places taken, the questions


def queries_for(org, path):
    visit(org, path)  # warm Wagtail's site cache
    with CaptureQueriesContext(connection) as captured:
        response = visit(org, path)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_form_and_the_places_cost_two_queries_whatever_the_numbers(org_a, index_a, workshop):
    without = add_event(index_a, "Spacer", in_days(4))
    empty = queries_for(org_a, path_of(workshop))

    workshop = with_questions(workshop)
    for n in range(12):
        sign_up(workshop, f"osoba{n}@example.org")
    full = queries_for(org_a, path_of(workshop))

    assert queries_for(org_a, path_of(without)) == QUERIES_FOR_AN_EVENT_PAGE
    assert empty == full == QUERIES_FOR_AN_EVENT_PAGE + QUERIES_FOR_THE_REGISTRATION

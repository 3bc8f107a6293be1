"""An event not yet translated stays findable in the other languages: listed (marked with
its language), opened at its /uk/ or /en/ address with a notice, registered for there."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.models import Registration
from tests.events.helpers import (
    add_event,
    event_index,
    form_data,
    in_days,
    main_of,
    path_of,
    section_of,
    translate_event,
)
from tests.news.helpers import Head
from tests.utils import make_image, text_of, visit


def cards(response):
    """(address, lang, title) of each event card, in order."""
    return re.findall(
        r'class="event-card-title"><a href="([^"]+)"(?: lang="(\w+)" hreflang="\w+")?>([^<]+)</a>',
        text_of(response),
    )


@pytest.fixture
def polish_only(index_a):
    return add_event(
        index_a,
        "Forum w Lublinie",
        in_days(5),
        format="online",
        languages=["pl"],
        registration_mode="form",
        capacity=2,
    )


@pytest.fixture
def translated(index_a):
    event = add_event(index_a, "Porozmawiajmy o integracji", in_days(3), languages=["pl", "uk"])
    translate_event(event, "uk", title="Поговорімо про інтеграцію")
    return event


def test_the_ukrainian_list_shows_the_translation_and_the_polish_only_event_marked(
    org_a, polish_only, translated
):
    response = visit(org_a, "/uk/podii/")

    assert cards(response) == [
        ("/uk/podii/pohovorimo-pro-intehratsiiu/", "", "Поговорімо про інтеграцію"),
        ("/uk/podii/forum-w-lublinie/", "pl", "Forum w Lublinie"),
    ]
    assert '<span class="language-badge">(польською)</span>' in text_of(response)
    # The original of the translated event is not listed beside it.
    assert "Porozmawiajmy o integracji" not in text_of(response)


def test_the_english_list_marks_it_in_english(org_a, polish_only):
    response = visit(org_a, "/en/events/")

    assert cards(response) == [("/en/events/forum-w-lublinie/", "pl", "Forum w Lublinie")]
    assert "(in Polish)" in text_of(response)


def test_the_filters_of_the_list_find_the_polish_only_event(org_a, polish_only, translated):
    month = polish_only.start.strftime("%Y-%m")

    online = visit(org_a, "/uk/podii/?format=online")
    in_polish = visit(org_a, "/uk/podii/?language=pl")
    in_its_month = visit(org_a, f"/uk/podii/?month={month}")

    assert [title for _url, _lang, title in cards(online)] == ["Forum w Lublinie"]
    assert [title for _url, _lang, title in cards(in_polish)] == [
        "Поговорімо про інтеграцію",
        "Forum w Lublinie",
    ]
    assert "Forum w Lublinie" in [title for _url, _lang, title in cards(in_its_month)]


def test_with_untranslated_content_hidden_the_list_and_the_address_are_ukrainian_only(
    org_a, polish_only, translated
):
    org_a.show_untranslated = False
    org_a.save()

    assert [title for _url, _lang, title in cards(visit(org_a, "/uk/podii/"))] == [
        "Поговорімо про інтеграцію"
    ]
    assert visit(org_a, "/uk/podii/forum-w-lublinie/").status_code == 404
    assert visit(org_a, path_of(polish_only)).status_code == 200


def test_the_polish_only_event_opens_at_its_ukrainian_address_with_a_notice(org_a, polish_only):
    response = visit(org_a, "/uk/podii/forum-w-lublinie/")
    html = text_of(response)
    head = Head(html)

    assert response.status_code == 200
    assert '<html lang="uk"' in html
    assert '<main id="main" class="container site-main" tabindex="-1" lang="pl">' in html
    assert "Forum w Lublinie" in main_of(response)
    assert "ще не перекладена" in html
    assert f'<a href="{path_of(polish_only)}" hreflang="pl">' in html
    # Search engines are told the original is the page; it has no other languages.
    assert head.link("canonical") == [polish_only.get_full_url()]
    assert head.link("alternate", hreflang="uk") == []
    # "Back to the list" is the Ukrainian list, and the calendar file is at this address.
    assert 'href="/uk/podii/"' in main_of(response)
    assert 'href="/uk/podii/forum-w-lublinie/ics/"' in html


def test_the_polish_slug_in_ukrainian_leads_to_the_translation(org_a, translated):
    response = visit(org_a, "/uk/podii/porozmawiajmy-o-integracji/")
    calendar = visit(org_a, "/uk/podii/porozmawiajmy-o-integracji/ics/")

    assert response.status_code == 301
    assert response["Location"] == "/uk/podii/pohovorimo-pro-intehratsiiu/"
    assert calendar.status_code == 301
    assert calendar["Location"] == "/uk/podii/pohovorimo-pro-intehratsiiu/ics/"
    assert visit(org_a, response["Location"]).status_code == 200


def test_a_ukrainian_visitor_registers_for_the_polish_only_event_at_its_ukrainian_address(
    org_a, polish_only
):
    client = Client()
    section = section_of(visit(org_a, "/uk/podii/forum-w-lublinie/"))
    assert 'action="/uk/podii/forum-w-lublinie/register/"' in section

    sent = client.post(
        "/uk/podii/forum-w-lublinie/register/",
        form_data(name="Олена Коваль", email="olena@example.org"),
        HTTP_HOST=org_a.site.hostname,
    )
    outcome = client.get(sent["Location"], HTTP_HOST=org_a.site.hostname)

    assert sent.status_code == 303
    assert sent["Location"].startswith("/uk/podii/forum-w-lublinie/registered/?")
    assert outcome.status_code == 200
    assert '<html lang="uk"' in text_of(outcome)
    (registration,) = Registration.objects.all()
    assert registration.event_id == polish_only.pk
    assert registration.language == "uk"
    assert registration.status == "confirmed"


def test_registrations_at_both_addresses_share_the_places(org_a, polish_only):
    for path, email in [
        ("/uk/podii/forum-w-lublinie/", "uk@example.org"),
        (path_of(polish_only), "pl@example.org"),
        ("/en/events/forum-w-lublinie/", "en@example.org"),
    ]:
        Client().post(f"{path}register/", form_data(email=email), HTTP_HOST=org_a.site.hostname)

    assert sorted(Registration.objects.values_list("language", "status")) == [
        ("pl", "confirmed"),
        ("uk", "confirmed"),
    ]
    assert "en@example.org" not in Registration.objects.values_list("email", flat=True)


def test_the_ukrainian_calendar_has_the_polish_only_event_at_its_ukrainian_address(
    org_a, polish_only, translated
):
    calendar = text_of(visit(org_a, "/uk/podii/ics/")).replace("\r\n ", "")

    assert "SUMMARY:Forum w Lublinie (польською)" in calendar
    assert "URL:http://alfa.localhost/uk/podii/forum-w-lublinie/" in calendar
    assert "SUMMARY:Поговорімо про інтеграцію" in calendar
    assert "SUMMARY:Porozmawiajmy o integracji" not in calendar


def queries_for(org, path):
    visit(org, path)  # warm: renditions made, per-process caches filled
    with CaptureQueriesContext(connection) as queries:
        response = visit(org, path)
    return len(queries), response


def test_the_ukrainian_list_costs_the_same_for_few_and_many_untranslated_events(org_a, index_a):
    photo = make_image(org_a)

    def add(number):
        event = add_event(
            index_a,
            f"Wydarzenie {number}",
            in_days(number + 1),
            hero_image=photo,
            hero_alt_text="Uczestnicy",
        )
        if number % 2:
            translate_event(event, "uk", title=f"Подія {number}")

    for number in range(3):
        add(number)
    few, _response = queries_for(org_a, "/uk/podii/")
    for number in range(3, 14):
        add(number)
    many, response = queries_for(org_a, "/uk/podii/")

    assert many == few
    assert len(cards(response)) == 10
    assert event_index(org_a, "uk").upcoming_events().count() == 14


@pytest.mark.django_db
def test_a_translations_contact_and_partner_strip_still_in_polish_are_marked_polish(org_a, index_a):
    """The event's contact and partner strips are streams of their own: what the translation
    left in Polish is marked as such, as in the body (core.untranslated.render_stream)."""
    from organizations.models import UntranslatedText

    event = add_event(
        index_a,
        "Spotkanie",
        in_days(4),
        partners=[
            (
                "partner_strip",
                {"role": "", "custom_heading": "Współpraca", "partners": [], "show_details": False},
            )
        ],
        contact=[("contact", {"name": "Fundacja Świetlica", "role": "", "email": "", "phone": ""})],
    )
    ukrainian = translate_event(event, "uk", title="Зустріч", slug="zustrich")
    contact_id = ukrainian.contact[0].id
    UntranslatedText.objects.create(
        content_type_id=ukrainian.content_type_id,
        object_id=str(ukrainian.pk),
        revision_id=ukrainian.live_revision_id,
        source_language="pl",
        segments=[[f"contact.{contact_id}.name", "Fundacja Świetlica"]],
    )

    html = text_of(visit(org_a, ukrainian.url))

    contact = html[html.index('class="event-contact"') :]
    assert '<div class="w-block-contact block-contact" lang="pl" data-untranslated>' in contact
    assert '<p class="contact-name">Fundacja Świetlica</p>' in contact
    # The strip's heading was translated (here: left as it is, but not recorded as left).
    assert '<div class="w-block-partner_strip block-partner_strip">' in html

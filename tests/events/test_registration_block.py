"""The registration form block: an event's form on any page (an article announcing the
event, a content page), sending to the event and bringing the visitor back to that page."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from events.blocks import RegistrationFormBlock
from events.models import EventPage, Registration
from pages.blocks import BodyBlock
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
from tests.home.helpers import Markup
from tests.utils import add_content_page, text_of, visit

pytestmark = pytest.mark.django_db


def page_with_form(org, event, slug="zaproszenie", **fields):
    return add_content_page(
        org,
        "Zaproszenie na warsztaty",
        slug=slug,
        body=[
            ("rich_text", "<p>Zapraszamy na warsztaty.</p>"),
            ("registration_form", {"event": event, "heading": "Zapisz się na warsztaty"}),
        ],
        **fields,
    )


def send_from(org, page, event, data, client=None):
    """Send the block's form as the browser does: to the event, with the page as `next`."""
    return (client or Client()).post(
        f"{path_of(event)}register/",
        {**data, "next": path_of(page)},
        HTTP_HOST=org.site.hostname,
        REMOTE_ADDR=HOST_ADDRESS,
    )


@pytest.fixture
def workshop(index_a):
    return add_event(
        index_a,
        "Warsztaty z pisania CV",
        in_days(7, 17),
        registration_mode="form",
        capacity=2,
        waiting_list=True,
        venue_name="Centrum Integracji ŁĄCZNIK",
    )


def test_the_block_is_a_body_block_of_every_page():
    assert isinstance(BodyBlock().child_blocks["registration_form"], RegistrationFormBlock)


def test_the_block_shows_the_events_form_sending_to_the_event(org_a, workshop):
    page = page_with_form(org_a, workshop)

    response = visit(org_a, path_of(page))
    section = section_of(response)

    assert "Zapisz się na warsztaty</h2>" in section
    assert f'<a href="{path_of(workshop)}">Warsztaty z pisania CV</a>' in section
    assert f'action="{path_of(workshop)}register/"' in section
    assert input_value(section, "next") == path_of(page)
    assert t("pl", "Places left: %(places)s", places=2) in section
    assert Markup(text_of(response)).problems == []


def test_registering_from_the_block_brings_the_visitor_back_to_the_page(org_a, workshop):
    page = page_with_form(org_a, workshop)
    client = Client()

    response = send_from(org_a, page, workshop, form_data(), client)
    back = client.get(response["Location"], HTTP_HOST=org_a.site.hostname)

    location = urlsplit(response["Location"])
    assert response.status_code == 303
    assert location.path == path_of(page)
    assert "Zaproszenie na warsztaty" in main_of(back)
    section = section_of(back)
    assert t("pl", "Your place is confirmed") in section
    assert "<form" not in section
    registration = Registration.objects.get()
    assert (registration.event_id, registration.language) == (workshop.pk, "pl")


def test_errors_bring_the_visitor_back_to_the_page_with_the_form_filled(org_a, workshop):
    page = page_with_form(org_a, workshop)

    response = send_from(org_a, page, workshop, form_data(consent=None))

    assert response.status_code == 200
    assert "Zaproszenie na warsztaty" in main_of(response)
    assert "Zapraszamy na warsztaty." in main_of(response)
    section = section_of(response)
    assert t("pl", "Tick the box to agree: we cannot register you without it.") in section
    assert input_value(section, "name") == "Anna Kowalska"
    assert input_value(section, "next") == path_of(page)
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "next_value",
    [
        "https://evil.example/phish/",
        "//evil.example/phish/",
        "/\\evil.example/",
        "/pl/nie-ma-takiej-strony/",
        "javascript:alert(1)",
    ],
)
def test_the_way_back_never_leaves_the_site(org_a, workshop, next_value):
    response = Client().post(
        f"{path_of(workshop)}register/",
        {**form_data(), "next": next_value},
        HTTP_HOST=org_a.site.hostname,
        REMOTE_ADDR=HOST_ADDRESS,
    )

    assert response.status_code == 303
    assert urlsplit(response["Location"]).path == f"{path_of(workshop)}registered/"
    assert not urlsplit(response["Location"]).netloc


def test_the_way_back_never_leads_to_another_organizations_page(org_a, org_b, workshop):
    foreign = add_content_page(org_b, "Strona Bety", slug="strona-bety")

    response = send_from(org_a, foreign, workshop, form_data())

    assert urlsplit(response["Location"]).path == f"{path_of(workshop)}registered/"


def test_the_way_back_is_a_pages_own_address_not_one_of_its_routes(org_a, workshop, index_a):
    other = add_event(index_a, "Inne", in_days(3), registration_mode="form")
    data = {**form_data(consent=None), "next": f"{path_of(other)}register/"}

    response = Client().post(f"{path_of(workshop)}register/", data, HTTP_HOST=org_a.site.hostname)

    assert response.status_code == 200
    assert "<h1>Warsztaty z pisania CV</h1>" in main_of(response)


def test_errors_on_a_private_page_show_the_login_not_the_page(org_a, workshop):
    page = page_with_form(org_a, workshop, slug="tylko-dla-czlonkow")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
    )

    response = send_from(org_a, page, workshop, form_data(consent=None))

    assert "Zapraszamy na warsztaty." not in text_of(response)


def test_on_a_ukrainian_page_the_block_shows_the_ukrainian_event(org_a, workshop):
    ukrainian_event = translate_event(workshop, "uk", title="Майстерня з написання резюме")
    page = page_with_form(org_a, workshop)
    ukrainian_page = translate_event(page, "uk", title="Запрошення на майстерню")

    section = section_of(visit(org_a, path_of(ukrainian_page)))
    response = send_from(org_a, ukrainian_page, ukrainian_event, form_data())

    assert "Майстерня з написання резюме" in section
    assert f'action="{path_of(ukrainian_event)}register/' in section
    assert t("uk", "Register") in section
    assert urlsplit(response["Location"]).path == path_of(ukrainian_page)
    assert Registration.objects.get().language == "uk"


def test_questions_not_yet_translated_are_marked_with_their_language(org_a, workshop):
    workshop = with_questions(workshop, [("Skąd jesteś?", "singleline", True, "", "")])
    page = page_with_form(org_a, workshop)
    ukrainian_page = translate_event(page, "uk", title="Запрошення на майстерню")

    section = section_of(visit(org_a, path_of(ukrainian_page)))
    response = send_from(org_a, ukrainian_page, workshop, form_data(q_skad_jestes="Україна"))

    assert '<div class="registration-questions" lang="pl">' in section
    assert urlsplit(response["Location"]).path == path_of(ukrainian_page)
    assert Registration.objects.get().language == "uk"


def test_on_the_events_own_page_the_block_adds_no_second_form(org_a, workshop):
    workshop.body = [("registration_form", {"event": workshop, "heading": ""})]
    workshop.save_revision().publish()

    html = text_of(visit(org_a, path_of(workshop)))

    assert html.count('<form class="registration-form"') == 1


def test_the_block_on_an_event_page_for_another_event_works(org_a, workshop, index_a):
    announcement = add_event(index_a, "Dzień otwarty", in_days(2))
    announcement.body = [("registration_form", {"event": workshop, "heading": ""})]
    announcement.save_revision().publish()
    announcement = EventPage.objects.get(pk=announcement.pk)

    response = send_from(org_a, announcement, workshop, form_data(name=""))

    assert response.status_code == 200
    assert "<h1>Dzień otwarty</h1>" in main_of(response)
    assert input_value(section_of(response), "email") == "anna@example.org"


def test_a_closed_events_block_says_so_without_a_form(org_a, workshop):
    workshop.registration_closes_at = in_days(-1)
    workshop.save_revision().publish()
    page = page_with_form(org_a, workshop)

    section = section_of(visit(org_a, path_of(page)))

    assert "<form" not in section
    assert t("pl", "Registration is closed.") in section


def test_the_preview_shows_a_sample_form():
    block = RegistrationFormBlock()

    html = str(block.render(block.get_preview_value()))

    assert 'name="email"' in html
    assert "Porozmawiajmy o integracji" in html
    assert Markup(html).problems == []

"""Visitors register for events in a real browser: from an article, on a phone in Ukrainian,
with the keyboard only; meet a full event, join a waiting list, and cancel with the link
from their e-mail."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect
from wagtail.contrib.forms.utils import get_field_clean_name

from events.models import EventFormField, Registration
from events.registration import register
from tests.browser.helpers import fits_the_screen
from tests.events.helpers import add_event, event_index, in_days, translate_event
from tests.news.helpers import add_article, news_index

PHONE = {"viewport": {"width": 360, "height": 740}, "locale": "uk-UA", "is_mobile": True}


@pytest.fixture(autouse=True)
def quick_hands(settings):
    # A test fills the form faster than a person could; the minimum time has tests of its own.
    settings.REGISTRATION_MIN_FILL_SECONDS = 0


def t(language, message, **values):
    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def path_of(page):
    return page.get_url_parts()[2]


def workshop(org, **fields):
    options = {"registration_mode": "form", "capacity": 20, "waiting_list": True, **fields}
    return add_event(
        event_index(org),
        "Warsztaty z pisania CV",
        in_days(7, 17),
        venue_name="Centrum Integracji ŁĄCZNIK",
        city="Toruń",
        **options,
    )


def sign_up(event, email):
    return register(
        event,
        name="Ktoś",
        email=email,
        language="pl",
        consent_text="Zgadzam się",
        consent_version="1",
    )


def focused(page):
    return page.evaluate(
        "document.activeElement.id || document.activeElement.getAttribute('name') || ''"
    )


def fill_in(form, name, email):
    form.get_by_label(t("pl", "Your name")).fill(name)
    form.get_by_label(t("pl", "Your e-mail address")).fill(email)


def test_a_visitor_registers_from_an_article_through_the_registration_form_block(
    page, site_url, org_a, axe, third_party_requests
):
    event = workshop(org_a)
    event.form_fields.add(
        EventFormField(label="Udział", field_type="radio", choices="Stacjonarnie\nOnline")
    )
    event.save_revision().publish()
    article = add_article(
        news_index(org_a),
        "Zapraszamy na warsztaty z pisania CV",
        "2030-11-20",
        body=[
            ("rich_text", "<p>Pomożemy przygotować CV po polsku.</p>"),
            ("registration_form", {"event": event, "heading": "Zapisz się na warsztaty"}),
        ],
    )

    page.goto(site_url(org_a, path_of(article)))
    form = page.locator("form.registration-form")
    fill_in(form, "Olena Kovalenko", "olena@example.org")
    form.get_by_label("Online").check()
    form.get_by_role(
        "checkbox",
        name=re.compile(
            t("pl", "I agree to the processing of my data for the registration for this event.")[:8]
        ),
    ).check()
    assert axe(page) == []
    form.get_by_role("button", name=t("pl", "Register")).click()

    expect(page).to_have_url(re.compile(re.escape(path_of(article)) + r"\?registration=.+"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Zapraszamy na warsztaty z pisania CV"
    )
    outcome = page.locator(".registration-outcome")
    expect(outcome).to_contain_text(t("pl", "Your place is confirmed"))
    expect(outcome).to_be_focused()
    assert axe(page) == []
    assert Registration.objects.get().answers == {get_field_clean_name("Udział"): "Online"}
    assert [message.to for message in mail.outbox] == [["olena@example.org"]]
    assert third_party_requests == []


def test_a_visitor_registers_from_the_event_page_in_ukrainian_on_a_phone(
    new_page, site_url, org_a, axe, third_party_requests
):
    event = workshop(org_a)
    ukrainian = translate_event(event, "uk", title="Майстерня з написання резюме")
    page = new_page(**PHONE)

    page.goto(site_url(org_a, path_of(ukrainian)))
    expect(page.get_by_role("heading", level=1)).to_have_text("Майстерня з написання резюме")
    page.get_by_role("link", name=t("uk", "Go to the registration form")).click()
    form = page.locator("form.registration-form")
    form.get_by_label(t("uk", "Your name")).fill("Олена Коваленко")
    form.get_by_label(t("uk", "Your e-mail address")).fill("olena@example.org")
    assert fits_the_screen(page)
    form.get_by_role("button", name="Зареєструватися").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        t("uk", "Tick the box to agree: we cannot register you without it.")
    )
    expect(form.get_by_label(t("uk", "Your name"))).to_have_value("Олена Коваленко")
    assert fits_the_screen(page)
    assert axe(page) == []
    summary.get_by_role("link").click()
    expect(page.locator("input[name=consent]")).to_be_focused()
    page.locator("input[name=consent]").check()
    form.get_by_role("button", name="Зареєструватися").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t("uk", "Your place is confirmed"))
    expect(page.locator("main")).to_contain_text("Майстерня з написання резюме")
    assert fits_the_screen(page)
    assert axe(page) == []
    assert Registration.objects.get().language == "uk"
    assert third_party_requests == []


def test_a_visitor_meets_a_full_event(page, site_url, org_a, axe):
    event = workshop(org_a, capacity=1, waiting_list=False)
    sign_up(event, "pierwsza@example.org")

    page.goto(site_url(org_a, path_of(event)))

    expect(page.locator(".event-info")).to_contain_text(t("pl", "Registration is full."))
    expect(page.locator("section.registration")).to_contain_text(t("pl", "Registration is full."))
    expect(page.locator("form.registration-form")).to_have_count(0)
    assert axe(page) == []


def test_a_visitor_joins_the_waiting_list_and_sees_the_position(page, site_url, org_a, axe):
    event = workshop(org_a, capacity=1)
    sign_up(event, "pierwsza@example.org")
    sign_up(event, "druga@example.org")

    page.goto(site_url(org_a, path_of(event)))
    expect(page.locator(".event-info")).to_contain_text(
        t("pl", "No places left — you can join the waiting list.")
    )
    form = page.locator("form.registration-form")
    fill_in(form, "Anna Kowalska", "anna@example.org")
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name=t("pl", "Join the waiting list")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("pl", "You are on the waiting list — your place in the queue: %(position)s", position=2)
    )
    assert axe(page) == []


def test_a_visitor_cancels_with_the_link_from_the_e_mail(page, site_url, org_a, axe):
    event = workshop(org_a)
    page.goto(site_url(org_a, path_of(event)))
    form = page.locator("form.registration-form")
    fill_in(form, "Anna Kowalska", "anna@example.org")
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name=t("pl", "Register")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("pl", "Your place is confirmed"))

    (confirmation,) = mail.outbox
    link = re.search(r"https?://\S+/cancel/\S+/", confirmation.body).group(0)
    page.goto(site_url(org_a, urlsplit(link).path))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("pl", "Cancel your registration?"))
    assert axe(page) == []
    assert Registration.objects.get().status == "confirmed"  # opening the link changes nothing
    page.get_by_role("button", name=t("pl", "Yes, cancel my registration")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("pl", "Your registration is cancelled")
    )
    assert Registration.objects.get().status == "cancelled"
    assert len(mail.outbox) == 2


def test_a_keyboard_user_registers_without_a_mouse(page, site_url, org_a, third_party_requests):
    event = workshop(org_a)
    page.goto(site_url(org_a, path_of(event)))
    name = page.locator("input[name=name]")
    visited = []

    for _ in range(80):
        page.keyboard.press("Tab")
        visited.append(focused(page))
        if name.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.type("Anna Kowalska")
    page.keyboard.press("Tab")
    page.keyboard.type("anna@example.org")
    page.keyboard.press("Tab")
    expect(page.locator("input[name=consent]")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=t("pl", "Register"))).to_be_focused()  # not the trap
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(t("pl", "Your place is confirmed"))
    assert "website" not in visited
    registration = Registration.objects.get()
    assert (registration.name, registration.email) == ("Anna Kowalska", "anna@example.org")
    assert third_party_requests == []

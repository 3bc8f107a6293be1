"""An editor rebuilding a real announcement in the event editor: questions that show
"Choices" only for the types with choices, and a partner added from the partner chooser
without leaving the page."""

import re

from playwright.sync_api import expect

from events.choices import EDITOR_QUESTION_TYPES
from events.models import EventPage
from partners.blocks import Role
from partners.models import Partner
from tests.browser.helpers import in_polish, log_in
from tests.events.helpers import add_event, event_index, in_days


def edit_event(page, site_url, org, editor):
    event = add_event(event_index(org), "Porozmawiajmy o integracji", in_days(10, 9, 30))
    log_in(page, site_url(org, "/admin/login/"), editor)
    page.goto(site_url(org, f"/admin/pages/{event.pk}/edit/"))
    return event


def question(page, number):
    """The panel of the `number`th question (from 0), and its type of answer."""
    panel = page.locator(f"#inline_child_form_fields-{number}")
    return panel, panel.locator(f'select[name="form_fields-{number}-field_type"]')


def publish(page):
    footer = page.locator("footer")
    footer.get_by_role("button", name=in_polish("More actions")).click()
    footer.get_by_role("button", name=in_polish("Publish")).click()


def test_choices_show_only_for_the_types_with_choices_in_new_questions_too(
    page, site_url, org_a, editor_a, third_party_requests
):
    event = edit_event(page, site_url, org_a, editor_a)
    page.get_by_role("tab", name=in_polish("Registration")).click()
    page.locator('select[name="registration_mode"]').select_option("form")

    page.locator("#id_form_fields-ADD").click()
    first, first_type = question(page, 0)
    choices = first.locator('[data-question-fields-target="choices"]')
    default = first.locator('[data-question-fields-target="default"]')

    # A new question: optional, offered the plain types only, without choices to fill in.
    expect(first.locator('input[name="form_fields-0-required"]')).not_to_be_checked()
    values = first_type.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert values == ["", *EDITOR_QUESTION_TYPES]
    expect(choices).to_be_hidden()
    expect(default).to_be_hidden()

    first_type.select_option("dropdown")
    expect(choices).to_be_visible()
    expect(default).to_be_visible()
    first.locator('input[name="form_fields-0-label"]').fill("Poziom języka")
    first.locator('textarea[name="form_fields-0-choices"]').fill("A1\nA2\nB1")

    # A second question, added after the page loaded, gets the same behaviour.
    page.locator("#id_form_fields-ADD").click()
    second, second_type = question(page, 1)
    second_choices = second.locator('[data-question-fields-target="choices"]')
    expect(second_choices).to_be_hidden()
    second_type.select_option("radio")
    expect(second_choices).to_be_visible()
    second_type.select_option("singleline")
    expect(second_choices).to_be_hidden()
    second.locator('input[name="form_fields-1-label"]').fill("Skąd jesteś?")

    # Choices already typed stay in sight whatever the type, so nothing in effect is hidden.
    first_type.select_option("multiline")
    expect(choices).to_be_visible()
    first_type.select_option("dropdown")

    publish(page)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    event = EventPage.objects.get(pk=event.pk)
    saved = [
        (f.label, f.field_type, f.required, f.choices.splitlines()) for f in event.form_fields.all()
    ]
    assert saved == [
        ("Poziom języka", "dropdown", False, ["A1", "A2", "B1"]),
        ("Skąd jesteś?", "singleline", False, []),
    ]
    assert third_party_requests == []


def test_an_editor_adds_a_partner_from_the_chooser_and_it_is_their_organizations(
    page, site_url, org_a, org_b, editor_a, third_party_requests
):
    event = edit_event(page, site_url, org_a, editor_a)
    page.get_by_role("tab", name=in_polish("Content")).click()

    partners_field = page.locator("#partners-root")
    partners_field.locator("button.c-sf-add-button").last.click()
    strip = partners_field.locator("[data-streamfield-child]").first
    expect(strip).to_be_visible()
    strip.locator('[data-contentpath="role"] select').select_option(Role.ORGANIZERS.value)
    item = strip.locator('[data-contentpath="partners"] [data-streamfield-child]').first
    item.locator("[data-chooser-action-choose]").filter(visible=True).click()

    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name=in_polish("New partner")).click()
    dialog.locator('input[name="name"]').fill("Fundacja Ocalenie")
    dialog.locator('input[name="website"]').fill("https://ocalenie.org.pl/")
    dialog.get_by_role("button", name=in_polish("Add the partner")).click()
    expect(page.locator(".modal, .modal-backdrop")).to_have_count(0)
    expect(item.locator("[data-chooser-title]").first).to_have_text("Fundacja Ocalenie")

    publish(page)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    partner = Partner.objects.get(name="Fundacja Ocalenie")
    assert partner.site_id == org_a.site.pk
    assert partner.site_id != org_b.site.pk
    [strip_value] = EventPage.objects.get(pk=event.pk).partners
    assert strip_value.value["role"] == Role.ORGANIZERS
    assert list(strip_value.value["partners"]) == [partner]
    assert third_party_requests == []

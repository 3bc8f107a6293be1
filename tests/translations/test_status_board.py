"""The status board: every page and translatable snippet of an organization × each of its
languages, in one of five states, filtered, linked, totalled; to its own staff only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from tests.home.helpers import assert_refused, login
from tests.partners.helpers import make_partner
from tests.utils import add_content_page, make_staff
from translations import status
from translations.models import TranslationRequest
from translations.requests import record_requests

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code, *, complete=True, publish=True):
    TranslationCreator(None, [locale(code)]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for index, segment in enumerate(segments):
        if complete or index == 0:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale(code),
                context=segment.context,
                defaults={"data": f"[{code}] {segment.string.data}"},
            )
    if publish:
        translation.save_target(publish=True)
    return translation


@pytest.fixture
def pages(org_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = {
            "missing": add_content_page(org_a, "Nieprzetłumaczona", intro="Tekst."),
            "requested": add_content_page(org_a, "Zlecona", intro="Tekst."),
            "in_progress": add_content_page(org_a, "W toku", intro="Pierwsze. Drugie zdanie."),
            "up_to_date": add_content_page(org_a, "Gotowa", intro="Tekst."),
            "out_of_date": add_content_page(org_a, "Zmieniona", intro="Tekst."),
        }
        record_requests(objects=[made["requested"]], locales=[locale("uk")], user=None)
        translate(made["in_progress"], "uk", complete=False, publish=False)
        translate(made["up_to_date"], "uk")
        translate(made["out_of_date"], "uk")
    changed = made["out_of_date"]
    changed.intro = "Tekst zmieniony po tłumaczeniu."
    with django_capture_on_commit_callbacks(execute=True):
        changed.save_revision().publish()
    return made


def cells(org, language):
    return {row.title: row.cells[language] for row in status.board(org) if language in row.cells}


def test_each_page_is_in_its_state_in_each_language(org_a, pages):
    found = cells(org_a, "uk")

    assert {title: found[title].state for title in [p.title for p in pages.values()]} == {
        "Nieprzetłumaczona": status.MISSING,
        "Zlecona": status.REQUESTED,
        "W toku": status.IN_PROGRESS,
        "Gotowa": status.UP_TO_DATE,
        "Zmieniona": status.OUT_OF_DATE,
    }
    progress = found["W toku"]
    assert progress.total > 1
    assert progress.done == 1
    assert found["Zmieniona"].since is not None
    # Nothing was asked for in English.
    assert {cells(org_a, "en")[p.title].state for p in pages.values()} == {status.MISSING}


def test_snippets_are_on_the_board(org_a, django_capture_on_commit_callbacks):
    partner = make_partner(org_a, "Fundacja Ocalenie")
    TranslationCreator(None, [locale("uk")]).create_translations(partner)

    rows = [row for row in status.board(org_a) if row.title == "Fundacja Ocalenie"]

    assert len(rows) == 1
    assert rows[0].kind == "partners.partner"
    assert rows[0].cells["uk"].state in (status.IN_PROGRESS, status.UP_TO_DATE)
    assert rows[0].cells["en"].state == status.MISSING


def test_the_board_costs_the_same_queries_for_more_pages(
    org_a, django_capture_on_commit_callbacks, pages
):
    with CaptureQueriesContext(connection) as few:
        status.board(org_a)
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(6):
            page = add_content_page(org_a, f"Dodatkowa {index}", intro="Tekst.")
            translate(page, "uk")
    with CaptureQueriesContext(connection) as more:
        status.board(org_a)

    assert len(more) == len(few)


def test_the_board_view_filters_by_language_state_and_section(client, editor_a, org_a, pages):
    login(client, editor_a)
    url = reverse("translations:board")

    everything = client.get(url)
    out_of_date = client.get(url, {"language": "uk", "state": "out_of_date"})

    assert everything.status_code == 200
    titles = [line["row"].title for line in everything.context["table"]]
    assert {"Gotowa", "Zmieniona", "W toku"} <= set(titles)
    assert [line["row"].title for line in out_of_date.context["table"]] == ["Zmieniona"]
    assert out_of_date.context["languages"] == ["uk"]
    (code, cell, link) = out_of_date.context["table"][0]["cells"][0]
    translated = pages["out_of_date"].get_translation(locale("uk"))
    assert link == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    # Totals count every row in every language, whatever the filter shows.
    totals = dict(out_of_date.context["totals"])
    assert totals["uk"][list(status.STATES).index("up_to_date")] >= 1


def test_a_missing_translation_links_to_the_request_form(client, editor_a, org_a, pages):
    login(client, editor_a)
    response = client.get(reverse("translations:board"), {"language": "en", "state": "missing"})

    lines = {line["row"].title: line["cells"][0][2] for line in response.context["table"]}
    page = pages["missing"]
    assert lines["Nieprzetłumaczona"] == (
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + "?select_locale=en"
    )


def test_another_organizations_staff_never_see_the_board_of_this_one(
    client, editor_b, org_a, org_b, pages
):
    login(client, editor_b)

    own = client.get(reverse("translations:board"))
    asked = client.get(reverse("translations:board"), {"organization": org_a.pk})

    assert own.context["organization"] == org_b
    assert "Zmieniona" not in own.content.decode()
    assert_refused(asked)


def test_a_translator_sees_their_organizations_board(client, org_a, pages):
    translator = make_staff(org_a, "translators", language="uk")
    response = login(client, translator).get(reverse("translations:board"))
    assert response.status_code == 200
    assert response.context["organization"] == org_a


def test_the_dashboard_shows_the_totals(client, editor_a, org_a, pages):
    response = login(client, editor_a).get(reverse("wagtailadmin_home"))

    content = response.content.decode()
    assert "translation-totals-heading" in content
    assert org_a.name in content


def test_requests_older_than_their_due_date_are_overdue_in_the_queue(
    client, editor_a, org_a, pages
):
    TranslationRequest.objects.update(due_date=timezone.localdate() - datetime.timedelta(days=2))
    translator = make_staff(org_a, "translators", language="uk")

    items = login(client, translator).get(reverse("translations:queue")).context["items"]

    assert [item["request"].title for item in items] == ["Zlecona"]
    assert items[0]["overdue"]

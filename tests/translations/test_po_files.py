"""PO files: a section (a page and its subtree), a snippet set or one translation in one
language, downloaded for a translation tool and uploaded back; anything that is not that
file, translated into that language by someone who may, is refused and changes nothing."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from tests.home.helpers import assert_refused
from tests.home.helpers import login as force_login
from tests.partners.helpers import make_partner
from tests.translations.helpers import (
    in_admin_language,
    msgfmt_check,
    po_upload,
    read_po,
    start_translation,
    translate_all,
    translations_into,
)
from tests.utils import add_content_page, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_uk(org_a):
    return make_staff(org_a, "translators", language="uk")


@pytest.fixture
def section(org_a, django_capture_on_commit_callbacks):
    """ "O nas" with a page below it, both being translated into Ukrainian, and a page
    outside the section, also being translated."""
    with django_capture_on_commit_callbacks(execute=True):
        about = add_content_page(org_a, "O nas", intro="Pomagamy migrantom.")
        team = add_content_page(org_a, "Zespół", parent=about, intro="Nasz zespół.")
        other = add_content_page(org_a, "Kontakt", intro="Napisz do nas.")
    for page in (about, team, other):
        start_translation(page, "uk")
    return {"about": about, "team": team, "other": other}


def login(client, user):
    """Logged in with the admin in English, the language these tests read its messages in."""
    return force_login(client, in_admin_language(user, "en"))


def section_url(page, language, download=False):
    name = "po_download_section" if download else "po_file_section"
    return reverse(f"translations:{name}", args=[page.pk, language])


def snippets_url(org, label, language, download=False):
    name = "po_download_snippets" if download else "po_file_snippets"
    return reverse(f"translations:{name}", args=[org.site_id, label, language])


def said(response):
    """The message the upload left (those of earlier requests wait unread before it)."""
    return str(list(get_messages(response.wsgi_request))[-1])


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def upload(client, url, content):
    return client.post(url, {"file": po_upload(content)})


def test_a_section_round_trips_through_a_po_file(client, translator_uk, section):
    login(client, translator_uk)

    content = download(client, section_url(section["about"], "uk", download=True))

    assert msgfmt_check(content) == (0, "")
    po = read_po(content)
    assert po.metadata["Language"] == "uk"
    assert po.metadata["X-Foundation-CMS-Scope"] == f"section {section['about'].pk}"
    originals = {entry.msgid for entry in po}
    assert {"O nas", "Pomagamy migrantom.", "Zespół", "Nasz zespół."} <= originals
    # Nothing of the page outside the section.
    assert "Napisz do nas." not in originals
    contexts = {entry.msgctxt.split(":")[1] for entry in po}
    assert contexts == {str(section["about"].pk), str(section["team"].pk)}

    translated = translate_all(po)
    assert msgfmt_check(translated)[0] == 0
    response = upload(client, section_url(section["about"], "uk"), translated)

    assert response.status_code == 302
    assert said(response) == f"{len(po)} strings updated."
    stored = translations_into("uk")
    assert stored[("Zespół", "title")] == "UK: Zespół"
    assert stored[("Pomagamy migrantom.", "intro")] == "UK: Pomagamy migrantom."
    # Published from the translation editor, the page has the uploaded text.
    translation = start_translation(section["team"], "uk")
    translation.save_target(publish=True)
    assert section["team"].get_translation(translation.target_locale).title == "UK: Zespół"


def test_empty_and_fuzzy_entries_are_skipped_and_counted(client, translator_uk, section):
    login(client, translator_uk)
    po = read_po(download(client, section_url(section["team"], "uk", download=True)))
    title = next(entry for entry in po if entry.msgid == "Zespół")
    intro = next(entry for entry in po if entry.msgid == "Nasz zespół.")
    title.msgstr = "Команда"
    intro.msgstr = "Наша команда"
    intro.flags.append("fuzzy")

    response = upload(client, section_url(section["team"], "uk"), str(po).encode())

    assert said(response).startswith("1 string updated.")
    assert f"{len(po) - 1} strings skipped" in said(response)
    stored = translations_into("uk")
    assert stored[("Zespół", "title")] == "Команда"
    assert ("Nasz zespół.", "intro") not in stored

    again = upload(client, section_url(section["team"], "uk"), str(po).encode())
    assert said(again).startswith("0 strings updated. 1 string was already so.")


def test_one_translation_round_trips_through_the_translation_editors_po_file(
    client, translator_uk, section
):
    translation = start_translation(section["other"], "uk")
    login(client, translator_uk)

    content = download(client, reverse("wagtail_localize:download_pofile", args=[translation.pk]))

    assert msgfmt_check(content) == (0, "")
    po = read_po(content)
    assert po.metadata["X-Foundation-CMS-Scope"] == f"translation {translation.uuid}"
    assert {entry.msgid for entry in po} >= {"Kontakt", "Napisz do nas."}
    editor = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]) + f"?next={editor}",
        {"file": po_upload(translate_all(po))},
    )

    assert response.status_code == 302
    assert response["Location"] == editor
    assert said(response) == f"{len(po)} strings updated."
    assert translations_into("uk")[("Napisz do nas.", "intro")] == "UK: Napisz do nas."


def test_a_snippet_set_round_trips_and_holds_only_the_organizations_own(
    client, translator_uk, org_a, org_b
):
    ours = make_partner(org_a, "Fundacja Ocalenie", description="Pomoc prawna.")
    theirs = make_partner(org_b, "Stowarzyszenie Inne", description="Kursy.")
    start_translation(ours, "uk")
    start_translation(theirs, "uk")
    login(client, translator_uk)

    content = download(client, snippets_url(org_a, "partners.partner", "uk", download=True))

    assert msgfmt_check(content) == (0, "")
    po = read_po(content)
    assert {entry.msgid for entry in po} == {"Fundacja Ocalenie", "Pomoc prawna."}
    assert {entry.msgctxt.rsplit(":", 1)[0] for entry in po} == {f"partners.partner:{ours.pk}"}
    response = upload(client, snippets_url(org_a, "partners.partner", "uk"), translate_all(po))

    assert said(response) == "2 strings updated."
    assert translations_into("uk")[("Pomoc prawna.", "description")] == "UK: Pomoc prawna."


# Refusals: each changes nothing and says why; the valid file beside each is the control.


@pytest.fixture
def valid_file(client, translator_uk, section):
    login(client, translator_uk)
    po = read_po(download(client, section_url(section["about"], "uk", download=True)))
    translate_all(po)
    return po


def assert_refused_upload(client, url, content, reason):
    before = translations_into("uk")
    response = upload(client, url, content)
    assert response.status_code == 302
    message = said(response)
    assert message.startswith("Nothing was changed.")
    assert reason in message
    assert translations_into("uk") == before


def test_a_file_that_is_not_a_po_file_is_refused(client, section, valid_file):
    url = section_url(section["about"], "uk")
    assert_refused_upload(client, url, b"msgid no quotes\n\x00\xff", "not a valid PO file")
    assert_refused_upload(client, url, b"<html>PO</html>", "not a valid PO file")
    assert said(upload(client, url, str(valid_file).encode())).endswith("strings updated.")


def test_a_file_msgfmt_refuses_is_refused_though_polib_reads_it(client, section, valid_file):
    url = section_url(section["about"], "uk")
    # The same entry twice: polib reads it, msgfmt calls it a duplicate definition.
    valid_file.append(valid_file[0])
    duplicated = str(valid_file).encode()
    assert read_po(duplicated)
    assert msgfmt_check(duplicated)[0] != 0

    assert_refused_upload(client, url, duplicated, "duplicate")

    valid_file.pop()
    assert said(upload(client, url, str(valid_file).encode())).endswith("strings updated.")


def test_a_file_in_another_language_is_refused(client, section, valid_file):
    url = section_url(section["about"], "uk")
    valid_file.metadata["Language"] = "en"
    assert_refused_upload(client, url, str(valid_file).encode(), "in en, not in uk")
    del valid_file.metadata["Language"]
    assert_refused_upload(client, url, str(valid_file).encode(), "Language header")

    # A tool writing the region too is still Ukrainian.
    valid_file.metadata["Language"] = "uk_UA"
    assert said(upload(client, url, str(valid_file).encode())).endswith("strings updated.")


def test_a_file_made_for_another_section_is_refused(client, section, valid_file, org_a):
    elsewhere = section_url(section["other"], "uk")
    assert_refused_upload(client, elsewhere, str(valid_file).encode(), "made for something else")

    # A file for the subtree's page is refused by the section, though its pages are in it.
    team = read_po(download(client, section_url(section["team"], "uk", download=True)))
    url = section_url(section["about"], "uk")
    assert_refused_upload(client, url, translate_all(team), "made for something else")
    # Nor does a section's file go into one translation.
    before = translations_into("uk")
    translation = start_translation(section["about"], "uk")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": po_upload(str(valid_file).encode())},
    )
    assert said(response).startswith("Nothing was changed.")
    assert translations_into("uk") == before


def test_an_entry_for_a_page_outside_the_section_is_refused(client, section, valid_file):
    url = section_url(section["about"], "uk")
    entry = valid_file[0]
    path = entry.msgctxt.split(":", 2)[2]
    entry.msgctxt = f"page:{section['other'].pk}:{path}"
    assert_refused_upload(client, url, str(valid_file).encode(), "outside “O nas”")
    entry.msgctxt = f"garbage {path}"
    assert_refused_upload(client, url, str(valid_file).encode(), "no context this site wrote")

    entry.msgctxt = f"page:{section['about'].pk}:{path}"
    assert said(upload(client, url, str(valid_file).encode())).endswith("strings updated.")


def test_a_translation_with_block_html_is_refused(client, section, valid_file):
    url = section_url(section["about"], "uk")
    valid_file[0].msgstr = "<p>Про нас</p>"
    assert_refused_upload(client, url, str(valid_file).encode(), "<p>")


# Who may: the organization's staff, and its translators into that language only.


def test_translators_of_another_language_or_organization_are_refused(
    client, org_a, org_b, section, valid_file
):
    content = str(valid_file).encode()
    translation = start_translation(section["about"], "uk")
    before = translations_into("uk")
    urls = [
        section_url(section["about"], "uk", download=True),
        snippets_url(org_a, "partners.partner", "uk", download=True),
        reverse("wagtail_localize:download_pofile", args=[translation.pk]),
    ]
    for user in (
        make_staff(org_a, "translators", language="en"),
        make_staff(org_b, "translators", language="uk"),
        make_staff(org_b, "editors"),
    ):
        login(client, user)
        for url in urls:
            assert_refused(client.get(url))
        assert_refused(upload(client, section_url(section["about"], "uk"), content))
        assert translations_into("uk") == before
        upload_url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
        assert_refused(client.post(upload_url, {"file": po_upload(content)}))
        assert translations_into("uk") == before

    # Positive control: the organization's editor may, for every language.
    login(client, make_staff(org_a, "editors"))
    assert client.get(urls[0]).status_code == 200
    assert said(upload(client, section_url(section["about"], "uk"), content)).endswith(
        "strings updated."
    )


def test_the_po_files_page_offers_only_the_translators_language(
    client, translator_uk, org_a, section
):
    login(client, translator_uk)

    response = client.get(reverse("translations:po_files"))

    assert response.status_code == 200
    html = response.content.decode()
    assert section_url(section["about"], "uk") in html
    assert section_url(section["about"], "en") not in html
    # A section is offered once, by its original, not again by its translation.
    about_uk = Page.objects.get(
        translation_key=section["about"].translation_key, locale__language_code="uk"
    )
    assert f"/po/section/{about_uk.pk}/" not in html
    assert snippets_url(org_a, "partners.partner", "uk") in html
    assert_refused(client.get(section_url(section["about"], "en")))
    page = client.get(section_url(section["about"], "uk"))
    assert page.status_code == 200
    assert "Zespół" in page.content.decode()


def test_downloading_a_section_costs_the_same_queries_for_more_pages(
    client, translator_uk, org_a, section, django_capture_on_commit_callbacks
):
    login(client, translator_uk)
    url = section_url(section["about"], "uk", download=True)
    download(client, url)
    with CaptureQueriesContext(connection) as few:
        download(client, url)
    for index in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            page = add_content_page(
                org_a, f"Strona {index}", parent=Page.objects.get(pk=section["about"].pk)
            )
        start_translation(page, "uk")
    with CaptureQueriesContext(connection) as more:
        content = download(client, url)

    assert len(read_po(content)) > 10
    assert len(more) == len(few)
    assert Page.objects.child_of(section["about"]).count() == 6


def test_a_refusal_is_said_in_the_users_admin_language(client, translator_uk, section):
    url = section_url(section["about"], "uk")
    po = read_po(download(login(client, translator_uk), section_url(section["about"], "uk", True)))
    po.metadata["Language"] = "en"
    force_login(client, in_admin_language(translator_uk, "uk"))

    response = upload(client, url, translate_all(po))

    assert said(response) == "Нічого не змінено. Цей файл мовою en, а не uk."

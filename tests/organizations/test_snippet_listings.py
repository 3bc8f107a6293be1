"""Listings of translatable snippets (partners, funding notices, news categories): one row
per item, its original, with a Languages column giving each language's state as the status
board does (the board's own code: missing, requested, in progress with what is left, machine
output to review, up to date) linking to what the user may do in each language; search finds an item by a
translated name; a listing page takes the same number of queries for any number of items
and languages. The chooser keeps one row per language, each saying its language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import override
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from news.models import NewsCategory
from organizations.models import FundingNotice
from partners.models import Partner
from tests.home.helpers import login, make_notice
from tests.news.helpers import make_category
from tests.organizations.helpers import listing_rows
from tests.partners.helpers import make_partner, translate_partner
from translations import status
from translations.models import TranslationRequest
from translations.requests import record_requests

pytestmark = pytest.mark.django_db


def listing_url(model, view="list"):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}")


def edit_url(instance):
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def request_url(instance, language):
    meta = instance._meta
    return (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, instance.pk],
        )
        + f"?select_locale={language}"
    )


def submitted_for_translation(instance, language, django_capture_on_commit_callbacks):
    """Translated through wagtail-localize's Translate, nothing translated yet."""
    locale = Locale.objects.get(language_code=language)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [locale]).create_translations(instance)
    return type(instance).objects.get(translation_key=instance.translation_key, locale=locale)


@pytest.fixture
def stocznia(org_a):
    """Org A's partner: written in Polish, translated into Ukrainian by hand, not into
    English."""
    partner = make_partner(org_a, "Fundacja Stocznia", website="https://stocznia.org.pl/")
    translate_partner(partner, "uk", name="Фонд Стоцня")
    return partner


def test_partner_listed_once_with_its_languages(client, editor_a, stocznia):
    ukrainian = Partner.objects.get(
        translation_key=stocznia.translation_key, locale__language_code="uk"
    )

    rows = listing_rows(login(client, editor_a).get(listing_url(Partner)))

    assert rows == [
        {
            "pk": stocznia.pk,
            "title": "Fundacja Stocznia",
            "languages": {
                "pl": ("original", edit_url(stocznia)),
                "uk": ("up_to_date", edit_url(ukrainian)),
                "en": ("missing", request_url(stocznia, "en")),
            },
        }
    ]
    assert Partner.objects.filter(translation_key=stocznia.translation_key).count() == 2


def test_translation_in_progress_shows_what_is_left(
    client, editor_a, stocznia, django_capture_on_commit_callbacks
):
    english = submitted_for_translation(stocznia, "en", django_capture_on_commit_callbacks)
    profile = UserProfile.get_for_user(editor_a)
    profile.preferred_language = "en"
    profile.save()

    response = login(client, editor_a).get(listing_url(Partner))

    [row] = listing_rows(response)
    assert row["languages"]["en"] == ("in_progress", edit_url(english))
    translation = Translation.objects.get(source__object_id=stocznia.translation_key)
    segments = translation.source.stringsegment_set.count()
    assert segments >= 1
    assert f"{segments} of {segments} left" in response.content.decode()
    assert not StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=stocznia.translation_key
    ).exists()


def test_a_translation_with_every_segment_done_by_a_person_is_up_to_date(
    client, editor_a, stocznia, django_capture_on_commit_callbacks
):
    english = submitted_for_translation(stocznia, "en", django_capture_on_commit_callbacks)
    translation = Translation.objects.get(source__object_id=stocznia.translation_key)
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"{segment.string.data} (en)",
        )

    [row] = listing_rows(login(client, editor_a).get(listing_url(Partner)))

    assert row["languages"]["en"] == ("up_to_date", edit_url(english))


def test_requested_and_machine_translated_languages_say_so_as_on_the_status_board(
    client, org_a, editor_a, stocznia, django_capture_on_commit_callbacks
):
    """A request with a due date, nothing translated: "requested, due …". Machine output
    nobody reviewed counts as left, as when publishing; the board says the same."""
    due = datetime.date(2031, 5, 17)
    with django_capture_on_commit_callbacks(execute=True):
        record_requests(
            objects=[stocznia], locales=[Locale.objects.get(language_code="en")], user=editor_a
        )
        TranslationRequest.objects.update(due_date=due)
    english = submitted_for_translation(stocznia, "en", django_capture_on_commit_callbacks)
    centrum = make_partner(org_a, "Centrum Wielokulturowe", description="Miejsce spotkań.")
    machine = submitted_for_translation(centrum, "en", django_capture_on_commit_callbacks)
    translation = Translation.objects.get(
        source__object_id=centrum.translation_key, target_locale=machine.locale
    )
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=machine.locale,
            context=segment.context,
            data=f"[en] {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name="DeepL",
        )
    profile = UserProfile.get_for_user(editor_a)
    profile.preferred_language = "en"
    profile.save()

    response = login(client, editor_a).get(listing_url(Partner))

    rows = {row["pk"]: row["languages"] for row in listing_rows(response)}
    assert rows[stocznia.pk]["en"] == ("requested", edit_url(english))
    assert rows[centrum.pk]["en"] == ("in_progress", edit_url(machine))
    html = response.content.decode()
    with override("en"):
        assert f"due {date_format(due, 'SHORT_DATE_FORMAT')}" in html
    assert "2 of 2 left" in html
    assert "2 machine-translated, to review" in html
    board = {
        (row.pk, language): cell.state
        for row in status.board(org_a, pages=False)
        for language, cell in row.cells.items()
    }
    assert board[stocznia.pk, "en"] == "requested"
    assert board[centrum.pk, "en"] == "in_progress"
    assert {
        (pk, language): state
        for pk, languages in rows.items()
        for language, (state, _url) in languages.items()
        if state != "original"
    } == {key: state for key, state in board.items() if key[0] in rows}


def test_translator_gets_links_only_to_their_language(client, org_a, translator_a, stocznia):
    """A translator into Ukrainian edits the Ukrainian translation; the original and the
    English are only shown. Of a partner not yet in Ukrainian they may request it."""
    ukrainian = Partner.objects.get(
        translation_key=stocznia.translation_key, locale__language_code="uk"
    )
    untranslated = make_partner(org_a, "Centrum Wielokulturowe")

    rows = {
        row["pk"]: row
        for row in listing_rows(login(client, translator_a).get(listing_url(Partner)))
    }

    assert rows[stocznia.pk]["languages"] == {
        "pl": ("original", ""),
        "uk": ("up_to_date", edit_url(ukrainian)),
        "en": ("missing", ""),
    }
    assert rows[untranslated.pk]["languages"] == {
        "pl": ("original", ""),
        "uk": ("missing", request_url(untranslated, "uk")),
        "en": ("missing", ""),
    }
    assert Partner.objects.count() == 3


def test_another_organizations_partner_is_listed_without_links(client, org_b, editor_b, stocznia):
    """The directory is shared: org B's editor sees org A's partner, and may act on none
    of its languages. Org B publishes in Polish and Ukrainian only: its partner shows those."""
    own = make_partner(org_b, "Gmina Miasta Toruń")

    rows = {
        row["pk"]: row for row in listing_rows(login(client, editor_b).get(listing_url(Partner)))
    }

    assert rows[stocznia.pk]["languages"] == {
        "pl": ("original", ""),
        "uk": ("up_to_date", ""),
        "en": ("missing", ""),
    }
    assert rows[own.pk]["languages"] == {
        "pl": ("original", edit_url(own)),
        "uk": ("missing", request_url(own, "uk")),
    }


@pytest.mark.usefixtures("search_index")
def test_search_finds_an_item_by_its_translated_name(client, editor_a, org_a, stocznia):
    make_partner(org_a, "Centrum Wielokulturowe")
    login(client, editor_a)

    by_translation = listing_rows(client.get(listing_url(Partner, "list_results"), {"q": "Стоцня"}))
    by_original = listing_rows(client.get(listing_url(Partner, "list_results"), {"q": "Stocznia"}))
    by_other = listing_rows(
        client.get(listing_url(Partner, "list_results"), {"q": "Wielokulturowe"})
    )

    assert [row["pk"] for row in by_translation] == [stocznia.pk]
    assert [row["pk"] for row in by_original] == [stocznia.pk]
    assert [row["title"] for row in by_other] == ["Centrum Wielokulturowe"]


def test_listing_is_ordered_by_name_either_way(client, editor_a, org_a, stocznia):
    make_partner(org_a, "Centrum Wielokulturowe")
    make_partner(org_a, "Zachęta")
    login(client, editor_a)

    ascending = listing_rows(client.get(listing_url(Partner)))
    descending = listing_rows(client.get(listing_url(Partner), {"ordering": "-name"}))

    names = ["Centrum Wielokulturowe", "Fundacja Stocznia", "Zachęta"]
    assert [row["title"] for row in ascending] == names
    assert [row["title"] for row in descending] == names[::-1]


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (FundingNotice, lambda org: make_notice(org, name="FAMI 2021–2027")),
        (NewsCategory, lambda org: make_category(org, "Zaproszenia", slug="zaproszenia")),
    ],
)
def test_funding_notices_and_news_categories_listed_once_with_their_languages(
    client, org_a, editor_a, model, make, django_capture_on_commit_callbacks
):
    item = make(org_a)
    ukrainian = submitted_for_translation(item, "uk", django_capture_on_commit_callbacks)
    english = submitted_for_translation(item, "en", django_capture_on_commit_callbacks)
    english_translation = Translation.objects.get(
        source__object_id=item.translation_key, target_locale__language_code="en"
    )
    for segment in english_translation.source.stringsegment_set.all():
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english.locale,
            context=segment.context,
            data="Translated",
        )

    rows = listing_rows(login(client, editor_a).get(listing_url(model)))

    assert [(row["pk"], row["languages"]) for row in rows] == [
        (
            item.pk,
            {
                "pl": ("original", edit_url(item)),
                "uk": ("in_progress", edit_url(ukrainian)),
                "en": ("up_to_date", edit_url(english)),
            },
        )
    ]
    assert model.objects.filter(translation_key=item.translation_key).count() == 3


def listing_queries(client, model):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(listing_url(model))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["editor_a", "translator_a"])
def test_a_listing_page_takes_the_same_queries_for_more_items_and_languages(
    client, request, org_a, django_capture_on_commit_callbacks, django_assert_num_queries, role
):
    login(client, request.getfixturevalue(role))
    first = make_partner(org_a, "Centrum Wielokulturowe")
    submitted_for_translation(first, "en", django_capture_on_commit_callbacks)
    client.get(listing_url(Partner))  # caches (content types, the user's permissions) filled
    one = listing_queries(client, Partner)

    for number in range(8):
        partner = make_partner(org_a, f"Partner {number}")
        translate_partner(partner, "uk", name=f"Партнер {number}")
        submitted_for_translation(partner, "en", django_capture_on_commit_callbacks)

    with django_assert_num_queries(one):
        response = client.get(listing_url(Partner))
    assert len(listing_rows(response)) == 9
    assert Partner.objects.count() == 26


def test_chooser_lists_each_language_saying_which(client, editor_a, stocznia):
    """Choosing a partner for a strip stays per language (wagtail-localize shows the
    version of the page's language); each row says its language, without a query each."""
    login(client, editor_a)
    url = reverse("wagtailsnippetchoosers_partners_partner:choose_results")
    client.get(url)
    with CaptureQueriesContext(connection) as two_rows:
        client.get(url)
    translate_partner(stocznia, "en")

    with CaptureQueriesContext(connection) as three_rows:
        html = client.get(url).content.decode()

    assert html.count("data-chooser-modal-choice") == 3
    assert html.count("w-status--label") == 3
    for language in ("Polski", "Українська", "English"):
        assert language in html
    assert len(three_rows) == len(two_rows)
    assert Partner.objects.filter(translation_key=stocznia.translation_key).count() == 3


def test_an_original_changed_in_the_admin_after_translation_is_out_of_date_since_then(
    client, org_a, editor_a, django_capture_on_commit_callbacks
):
    partner = make_partner(org_a, "Centrum Wielokulturowe", description="Miejsce spotkań.")
    english = submitted_for_translation(partner, "en", django_capture_on_commit_callbacks)
    translation = Translation.objects.get(source__object_id=partner.translation_key)
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english.locale,
            context=segment.context,
            data=f"{segment.string.data} (en)",
        )
    translation.save_target()
    login(client, editor_a)
    [row] = listing_rows(client.get(listing_url(Partner)))
    assert row["languages"]["en"][0] == "up_to_date"

    with django_capture_on_commit_callbacks(execute=True):
        edited = client.post(
            edit_url(partner),
            {"name": "Centrum Wielokulturowe", "website": "", "description": "Nowy opis."},
        )
    assert edited.status_code == 302
    partner.refresh_from_db()
    assert partner.description == "Nowy opis."

    profile = UserProfile.get_for_user(editor_a)
    profile.preferred_language = "en"
    profile.save()
    response = client.get(listing_url(Partner))
    [row] = listing_rows(response)
    assert row["languages"]["en"] == ("out_of_date", edit_url(english))
    [board_row] = [r for r in status.board(org_a, pages=False) if r.pk == partner.pk]
    assert board_row.cells["en"].state == "out_of_date"
    with override("en"):
        since = date_format(board_row.cells["en"].since, "SHORT_DATE_FORMAT")
    assert f"since {since}" in response.content.decode()
    # The translation keeps its text until the translator updates it.
    assert Partner.objects.get(pk=english.pk).description == "Miejsce spotkań. (en)"

"""The translation cycle as the people in it live it: an editor asks for a page with every
body block to be translated into Ukrainian; the Ukrainian translator finds it in their
queue, translates it in wagtail-localize's editor and publishes it (not before it is
complete); the editor changes a paragraph of the original and syncs the translations; the
translator updates that paragraph beside their earlier words and publishes again, and
visitors of /uk/ read the update with the rest of the translation as it was."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.translation import ngettext, override
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.languages import slug_for
from home.models import ContentPage
from organizations.provisioning import translate_and_publish
from pages.blocks import BodyBlock
from tests.browser.helpers import (
    fill_date,
    in_language,
    in_polish,
    in_translation_editor,
    log_in,
)
from tests.events.helpers import add_event, event_index, in_days
from tests.home.helpers import make_document, make_notice
from tests.partners.helpers import make_partner, strip
from tests.translations.helpers import in_admin_language
from tests.utils import add_content_page, make_image, make_staff, unmarked_polish
from translations.changes import changes_of
from translations.models import TranslationRequest

# From the Konsorcjum Migracyjne's report on its third forum (/work/shared/seeds/).
TITLE = "Za nami III Forum Współpracy i Integracji"
CHANGED = "Dzień zakończyliśmy rozmową o polityce migracyjnej."
ADDED = " Panel poprowadzili prof. Witold Klaus i dr Magdalena Nazimek-Rakoczy."
NOTE = "Prosimy o prosty język: tekst czytają osoby, które dopiero uczą się polskiego."
LINK = "https://konsorcjum.org.pl/postulaty/"

# Every text the translator meets, as wagtail-localize shows it (a link in rich text as
# <a id="a1">), with what they type. The last is left for the end (the refused publish).
UKRAINIAN = {
    TITLE: "Позаду III Форум співпраці та інтеграції",
    "Solidarność, godność, empatia… to tylko niektóre z wartości organizacji na forum.": (
        "Солідарність, гідність, емпатія… це лише деякі з цінностей організацій на форумі."
    ),
    "Pierwszy dzień: wartości i rzecznictwo": "Перший день: цінності та адвокація",
    "pierwszy-dzien": "pershyi-den",
    "Kierując się tymi wartościami, dążymy do bezpiecznych warunków do życia.": (
        "Керуючись цими цінностями, ми прагнемо безпечних умов життя."
    ),
    CHANGED: "День ми завершили розмовою про міграційну політику.",
    'Zachęcamy do zapoznania się z <a id="a1">postulatami do polityków</a>.': (
        'Запрошуємо ознайомитися з <a id="a1">вимогами до політиків</a>.'
    ),
    "Nic co nas dotyczy, nie może się zadziać bez nas.": "Нічого про нас без нас.",
    "Monika Matus": "Моніка Матус",
    "Lekarze bez Granic": "Лікарі без кордонів",
    "UWAGA!": "УВАГА!",
    "Ograniczona liczba miejsc. Obowiązuje rejestracja.": (
        "Кількість місць обмежена. Потрібна реєстрація."
    ),
    "Uczestniczki i uczestnicy forum przy stołach podczas warsztatu": (
        "Учасниці та учасники форуму за столами під час майстерні"
    ),
    "Warsztat rzeczniczy": "Майстерня з адвокації",
    "Piotr Rojewski": "Пьотр Роєвський",
    "Relacja wideo z forum": "Відеорепортаж з форуму",
    "Warszawa, grudzień 2023": "Варшава, грудень 2023",
    "Do pobrania": "Для завантаження",
    "Postulaty do polityków i polityczek": "Вимоги до політиків і політикинь",
    "Naszymi gośćmi byli": "Нашими гостями були",
    "Joanna Sosnowska": "Йоанна Сосновська",
    "Kierowniczka zespołu": "Керівниця команди",
    "Urząd m. st. Warszawy": "Міська рада Варшави",
    "Anna Dąbrowska": "Анна Домбровська",
    "Koordynatorka forum": "Координаторка форуму",
    "+48 22 123 45 67": "+48 22 123 45 67",
    "Kolejne spotkanie": "Наступна зустріч",
    "Zapisz się na kolejne spotkanie": "Зареєструйтеся на наступну зустріч",
    "Przeczytaj postulaty": "Прочитайте вимоги",
}
LEFT_FOR_LAST = "Przeczytaj postulaty"
ANCHOR = "pierwszy-dzien"
ALT_TEXT = "Uczestniczki i uczestnicy forum przy stołach podczas warsztatu"
UPDATED = "День ми завершили розмовою про міграційну політику. Панель вели проф. Вітольд Клаус і д-р Магдалена Назімек-Ракочи."
EVENT = {"Porozmawiajmy o integracji": {"uk": "Поговорімо про інтеграцію"}}
PARTNER = {"Fundacja Stocznia": {"uk": "Фундація «Стоцня»"}}
NOTICE = {
    "FAMI": {"uk": "FAMI"},
    "Projekt współfinansowany ze środków Unii Europejskiej.": {
        "uk": "Проєкт співфінансується Європейським Союзом."
    },
    "Dofinansowane przez Unię Europejską": {"uk": "Співфінансується Європейським Союзом"},
}


def ukrainian():
    return Locale.objects.get(language_code="uk")


def body(library):
    """One block of each type of the body, in the order of BodyBlock."""
    return [
        (
            "heading",
            {
                "text": "Pierwszy dzień: wartości i rzecznictwo",
                "level": "h2",
                "anchor": "pierwszy-dzien",
            },
        ),
        (
            "rich_text",
            "<p>Kierując się tymi wartościami, dążymy do bezpiecznych warunków do życia.</p>"
            f"<p>{CHANGED}</p>"
            f'<p>Zachęcamy do zapoznania się z <a href="{LINK}">postulatami do polityków</a>.</p>',
        ),
        (
            "quote",
            {
                "text": "Nic co nas dotyczy, nie może się zadziać bez nas.",
                "attribution": "Monika Matus",
                "role": "Lekarze bez Granic",
            },
        ),
        (
            "notice",
            {
                "title": "UWAGA!",
                "body": "<p>Ograniczona liczba miejsc. Obowiązuje rejestracja.</p>",
                "level": "warning",
            },
        ),
        (
            "image",
            {
                "image": library["image"],
                "alt_text": "Uczestniczki i uczestnicy forum przy stołach podczas warsztatu",
                "decorative": False,
                "caption": "Warsztat rzeczniczy",
                "credit": "Piotr Rojewski",
            },
        ),
        (
            "embed",
            {
                "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                "title": "Relacja wideo z forum",
                "caption": "Warszawa, grudzień 2023",
            },
        ),
        (
            "documents",
            {
                "heading": "Do pobrania",
                "documents": [
                    {
                        "document": library["document"],
                        "title": "Postulaty do polityków i polityczek",
                    }
                ],
            },
        ),
        (
            "people",
            {
                "heading": "Naszymi gośćmi byli",
                "people": [
                    {
                        "name": "Joanna Sosnowska",
                        "role": "Kierowniczka zespołu",
                        "organization": "Urząd m. st. Warszawy",
                    }
                ],
            },
        ),
        (
            "contact",
            {
                "name": "Anna Dąbrowska",
                "role": "Koordynatorka forum",
                "email": "forum@alfa.example.org",
                "phone": "+48 22 123 45 67",
            },
        ),
        (
            "call_to_action",
            {"text": LEFT_FOR_LAST, "page": None, "external_url": LINK, "style": "primary"},
        ),
        ("event_info_box", {"event": library["event"], "heading": "Kolejne spotkanie"}),
        (
            "registration_form",
            {"event": library["event"], "heading": "Zapisz się na kolejne spotkanie"},
        ),
        ("partner_strip", strip(library["partner"])),
        ("funding_notice", {"notice": library["notice"]}),
    ]


@pytest.fixture
def original(org_a):
    """The Polish page, published, with an event, a partner and a funding notice that the
    translators have translated before."""
    uk = ukrainian()
    event = add_event(
        event_index(org_a),
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        format="online",
        registration_mode="form",
        capacity=40,
    )
    partner = make_partner(org_a, "Fundacja Stocznia")
    notice = make_notice(org_a)
    for instance, texts in ((event, EVENT), (partner, PARTNER), (notice, NOTICE)):
        translate_and_publish(instance, [uk], texts=texts)
    library = {
        "event": event,
        "partner": partner,
        "notice": notice,
        "image": make_image(org_a, "Warsztat rzeczniczy"),
        "document": make_document(org_a, "Postulaty"),
    }
    return add_content_page(
        org_a,
        TITLE,
        slug="iii-forum",
        intro="Solidarność, godność, empatia… to tylko niektóre z wartości organizacji na forum.",
        body=body(library),
    )


@pytest.fixture
def translator(org_a):
    """The organization's translator into Ukrainian, whose admin is in Ukrainian."""
    return in_admin_language(make_staff(org_a, "translators", language="uk"), "uk")


def header_action(page, label):
    """An action of the page header's "…" menu."""
    page.locator("#w-slim-header-buttons").locator("button.w-dropdown__toggle").click()
    return page.get_by_role("link", name=label)


def segment(editor, source):
    """One text of the original in wagtail-localize's translation editor."""
    return editor.locator("li.incomplete, li.complete, li.errored").filter(
        has=editor.get_by_text(source, exact=True)
    )


def translate(editor, source, text):
    """Click the text's Translate, type the translation, save with Enter."""
    found = segment(editor, source)
    found.get_by_role("button", name=in_translation_editor("uk", "Translate"), exact=True).click()
    field = found.locator("textarea")
    field.fill(text)
    field.press("Enter")
    expect(found).to_have_class("complete")
    expect(found).to_contain_text(text)


def publish_translation(editor):
    label = in_translation_editor("uk", "Publish in ") + "Українська"
    editor.locator("footer").get_by_role("button", name=label).click()


def assert_reads_ukrainian(visitor, updated=None):
    """Every text of the page in the translator's words (`updated` the ones changed
    since), and nothing in Polish that is not marked as Polish."""
    texts = {**UKRAINIAN, **(updated or {})}
    main = visitor.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(texts[TITLE])
    expect(main.locator(f"#{texts[ANCHOR]}")).to_have_text(
        texts["Pierwszy dzień: wartości i rzecznictwo"]
    )
    expect(main.get_by_role("img", name=texts[ALT_TEXT])).to_be_visible()
    expect(main.get_by_role("link", name="вимогами до політиків")).to_have_attribute("href", LINK)
    shown = main.inner_text()
    for source, text in texts.items():
        if source not in (ANCHOR, ALT_TEXT):
            assert re.sub(r"<[^>]+>", "", text) in shown, source
    assert unmarked_polish(visitor.content()) == []
    assert 'lang="pl"' not in main.inner_html()


@pytest.mark.long
def test_a_page_with_every_block_is_requested_translated_published_and_updated(
    page, new_page, site_url, org_a, editor_a, translator, original, third_party_requests
):
    assert [block.block_type for block in original.body] == list(BodyBlock().child_blocks)
    uk = ukrainian()
    due = timezone.localdate() + datetime.timedelta(days=7)

    # 1. The translating (Polish admin) asks for a Ukrainian translation, with a note and a due date.
    log_in(page, site_url(org_a, "/admin/login/"), editor_a)
    page.goto(site_url(org_a, f"/admin/pages/{original.pk}/edit/"))
    header_action(page, in_polish("Translate this page")).click()
    page.get_by_label("Українська").check()
    page.get_by_label(in_polish("Note for the translators")).fill(NOTE)
    due_date = page.get_by_label(in_polish("Due date"))
    fill_date(due_date, due.isoformat())
    page.locator("form").get_by_role("button", name=in_polish("Submit")).click()
    expect(page.locator(".messages .success")).to_contain_text(TITLE)

    request = TranslationRequest.objects.get(translation_key=original.translation_key)
    assert (request.target_locale, request.note, request.due_date) == (uk, NOTE, due)
    assert (request.requested_by, request.completed_at) == (editor_a, None)
    target = ContentPage.objects.get(translation_key=original.translation_key, locale=uk)
    assert not target.live  # a draft for the translator: nothing shown to visitors yet
    translation = Translation.objects.get(
        source__object_id=original.translation_key, target_locale=uk
    )
    total, done = translation.get_progress()
    sources = set(
        StringSegment.objects.filter(source=translation.source)
        .exclude(context__path="slug")
        .values_list("string__data", flat=True)
    )
    assert sources == set(UKRAINIAN)
    assert (total, done) == (len(UKRAINIAN) + 1, 0)  # and the slug, given from the title

    # 2. The translator finds it in their queue, with how much is left.
    translating = new_page()
    log_in(translating, site_url(org_a, "/admin/login/"), translator)
    sidebar = translating.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name=in_language("uk", "Translations")).click()
    sidebar.get_by_role("link", name=in_language("uk", "To translate")).click()
    row = translating.locator("table.listing tbody tr").filter(has_text=TITLE)
    # The queue counts what visitors read: the slug, made from the title, is not counted.
    counted = len(UKRAINIAN)
    with override("uk"):
        left = ngettext(
            "%(left)s of %(total)s segment left", "%(left)s of %(total)s segments left", counted
        ) % {"left": counted, "total": counted}
    expect(row).to_contain_text(left)
    expect(row).to_contain_text(NOTE)
    row.get_by_role("link", name=TITLE).click()
    expect(translating).to_have_url(site_url(org_a, f"/admin/pages/{target.pk}/edit/"))

    # 3. Everything but one text translated, publishing is refused with what is missing.
    for source, text in UKRAINIAN.items():
        if source != LEFT_FOR_LAST:
            translate(translating, source, text)
    publish_translation(translating)
    refusal = translating.locator(".messages .error")
    with override("uk"):
        refused = ngettext(
            "Not published: %(count)s part is not yet translated. Translate it, then "
            "publish again.",
            "Not published: %(count)s parts are not yet translated. Translate them, then "
            "publish again.",
            1,
        ) % {"count": 1}
    expect(refusal).to_contain_text(refused)
    expect(refusal.locator("li")).to_have_text([re.compile(rf"“{LEFT_FOR_LAST}”$")])
    target.refresh_from_db()
    assert not target.live
    assert target.live_revision is None
    visitor = new_page()
    visitor.goto(site_url(org_a, "/uk/iii-forum/"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)  # the Polish original
    expect(visitor.locator("main")).not_to_contain_text(UKRAINIAN[TITLE])
    assert TranslationRequest.objects.get(pk=request.pk).completed_at is None

    # The last one, and it is published.
    translate(translating, LEFT_FOR_LAST, UKRAINIAN[LEFT_FOR_LAST])
    publish_translation(translating)
    expect(translating.locator(".messages .error")).to_have_count(0)
    target.refresh_from_db()
    assert target.live
    assert not target.has_unpublished_changes
    assert TranslationRequest.objects.get(pk=request.pk).completed_at is not None

    assert target.slug == slug_for(UKRAINIAN[TITLE], "uk")
    visitor.goto(site_url(org_a, target.get_url_parts()[2]))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(UKRAINIAN[TITLE])
    assert_reads_ukrainian(visitor)

    translating.goto(site_url(org_a, "/admin/translations/queue/"))
    expect(translating.locator("table.listing")).to_have_count(0)
    expect(translating.locator("main")).to_contain_text(
        in_language("uk", "Nothing waits to be translated.")
    )

    # 4. The translating adds a sentence to one paragraph of the original, publishes, and syncs.
    page.goto(site_url(org_a, f"/admin/pages/{original.pk}/edit/"))
    paragraph = page.locator("#body-root [contenteditable='true']").get_by_text(CHANGED, exact=True)
    paragraph.click()
    page.keyboard.press("End")
    page.keyboard.type(ADDED)
    # All that was typed, once Draftail has written it into the form (debounced).
    expect(page.locator('input[name="body-1-value"]')).to_have_value(
        re.compile(re.escape(ADDED.strip()))
    )
    footer = page.locator("footer")
    footer.get_by_role("button", name=in_polish("More actions")).click()
    footer.get_by_role("button", name=in_polish("Publish")).click()
    expect(page.locator(".messages .success")).to_be_visible()
    original.refresh_from_db()
    assert CHANGED + ADDED in str(original.body)

    page.goto(site_url(org_a, f"/admin/pages/{original.pk}/edit/"))
    header_action(page, in_polish("Sync translated pages")).click()
    page.locator("form").get_by_role("button", name=in_polish("Submit")).click()
    expect(page.locator(".messages .success")).to_be_visible()
    assert [change.new_source for change in changes_of(translation)] == [CHANGED + ADDED]
    target.refresh_from_db()
    assert UKRAINIAN[CHANGED] in str(target.body)  # visitors still read the earlier words

    # The translator sees what changed, beside their earlier words, and updates them.
    translating.goto(site_url(org_a, f"/admin/pages/{target.pk}/edit/"))
    translating.locator(".messages .warning").get_by_role(
        "link", name=in_language("uk", "Changed in the original")
    ).click()
    change = translating.locator("fieldset")
    expect(change).to_have_count(1)
    expect(change.locator("del")).to_have_text(CHANGED)
    expect(change.locator("ins")).to_have_text(CHANGED + ADDED)
    words = change.get_by_label(in_language("uk", "Translation"))
    expect(words).to_have_value(UKRAINIAN[CHANGED])
    words.fill(UPDATED)
    translating.get_by_role(
        "button", name=in_language("uk", "Save the updated translation")
    ).click()
    expect(translating).to_have_url(site_url(org_a, f"/admin/pages/{target.pk}/edit/"))
    publish_translation(translating)
    expect(translating.locator(".messages .error")).to_have_count(0)

    target.refresh_from_db()
    assert target.live
    assert not target.has_unpublished_changes
    assert changes_of(translation) == []
    assert StringTranslation.objects.get(data=UPDATED).last_translated_by == translator
    visitor.goto(site_url(org_a, target.get_url_parts()[2]))
    assert_reads_ukrainian(visitor, {CHANGED: UPDATED})
    assert third_party_requests == []

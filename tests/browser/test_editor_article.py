"""An editor writes a news article from every body block in the Wagtail admin and
publishes it; a visitor then reads it on the organization's site."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.models import Locale

from news.models import ArticlePage
from organizations.models import FundingNotice
from pages.blocks import BodyBlock
from partners.blocks import Role
from tests.browser.helpers import fill_date, in_polish, log_in
from tests.events.helpers import add_event, event_index, in_days
from tests.news.helpers import make_category, news_index
from tests.partners.helpers import make_logo, make_partner
from tests.utils import make_image

Document = get_document_model()

TITLE = "III Forum Współpracy i Integracji za nami"
DATE = datetime.date(2024, 3, 21)
LEAD = "Ponad sto osób z instytucji, organizacji i społeczności migranckich rozmawiało w Toruniu."
LINK_TEXT = "Urzędu do Spraw Cudzoziemców"
LINK_URL = "https://www.gov.pl/web/udsc"
QUOTE = "Fora migracyjne zachęcają instytucje do otwartej polityki migracyjnej."
NOTICE = "Ograniczona liczba miejsc. Obowiązuje rejestracja."
ALT_TEXT = "Uczestniczki i uczestnicy forum przy stołach podczas warsztatu"
VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
VIDEO_TITLE = "Relacja wideo z forum"
PEOPLE = [
    ("Joanna Sosnowska", "Kierowniczka zespołu", "Urząd m. st. Warszawy"),
    ("Piotr Choroś", "Dyrektor", "Urząd Miasta Lublin"),
]
CTA_URL = "https://konsorcjum.org.pl/postulaty/"
REGISTRATION_HEADING = "Zapisz się na kolejne spotkanie"
DISCLAIMER = (
    "Projekt współfinansowany ze środków Unii Europejskiej w ramach Funduszu Azylu, "
    "Migracji i Integracji."
)


def field_label(model, name):
    """A page field's label in the Polish admin (required fields end with '*')."""
    label = capfirst(in_polish(model._meta.get_field(name).verbose_name))
    return re.compile(rf"^{re.escape(label)}\*?$")


@pytest.fixture
def library(org_a):
    """What the organization has before the editor starts writing: a photo, a programme
    to download, a news category, a partner, a funding notice and an event."""
    return {
        "image": make_image(org_a, "Warsztaty na forum"),
        "document": Document.objects.create(
            title="Program forum",
            file=ContentFile(b"%PDF-1.4\n" + b"0" * 1500, name="program-forum.pdf"),
            collection=org_a.collection,
        ),
        "category": make_category(org_a, "Relacje"),
        "partner": make_partner(
            org_a,
            "Fundacja Stocznia",
            logo=make_logo(org_a, "Logo Fundacji Stocznia"),
            website="https://stocznia.org.pl/",
        ),
        "notice": FundingNotice.objects.create(
            site=org_a.site,
            locale=Locale.objects.get(language_code="pl"),
            name="FAMI 2021–2027",
            disclaimer=f"<p>{DISCLAIMER}</p>",
            logos=[("logo", {"image": None, "alt_text": "Dofinansowane przez Unię Europejską"})],
        ),
        "event": add_event(
            event_index(org_a),
            "Porozmawiajmy o integracji",
            in_days(10, 9, 30),
            in_days(10, 15, 30),
            venue_name="kawiarnia społeczna PERS",
            street_address="ul. Mostowa 6",
            city="Toruń",
            registration_mode="form",
            capacity=40,
        ),
    }


def slid_open(block):
    """The block, once it has slid open: while it grows (an inline height and hidden
    overflow), its fields move under the pointer."""
    expect(block).not_to_have_attribute("style", re.compile(r"height"))
    return block


def choose(field, title):
    """Open the field's chooser and pick `title` in the modal."""
    page = field.page
    field.locator("[data-chooser-action-choose]").filter(visible=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.locator("[data-chooser-modal-choice], a.choose-page").filter(has_text=title).click()
    # The modal fades out; the next click must not land on its backdrop.
    expect(page.locator(".modal, .modal-backdrop")).to_have_count(0)
    expect(field.locator("[data-chooser-title]").first).to_have_text(title)


class BlockForm:
    """One block's form in the editor, its fields found by the labels the editor reads."""

    def __init__(self, locator, block):
        self.locator = locator
        self.block = block

    def child(self, name):
        return self.locator.locator(f'[data-contentpath="{name}"]').first

    def field(self, name):
        label = in_polish(self.block.child_blocks[name].label)
        return self.child(name).get_by_label(re.compile(rf"^{re.escape(label)}\*?$"))

    def fill(self, **values):
        for name, value in values.items():
            self.field(name).fill(value)

    def select(self, name, value):
        """Pick the option for `value` by the label the editor sees."""
        choices = dict(self.block.child_blocks[name].field.choices)
        self.field(name).select_option(label=in_polish(choices[value]))

    def type_rich_text(self, text, name=None):
        editor = (self.child(name) if name else self.locator).get_by_role("textbox")
        editor.click()
        editor.press_sequentially(text)
        return editor

    def choose(self, name, title):
        choose(self.child(name), title)

    def items(self, name, count):
        """The forms of a list's items, after adding items up to `count`."""
        list_field = self.child(name)
        items = list_field.locator("[data-streamfield-child]")
        while items.count() < count:
            list_field.locator("button[data-streamfield-list-add]").last.click()
        expect(items).to_have_count(count)
        item_block = self.block.child_blocks[name].child_block
        return [BlockForm(slid_open(items.nth(i)), item_block) for i in range(count)]


def insert_block(body, name, search):
    """Add a block at the end of the body with the block picker ("+"): typed into its
    search box, or found under its group's heading."""
    block = BodyBlock().child_blocks[name]
    label, group = in_polish(block.label), in_polish(block.meta.group)
    blocks = body.locator(":scope > [data-streamfield-stream-container] > [data-streamfield-child]")
    count = blocks.count()
    add = body.locator("button.c-sf-add-button:not([data-streamfield-list-add])").last
    add.click()
    picker = add.locator("xpath=..")
    if search:
        picker.get_by_role("combobox").fill(label)
        options = picker
    else:
        options = picker.locator(".w-combobox__optgroup").filter(
            has=body.page.locator(
                ".w-combobox__optgroup-label", has_text=re.compile(rf"^{re.escape(group)}$")
            )
        )
    options.get_by_role("option", name=label, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    return BlockForm(slid_open(blocks.nth(count)), block)


def write_heading(form, library):
    form.fill(text="Program spotkania", anchor="program")
    form.select("level", "h2")


def write_rich_text(form, library):
    form.type_rich_text("Porady prawne znajdziesz na stronie ")
    editor = form.type_rich_text(LINK_TEXT)
    for _ in LINK_TEXT:
        editor.press("Shift+ArrowLeft")
    editor.press("Control+k")
    dialog = form.locator.page.get_by_role("dialog")
    dialog.get_by_role("link", name=in_polish("External link")).click()
    dialog.get_by_label("URL").fill(LINK_URL)
    dialog.get_by_role("button", name=in_polish("Insert link")).click()
    expect(form.locator.page.locator(".modal, .modal-backdrop")).to_have_count(0)
    expect(editor.locator(f'a[href="{LINK_URL}"]')).to_have_text(LINK_TEXT)


def write_quote(form, library):
    form.fill(text=QUOTE, attribution="Witek Hebanowski", role="Fundacja Inna Przestrzeń")


def write_notice(form, library):
    form.fill(title="UWAGA!")
    form.type_rich_text(NOTICE, name="body")
    form.select("level", "warning")


def write_image(form, library):
    form.choose("image", library["image"].title)
    form.fill(
        alt_text=ALT_TEXT, caption="Warsztaty w kawiarni społecznej PERS", credit="Piotr Rojewski"
    )


def write_embed(form, library):
    form.fill(url=VIDEO_URL, title=VIDEO_TITLE, caption="Toruń, 21 marca 2024")


def write_documents(form, library):
    form.fill(heading="Do pobrania")
    (document,) = form.items("documents", 1)
    document.choose("document", library["document"].title)


def write_people(form, library):
    form.fill(heading="Naszymi gośćmi byli")
    for person, (name, role, organization) in zip(form.items("people", 2), PEOPLE, strict=True):
        person.fill(name=name, role=role, organization=organization)


def write_contact(form, library):
    form.fill(
        name="Jolanta Steciuk",
        role="Koordynatorka forum",
        email="forum@alfa.example.org",
        phone="+48 56 622 10 00",
    )


def write_call_to_action(form, library):
    form.fill(text="Przeczytaj postulaty", external_url=CTA_URL)
    form.select("style", "primary")


def write_event_info_box(form, library):
    form.choose("event", library["event"].title)


def write_registration_form(form, library):
    form.choose("event", library["event"].title)
    form.fill(heading=REGISTRATION_HEADING)


def write_partner_strip(form, library):
    form.select("role", Role.PARTNERS)
    (partner,) = form.items("partners", 1)
    choose(partner.locator, library["partner"].name)


def write_funding_notice(form, library):
    form.choose("notice", library["notice"].name)


# What the editor puts in each block of the body, in the order of BodyBlock.
STEPS = {
    "heading": write_heading,
    "rich_text": write_rich_text,
    "quote": write_quote,
    "notice": write_notice,
    "image": write_image,
    "embed": write_embed,
    "documents": write_documents,
    "people": write_people,
    "contact": write_contact,
    "call_to_action": write_call_to_action,
    "event_info_box": write_event_info_box,
    "registration_form": write_registration_form,
    "partner_strip": write_partner_strip,
    "funding_notice": write_funding_notice,
}


def test_the_editor_test_writes_every_block_of_the_body():
    assert list(STEPS) == list(BodyBlock().child_blocks), (
        "every block of BodyBlock needs a step in STEPS, in the same order"
    )


@pytest.mark.long
def test_editor_publishes_an_article_with_every_block_and_a_visitor_reads_it(
    page, new_page, site_url, org_a, editor_a, library, axe, third_party_requests
):
    index = news_index(org_a)
    log_in(page, site_url(org_a, "/admin/login/"), editor_a)

    # From the news in the explorer to a new article (the only page type allowed there).
    page.goto(site_url(org_a, f"/admin/pages/{index.pk}/"))
    page.get_by_role("link", name=in_polish("Add child page")).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/news/articlepage/{index.pk}/$"))

    page.locator('input[name="title"]').fill(TITLE)
    date = page.get_by_role("textbox", name=field_label(ArticlePage, "date"))
    fill_date(date, DATE.isoformat())
    choose(page.locator('[data-contentpath="category"]'), library["category"].name)
    page.get_by_role("textbox", name=field_label(ArticlePage, "intro")).fill(LEAD)

    # Every block of the body, one after another; the picker is browsed by its groups for
    # every other block and searched for the rest.
    body = page.locator("#body-root")
    for position, (name, write) in enumerate(STEPS.items()):
        write(insert_block(body, name, search=position % 2 == 1), library)

    footer = page.locator("footer")
    footer.get_by_role("button", name=in_polish("More actions")).click()
    footer.get_by_role("button", name=in_polish("Publish")).click()
    expect(page).to_have_url(site_url(org_a, f"/admin/pages/{index.pk}/"))

    article = ArticlePage.objects.get(title=TITLE)
    assert article.live
    assert not article.has_unpublished_changes
    assert article.get_parent().pk == index.pk
    assert article.owner == editor_a
    assert (article.date, article.intro, article.category) == (DATE, LEAD, library["category"])
    assert [child.block_type for child in article.body] == list(STEPS)
    value = {child.block_type: child.value for child in article.body}
    assert value["heading"]["anchor"] == "program"
    assert f'href="{LINK_URL}"' in value["rich_text"].source
    assert value["notice"]["level"] == "warning"
    assert value["image"]["image"] == library["image"]
    assert value["embed"]["url"] == VIDEO_URL
    assert value["documents"]["documents"][0]["document"] == library["document"]
    assert [person["name"] for person in value["people"]["people"]] == [p[0] for p in PEOPLE]
    assert value["call_to_action"]["external_url"] == CTA_URL
    assert value["event_info_box"]["event"].pk == library["event"].pk
    assert value["registration_form"]["event"].pk == library["event"].pk
    assert list(value["partner_strip"]["partners"]) == [library["partner"]]
    assert value["funding_notice"]["notice"] == library["notice"]

    # A visitor, not logged in, reads the article on the organization's site.
    visitor = new_page()
    visitor.goto(site_url(org_a, article.get_url_parts()[2]))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".lead")).to_have_text(LEAD)
    content = visitor.locator(".article-body")
    expect(content.locator(":scope > div")).to_have_class(
        [re.compile(rf"\bblock-{name}\b") for name in STEPS]
    )

    expect(content.get_by_role("heading", name="Program spotkania", level=2)).to_have_attribute(
        "id", "program"
    )
    expect(content.get_by_role("link", name=LINK_TEXT)).to_have_attribute("href", LINK_URL)

    quote = content.locator("figure.quote")
    expect(quote.locator("blockquote")).to_have_text(QUOTE)
    expect(quote.locator("figcaption")).to_have_text("Witek Hebanowski, Fundacja Inna Przestrzeń")

    notice = content.get_by_role("note")
    expect(notice).to_have_class(re.compile(r"\bnotice-warning\b"))
    expect(notice).to_contain_text("UWAGA!")
    expect(notice).to_contain_text(NOTICE)

    photo = content.locator("figure.image-figure")
    expect(photo.get_by_role("img")).to_have_attribute("alt", ALT_TEXT)
    expect(photo.locator("figcaption")).to_have_text(
        "Warsztaty w kawiarni społecznej PERS "
        + in_polish("Photo: %(credit)s") % {"credit": "Piotr Rojewski"}
    )

    video = content.locator("figure.video")
    load_video = in_polish("Load video from %(provider)s") % {"provider": "YouTube"}
    load_button = video.get_by_role(
        "button", name=re.compile(rf"^{re.escape(load_video)}\s*: {re.escape(VIDEO_TITLE)}$")
    )
    expect(load_button).to_be_visible()
    expect(visitor.locator("iframe")).to_have_count(0)

    document = library["document"]
    with translation.override("pl"):
        size = filesizeformat(document.get_file_size())
    expect(content.get_by_role("link", name=f"Program forum (PDF, {size})")).to_have_attribute(
        "href", document.url
    )

    expect(content.locator(".people-list li")).to_have_text([", ".join(p) for p in PEOPLE])

    contact = content.locator("address.contact-card")
    expect(contact).to_contain_text("Jolanta Steciuk")
    expect(contact.get_by_role("link", name="forum@alfa.example.org")).to_have_attribute(
        "href", "mailto:forum@alfa.example.org"
    )
    expect(contact.get_by_role("link", name="+48 56 622 10 00")).to_have_attribute(
        "href", "tel:+48566221000"
    )

    expect(content.get_by_role("link", name="Przeczytaj postulaty")).to_have_attribute(
        "href", CTA_URL
    )

    event = library["event"]
    event_box = content.locator("section.event-info")
    expect(event_box.get_by_role("link", name=event.title)).to_have_attribute(
        "href", event.get_url_parts()[2]
    )
    expect(event_box).to_contain_text("kawiarnia społeczna PERS")

    registration = content.locator("section.registration")
    expect(registration.get_by_role("heading", level=2)).to_have_text(REGISTRATION_HEADING)
    expect(registration.get_by_role("link", name=event.title)).to_be_visible()
    expect(registration.get_by_role("button", name=in_polish("Register"))).to_be_visible()

    strip = content.locator("section.partner-strip")
    expect(strip.get_by_role("heading", level=2)).to_have_text(in_polish(Role.PARTNERS.label))
    expect(strip.get_by_role("link", name="Fundacja Stocznia")).to_have_attribute(
        "href", "https://stocznia.org.pl/"
    )
    expect(strip.get_by_role("img", name="Fundacja Stocznia")).to_be_attached()

    expect(content.locator("aside.funding-notice")).to_contain_text(DISCLAIMER)

    assert axe(visitor) == []
    assert third_party_requests == []

"""The body blocks: what visitors see from each, what editors may not save, and how
another organization's images and documents are kept out of a page's body."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import rich_text

from core.blocks import (
    CallToActionBlock,
    ContactBlock,
    EmbedBlock,
    ImageBlock,
    NoticeBlock,
    PeopleBlock,
    QuoteBlock,
)
from core.video import parse_video_url
from organizations.forms import NOT_OWN_MEDIA, NOT_OWN_PAGE, blocks_with_foreign_media
from pages.blocks import BodyBlock
from partners.blocks import Role
from tests.events.helpers import add_event, event_index, in_days
from tests.home.helpers import Markup, body_errors, edit, page_state
from tests.partners.helpers import make_partner, strip
from tests.utils import add_content_page

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()
BODY = BodyBlock()
PROVIDER_HOSTS = ("youtube", "youtu.be", "vimeo")


@pytest.fixture(autouse=True)
def polish():
    with translation.override("pl"):
        yield


def make_image(org, title="Forum", size=(640, 480)):
    return Image.objects.create(
        title=title,
        file=get_test_image_file(filename=f"{org.slug}.png", size=size),
        collection=org.collection,
    )


def make_document(org, title="Program", content=b"%PDF-1.4 program", name="program.pdf"):
    return Document.objects.create(
        title=title, file=ContentFile(content, name=name), collection=org.collection
    )


def render(block_name, value, context=None):
    block = BODY.child_blocks[block_name]
    return str(block.render(block.normalize(value), context=context))


def clean(block_name, value):
    block = BODY.child_blocks[block_name]
    return block.clean(block.normalize(value))


def error_messages(excinfo):
    """Each child block's error messages, as the editor sees them beside the fields."""
    return {
        name: [str(message) for message in error.messages]
        for name, error in excinfo.value.block_errors.items()
    }


def provider_urls(html):
    return [
        (tag, name, value)
        for tag, name, value in Markup(html).urls()
        if any(host in (urlsplit(value).hostname or "") for host in PROVIDER_HOSTS)
    ]


# --- Every block from its preview value ----------------------------------------------


@pytest.mark.parametrize("name", list(BODY.child_blocks))
def test_every_block_renders_from_its_preview_value(name):
    block = BODY.child_blocks[name]

    html = str(block.render(block.get_preview_value()))

    assert block.is_previewable
    assert block.get_description()
    assert html.strip()
    assert Markup(html).problems == []


@pytest.mark.parametrize("name", list(BODY.child_blocks))
def test_every_block_is_in_a_picker_group(name):
    from core.blocks import CALLS_TO_ACTION, MEDIA, PARTNERS_AND_FUNDING, PEOPLE_AND_CONTACT, TEXT

    groups = {TEXT, MEDIA, PEOPLE_AND_CONTACT, CALLS_TO_ACTION, PARTNERS_AND_FUNDING}
    assert BODY.child_blocks[name].meta.group in groups


def struct_blocks(block):
    if isinstance(block, blocks.StructBlock):
        yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from struct_blocks(child)
    if isinstance(block, blocks.ListBlock):
        yield from struct_blocks(block.child_block)


@pytest.mark.parametrize("block", list(struct_blocks(BODY)), ids=lambda block: type(block).__name__)
def test_every_struct_block_follows_the_house_convention(block):
    cls = type(block)
    assert cls.__doc__
    assert "\n" not in cls.__doc__.strip()
    assert block.meta.icon != "placeholder"
    assert (
        block.meta.template
        == f"blocks/{re.sub(r'(?<!^)(?=[A-Z])', '_', cls.__name__).lower()}.html"
    )
    assert block.meta.description
    assert block.meta.preview_value


def test_the_picker_previews_a_block_in_the_sites_look(client, editor_a):
    client.force_login(editor_a)
    block = BODY.child_blocks["notice"]

    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})

    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/css/site.css" in html
    assert "UWAGA!" in html


# --- Image ---------------------------------------------------------------------------


def image_value(image, **fields):
    return {
        "image": image,
        "alt_text": "Uczestnicy forum",
        "decorative": False,
        "caption": "",
        "credit": "",
        **fields,
    }


def test_image_offers_the_browser_a_few_widths_and_loads_lazily(org_a):
    image = make_image(org_a, size=(1600, 1200))

    html = render("image", image_value(image, caption="Za nami III Forum", credit="Piotr Rojewski"))

    img = next(attrs for tag, attrs in Markup(html).tags if tag == "img")
    sources = [attrs for tag, attrs in Markup(html).tags if tag == "source"]
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    assert [entry.split()[-1] for entry in img["srcset"].split(", ")] == ["480w", "800w", "1200w"]
    assert (img["width"], img["height"]) == ("1200", "900")
    assert img["loading"] == "lazy"
    assert img["sizes"]
    assert img["alt"] == "Uczestnicy forum"
    assert "<figcaption>" in html
    assert "Za nami III Forum" in html


def test_small_image_is_not_enlarged_nor_offered_twice_at_one_width(org_a):
    html = render("image", image_value(make_image(org_a, size=(640, 480))))

    img = next(attrs for tag, attrs in Markup(html).tags if tag == "img")
    assert [entry.split()[-1] for entry in img["srcset"].split(", ")] == ["480w", "640w"]
    assert img["width"] == "640"


def test_decorative_image_has_empty_alt_text(org_a):
    html = render("image", image_value(make_image(org_a), alt_text="", decorative=True))

    assert 'alt=""' in html


def test_image_without_caption_or_credit_has_no_figcaption(org_a):
    html = render("image", image_value(make_image(org_a)))

    assert "figcaption" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "Zdjęcie: Piotr Rojewski"),
        ("uk", "Фото: Piotr Rojewski"),
        ("en", "Photo: Piotr Rojewski"),
    ],
)
def test_photo_credit_is_introduced_in_the_visitors_language(org_a, language, expected):
    with translation.override(language):
        html = render("image", image_value(make_image(org_a), credit="Piotr Rojewski"))

    assert expected in html


def test_image_needs_alt_text_or_to_be_marked_decorative(org_a):
    with pytest.raises(ValidationError) as excinfo:
        clean("image", image_value(make_image(org_a), alt_text="  "))

    assert error_messages(excinfo) == {
        "alt_text": ["Opisz obraz dla osób, które go nie widzą, albo oznacz go jako dekoracyjny."]
    }


def test_decorative_image_may_not_have_alt_text(org_a):
    with pytest.raises(ValidationError) as excinfo:
        clean("image", image_value(make_image(org_a), decorative=True))

    assert list(error_messages(excinfo)) == ["decorative"]


def test_image_may_wait_for_its_alt_text_in_a_draft(org_a):
    block = ImageBlock()
    block.set_name("image")
    block.defer_required_validation()

    value = block.clean(block.normalize(image_value(make_image(org_a), alt_text="")))

    assert value["alt_text"] == ""


# --- Quote, people, notice -----------------------------------------------------------


def test_quote_is_a_blockquote_with_its_author_in_the_figcaption():
    html = render("quote", QuoteBlock().meta.preview_value)

    assert re.search(r"<figure[^>]*>\s*<blockquote>.*</blockquote>\s*<figcaption>", html, re.S)
    assert "Witek Hebanowski" in html
    assert "Fundacja Inna Przestrzeń" in html


def test_quote_without_attribution_has_no_figcaption():
    html = render("quote", {"text": "Nic o nas bez nas.", "attribution": "", "role": ""})

    assert "figcaption" not in html
    assert "<p>Nic o nas bez nas.</p>" in html


def test_long_quote_keeps_its_paragraphs_and_every_word():
    text = "\n\n".join(["Solidarność, godność, empatia. " * 60] * 3)

    html = render("quote", {"text": text, "attribution": "Anna Dąbrowska", "role": ""})

    assert html.count("<p>") == 3
    assert html.count("Solidarność") == 180
    assert ", <span" not in html  # no comma before a missing role


def test_people_list_is_a_list_with_name_role_and_organization():
    html = render("people", PeopleBlock().meta.preview_value)

    markup = Markup(html)
    assert markup.headings() == [2]
    assert [tag for tag, _attrs in markup.tags].count("li") == 3
    assert "<ul" in html
    assert "Joanna Sosnowska</span>, <span" in html
    assert "Urząd Miasta Krakowa" in html


def test_people_list_in_cyrillic_without_heading_roles_or_organizations():
    html = render(
        "people",
        {"heading": "", "people": [{"name": "Олена Шевченко", "role": "", "organization": ""}]},
    )

    assert "<h2" not in html
    assert '<span class="person-name">Олена Шевченко</span>\n</li>' in html


@pytest.mark.parametrize(
    ("level", "label"),
    [("info", "Informacja:"), ("warning", "Ostrzeżenie:"), ("important", "Ważne:")],
)
def test_notice_level_is_told_by_an_icon_and_words_not_only_by_colour(level, label):
    value = {**NoticeBlock().meta.preview_value, "level": level}

    html = render("notice", value)

    assert 'role="note"' in html
    assert f"notice-{level}" in html
    assert '<svg class="notice-icon"' in html
    assert f'<span class="visually-hidden">{label}</span>' in html
    assert "UWAGA!" in html


def test_notice_without_title_still_says_how_important_it_is():
    html = render(
        "notice", {"title": "", "body": "<p>Obowiązuje rejestracja.</p>", "level": "important"}
    )

    assert "Ważne:" in html
    assert "<strong>" not in html


# --- Documents -----------------------------------------------------------------------


def test_document_link_tells_the_file_type_and_size(org_a):
    program = make_document(org_a, content=b"x" * 1_250_000, name="program.pdf")
    value = {"heading": "Do pobrania", "documents": [{"document": program, "title": ""}]}

    with translation.override("en"):
        html = render("documents", value)

    assert re.search(r">Program <span[^>]*>\(PDF, 1\.2\sMB\)</span></a>", html)
    assert f'href="{program.url}"' in html


def test_document_title_can_be_overridden_and_is_sized_in_the_visitors_language(org_a):
    report = make_document(org_a, title="raport_final_v3", content=b"x" * 1_250_000)
    value = {"heading": "", "documents": [{"document": report, "title": "Raport z forum"}]}

    html = render("documents", value)

    assert re.search(r">Raport z forum <span[^>]*>\(PDF, 1,2\sMB\)</span>", html)
    assert "raport_final_v3" not in html
    assert "<h2" not in html


# --- Contact and call to action ------------------------------------------------------


def test_contact_links_to_mail_and_phone():
    html = render("contact", ContactBlock().meta.preview_value)

    assert 'href="mailto:kontakt@example.org"' in html
    assert 'href="tel:+48566221000"' in html
    assert html.lstrip().startswith("<address")


def test_contact_with_an_email_only_shows_no_phone():
    html = render(
        "contact", {"name": "Kalina Kabat", "role": "", "email": "kalina@example.org", "phone": ""}
    )

    assert "tel:" not in html
    assert "Telefon" not in html


def test_contact_needs_an_email_or_a_phone():
    with pytest.raises(ValidationError) as excinfo:
        clean("contact", {"name": "Kalina Kabat", "role": "", "email": "", "phone": ""})

    assert set(error_messages(excinfo)) == {"email", "phone"}


def test_contact_refuses_a_phone_number_of_letters():
    with pytest.raises(ValidationError) as excinfo:
        clean("contact", {"name": "Kalina Kabat", "role": "", "email": "", "phone": "zadzwoń"})

    assert list(error_messages(excinfo)) == ["phone"]


def cta(**fields):
    return {
        "text": "Zarejestruj się",
        "page": None,
        "external_url": "",
        "style": "primary",
        **fields,
    }


def test_call_to_action_needs_a_page_or_an_address():
    with pytest.raises(ValidationError) as excinfo:
        clean("call_to_action", cta())

    assert error_messages(excinfo) == {
        "page": ["Wybierz stronę albo wpisz adres, do którego prowadzi przycisk."],
        "external_url": ["Wybierz stronę albo wpisz adres, do którego prowadzi przycisk."],
    }


def test_call_to_action_takes_a_page_or_an_address_not_both(page_a):
    with pytest.raises(ValidationError) as excinfo:
        clean("call_to_action", cta(page=page_a, external_url="https://konsorcjum.org.pl/"))

    assert error_messages(excinfo)["page"] == ["Wybierz stronę albo wpisz adres, nie oba naraz."]


def test_call_to_action_to_a_page_links_within_the_site(rf, org_a, page_a):
    request = rf.get("/pl/", HTTP_HOST=org_a.site.hostname)

    html = render("call_to_action", cta(page=page_a, style="secondary"), {"request": request})

    assert '<a class="button button-secondary" href="/pl/o-fundacji/">Zarejestruj się</a>' in html


def test_call_to_action_leads_to_the_page_in_the_visitors_language(org_a, page_a):
    ukrainian = page_a.copy_for_translation(Locale.objects.get(language_code="uk"))
    ukrainian.save_revision().publish()

    with translation.override("uk"):
        value = BODY.child_blocks["call_to_action"].normalize(cta(page=page_a))
        assert value.url().endswith("/uk/o-fundacji/")


def test_call_to_action_to_an_unpublished_page_is_not_shown(page_a):
    page_a.unpublish()

    assert render("call_to_action", cta(page=Page.objects.get(pk=page_a.pk))).strip() == ""


# --- Embed ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "provider", "video_id", "embed_url"),
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10",
            "youtube",
            "aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
        ),
        ("https://youtu.be/aqz-KE-bpKQ?si=abc", "youtube", "aqz-KE-bpKQ", None),
        ("https://m.youtube.com/shorts/aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", None),
        ("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", None),
        (
            "https://vimeo.com/76979871",
            "vimeo",
            "76979871",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
        ),
        (
            "https://vimeo.com/76979871/0a1b2c3d4e",
            "vimeo",
            "76979871",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=0a1b2c3d4e",
        ),
        ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871", None),
        ("https://player.vimeo.com/video/76979871?h=0a1b2c3d4e", "vimeo", "76979871", None),
    ],
)
def test_video_id_is_read_from_the_address_without_asking_the_provider(
    url, provider, video_id, embed_url
):
    video = parse_video_url(url)

    assert (video.provider, video.video_id) == (provider, video_id)
    if embed_url:
        assert video.embed_url == embed_url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x8abcd",
        "https://www.youtube.com.example.org/watch?v=aqz-KE-bpKQ",
        "https://www.youtube.com/watch?v=too-short",
        "https://www.youtube.com/@fundacja",
        "https://vimeo.com/channels/staffpicks",
        "ftp://youtube.com/watch?v=aqz-KE-bpKQ",
        "javascript:alert(1)",
    ],
)
def test_embed_refuses_videos_from_anywhere_but_youtube_and_vimeo(url):
    with pytest.raises(ValidationError) as excinfo:
        clean("embed", {"url": url, "title": "Forum w Lublinie", "caption": ""})

    assert list(error_messages(excinfo)) == ["url"]


def test_embed_error_names_the_providers_it_accepts():
    with pytest.raises(ValidationError) as excinfo:
        clean(
            "embed",
            {"url": "https://www.dailymotion.com/video/x8abcd", "title": "Forum", "caption": ""},
        )

    assert "YouTube" in error_messages(excinfo)["url"][0]
    assert "Vimeo" in error_messages(excinfo)["url"][0]


@pytest.mark.parametrize(
    "url", ["https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://vimeo.com/76979871/0a1b2c3d4e"]
)
def test_embed_requests_nothing_from_the_provider_until_the_visitor_clicks(url):
    video = parse_video_url(url)

    html = render("embed", {"url": url, "title": "Forum w Lublinie", "caption": "Lublin 2014"})

    assert provider_urls(html) == [("a", "href", video.watch_url)]
    assert "<iframe" not in html
    assert "<script" not in html
    assert f'data-embed-url="{video.embed_url.replace("&", "&amp;")}"' in html
    assert re.search(r"<button[^>]*hidden[^>]*>Załaduj film z serwisu ", html)
    assert "Forum w Lublinie" in html
    assert "<figcaption>Lublin 2014</figcaption>" in html


def test_embed_in_ukrainian_explains_what_loading_the_video_shares():
    with translation.override("uk"):
        html = render("embed", EmbedBlock().meta.preview_value)

    assert "IP-адресу" in html
    assert "YouTube" in html


# --- Another organization's media in a page body -------------------------------------


def test_page_with_another_organizations_image_in_an_image_block_is_refused(
    client, editor_a, page_a, org_b
):
    before = page_state(page_a)
    image_b = make_image(org_b, "Plakat Beta")

    response = edit(
        client,
        editor_a,
        page_a,
        ("rich_text", rich_text("<p>Plakat</p>")),
        ("image", image_value(image_b.pk)),
    )

    assert response.status_code == 200
    assert body_errors(response) == ([str(NOT_OWN_MEDIA)], [1])
    assert page_state(page_a) == before


def test_page_with_another_organizations_document_in_a_document_list_is_refused(
    client, editor_a, page_a, org_a, org_b
):
    before = page_state(page_a)
    own, foreign = make_document(org_a), make_document(org_b, "Raport Beta")
    documents = [{"document": own.pk, "title": ""}, {"document": foreign.pk, "title": "Raport"}]

    response = edit(
        client, editor_a, page_a, ("documents", {"heading": "", "documents": documents})
    )

    assert response.status_code == 200
    assert body_errors(response) == ([str(NOT_OWN_MEDIA)], [0])
    assert page_state(page_a) == before


def test_page_with_own_organizations_image_and_document_is_saved(client, editor_a, page_a, org_a):
    before = page_state(page_a)
    image, document = make_image(org_a), make_document(org_a)
    documents = {"heading": "Do pobrania", "documents": [{"document": document.pk, "title": ""}]}

    response = edit(
        client, editor_a, page_a, ("image", image_value(image.pk)), ("documents", documents)
    )

    assert response.status_code == 302
    after = page_state(page_a)
    assert after["revisions"] == before["revisions"] + 1
    saved = {block["type"]: block["value"] for block in after["body"]}
    assert saved["image"]["image"] == image.pk
    assert saved["documents"]["documents"][0]["value"]["document"] == document.pk


def test_info_box_or_registration_form_of_another_organizations_event_is_refused(
    client, editor_a, page_a, org_b
):
    before = page_state(page_a)
    event_b = an_event(org_b)

    for block_type in ("event_info_box", "registration_form"):
        response = edit(
            client,
            editor_a,
            page_a,
            ("rich_text", rich_text("<p>Zapraszamy</p>")),
            (block_type, {"event": event_b.pk, "heading": ""}),
        )

        assert response.status_code == 200
        assert body_errors(response) == ([str(NOT_OWN_PAGE)], [1])
        assert page_state(page_a) == before


def test_own_event_in_an_info_box_and_links_to_other_organizations_pages_are_accepted(
    client, editor_a, page_a, page_b, org_a
):
    event_a = an_event(org_a)

    response = edit(
        client,
        editor_a,
        page_a,
        ("event_info_box", {"event": event_a.pk, "heading": ""}),
        ("rich_text", rich_text(f'<p><a linktype="page" id="{page_b.pk}">Beta</a></p>')),
        (
            "call_to_action",
            {"text": "Beta", "page": page_b.pk, "external_url": "", "style": "primary"},
        ),
    )

    assert response.status_code == 302
    assert page_state(page_a)["body"][0]["value"]["event"] == event_a.pk


def test_link_to_another_organizations_document_in_rich_text_is_found(org_a, org_b):
    foreign = make_document(org_b, "Raport Beta")
    stream = StreamValue(
        BODY,
        [
            ("rich_text", f'<p><a linktype="document" id="{foreign.pk}">raport</a></p>'),
            ("rich_text", '<p><a linktype="document" id="not-a-number">nic</a></p>'),
        ],
    )

    assert blocks_with_foreign_media(stream, {org_a.collection_id}) == [0]


# --- A page with every block ---------------------------------------------------------


def make_funding_notice(org):
    from organizations.models import FundingNotice

    return FundingNotice.objects.create(
        site=org.site,
        locale=Locale.objects.get(language_code="pl"),
        name="FAMI",
        disclaimer="<p>Projekt współfinansowany ze środków Unii Europejskiej.</p>",
    )


def an_event(org):
    return add_event(
        event_index(org),
        "Porozmawiajmy o integracji",
        in_days(10, 9, 30),
        in_days(10, 15, 30),
        venue_name="kawiarnia społeczna PERS",
        city="Toruń",
        registration_mode="form",
        capacity=40,
    )


@pytest.fixture
def page_with_every_block(org_a, page_a):
    image, document = make_image(org_a), make_document(org_a)
    body = [
        ("heading", {"text": "Dlaczego takie spotkanie?", "level": "h2", "anchor": "dlaczego"}),
        ("rich_text", "<p>Fundacja Studio M6 zaprasza 14 grudnia 2023 r.</p>"),
        ("quote", QuoteBlock().meta.preview_value),
        ("notice", NoticeBlock().meta.preview_value),
        ("image", image_value(image, caption="Forum", credit="Piotr Rojewski")),
        ("image", image_value(image, alt_text="", decorative=True)),
        ("embed", EmbedBlock().meta.preview_value),
        ("embed", {"url": "https://vimeo.com/76979871", "title": "Форум", "caption": ""}),
        (
            "documents",
            {"heading": "Do pobrania", "documents": [{"document": document, "title": ""}]},
        ),
        ("people", PeopleBlock().meta.preview_value),
        ("contact", ContactBlock().meta.preview_value),
        ("call_to_action", cta(page=page_a)),
        ("call_to_action", CallToActionBlock().meta.preview_value),
        ("event_info_box", {"event": an_event(org_a), "heading": ""}),
        (
            "registration_form",
            {
                "event": add_event(
                    event_index(org_a),
                    "Warsztaty z pisania CV",
                    in_days(7, 17),
                    registration_mode="form",
                    capacity=20,
                ),
                "heading": "",
            },
        ),
        ("partner_strip", strip(make_partner(org_a, "Fundacja Stocznia"), role=Role.PATRONAGE)),
        ("funding_notice", {"notice": make_funding_notice(org_a)}),
    ]
    return add_content_page(org_a, "Porozmawiajmy o integracji", slug="integracja", body=body)


def test_page_with_every_block_is_well_formed_with_unique_ids(org_a, page_with_every_block):
    response = Client().get("/pl/integracja/", HTTP_HOST=org_a.site.hostname)

    html = response.content.decode()
    markup = Markup(html)
    assert response.status_code == 200
    assert markup.problems == []
    assert [name for name, count in markup.ids.items() if count > 1] == []
    assert all("alt" in attrs for tag, attrs in markup.tags if tag == "img")
    headings = markup.headings()
    assert headings[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(headings, headings[1:], strict=False))
    assert all(f'class="w-block-{name} block-{name}"' in html for name in BODY.child_blocks)


def test_page_with_videos_links_to_the_providers_only_for_visitors_without_javascript(
    org_a, page_with_every_block
):
    html = Client().get("/pl/integracja/", HTTP_HOST=org_a.site.hostname).content.decode()

    assert provider_urls(html) == [
        ("a", "href", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
        ("a", "href", "https://vimeo.com/76979871"),
    ]


def test_editor_opens_a_page_with_every_block_for_editing(client, editor_a, page_with_every_block):
    client.force_login(editor_a)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page_with_every_block.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    # Block values travel to the editor as JSON, with non-ASCII letters escaped.
    assert "Joanna Sosnowska" in html
    assert "aqz-KE-bpKQ" in html

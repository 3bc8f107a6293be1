"""The PDF of an article or content page, at its address + `pdf/`: what a visitor downloads,
in the page's language with the project's own fonts, cached per revision, and made without
a single request to another server."""

import io
import socket
from urllib.parse import urljoin

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import formats, translation
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageViewRestriction

from organizations.models import FundingNotice
from pages import pdf
from partners.models import Partner
from tests.news.helpers import add_article, news_index, translate_article
from tests.utils import add_content_page, make_image, visit

pytestmark = pytest.mark.django_db

SHIPPED_FONT_PREFIX = "Noto-Sans-PDF-"
# Routing as for the article itself (site, organization, locale, pages down to the
# article), the view restrictions checked by the route and again by Wagtail's serve view
# (two queries each), and the article's locale for the cache key. No rendering.
QUERIES_FOR_A_CACHED_PDF = 13


@pytest.fixture
def funding_notice(org_a):
    notice = FundingNotice.objects.create(
        site=org_a.site,
        locale=Locale.objects.get(language_code="pl"),
        name="FAMI",
        disclaimer="<p>Projekt współfinansowany ze środków Unii Europejskiej.</p>",
    )
    translated = notice.copy_for_translation(Locale.objects.get(language_code="uk"))
    translated.disclaimer = "<p>Проєкт співфінансується Європейським Союзом.</p>"
    translated.save()
    org_a.funding_notice = notice
    org_a.save()
    return notice


@pytest.fixture
def article(org_a):
    return add_article(
        news_index(org_a),
        "Za nami III Forum Współpracy i Integracji",
        "2023-12-05",
        slug="forum-2023",
        intro="Solidarność, godność, empatia.",
        hero_image=make_image(org_a),
        hero_alt_text="Uczestniczki i uczestnicy forum przy stołach",
        hero_caption="Warsztat rzeczniczy",
        hero_credit="Piotr Rojewski",
        body=[("rich_text", "<p>Nic co nas dotyczy, nie może się zadziać bez nas.</p>")],
    )


@pytest.fixture
def ukrainian_article(article):
    return translate_article(
        article,
        "uk",
        title="Позаду III Форум співпраці та інтеграції",
        intro="Солідарність, гідність, емпатія.",
        hero_caption="Правозахисний семінар",
        body=[("rich_text", "<p>Нічого про нас без нас: ґрунтовна розмова про їжу й житло.</p>")],
    )


@pytest.fixture
def fake_renderer(monkeypatch):
    """Stands in for WeasyPrint where only the response matters; counts the renders."""
    calls = []

    def render(page, request=None):
        calls.append(page.pk)
        return f"%PDF-1.7 {page.pk} {page.live_revision_id}".encode()

    monkeypatch.setattr(pdf, "render_pdf", render)
    return calls


@pytest.fixture
def fetched(monkeypatch):
    """Every address WeasyPrint asks for while the test renders."""
    urls = []
    fetch = pdf.LocalFilesOnly.fetch

    def recording_fetch(self, url, headers=None):
        urls.append(url)
        return fetch(self, url, headers)

    monkeypatch.setattr(pdf.LocalFilesOnly, "fetch", recording_fetch)
    return urls


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the PDF tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def pdf_url(page):
    return page.url + "pdf/"


def reader(response):
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def text_of(response):
    """The PDF's text with runs of whitespace (line breaks included) made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in reader(response).pages).split())


def embedded_fonts(response):
    """The names of the fonts embedded in the PDF, without their subset prefix ("ABCDEF+")."""
    names = set()

    def collect(resources):
        for font in resources.get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
        for xobject in resources.get("/XObject", {}).values():
            inner = xobject.get_object().get("/Resources")
            if inner is not None:
                collect(inner.get_object())

    for page in reader(response).pages:
        collect(page["/Resources"])
    return names


def in_language(language, function, *args):
    with translation.override(language):
        return function(*args)


def test_pdf_of_a_ukrainian_article_holds_organization_title_date_lead_photo_credit_body_notice_and_address(
    org_a, funding_notice, ukrainian_article
):
    response = visit(org_a, pdf_url(ukrainian_article))
    text = text_of(response)

    assert response.status_code == 200
    assert "Позаду III Форум співпраці та інтеграції" in text
    assert in_language("uk", formats.date_format, ukrainian_article.date) in text
    assert "Солідарність, гідність, емпатія." in text
    assert "Правозахисний семінар" in text
    credit = in_language("uk", translation.gettext, "Photo: %(credit)s")
    assert credit % {"credit": "Piotr Rojewski"} in text
    assert "Нічого про нас без нас: ґрунтовна розмова про їжу й житло." in text
    assert "Проєкт співфінансується Європейським Союзом." in text
    assert "Fundacja Alfa" in text
    address = ukrainian_article.get_full_url()
    # The translation's own slug, transliterated from its title.
    assert address.endswith("/uk/novyny/pozadu-iii-forum-spivpratsi-ta-intehratsii/")
    assert address in text.replace(" ", "")
    assert reader(response).trailer["/Root"]["/Lang"] == "uk"
    assert reader(response).metadata.title == "Позаду III Форум співпраці та інтеграції"


def test_pdf_is_a_download_named_after_the_slug_that_browsers_may_keep_briefly(
    org_a, article, fake_renderer
):
    response = visit(org_a, pdf_url(article))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="forum-2023.pdf"'
    assert "public" in response["Cache-Control"]
    assert f"max-age={pdf.BROWSER_CACHE_SECONDS}" in response["Cache-Control"]
    again = visit(org_a, pdf_url(article), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert fake_renderer == [article.pk]


def test_pdf_embeds_only_the_fonts_the_project_ships(org_a, fetched):
    page = add_content_page(
        org_a,
        "Zażółć gęślą jaźń — Ґанок і їжак",
        slug="czcionki",
        intro="Łódź, Gdańsk, Kraków; Київ, Львів, Ужгород.",
        body=[("rich_text", "<p><b>Pogrubienie, жирний</b> i <i>kursywa, курсив</i>.</p>")],
    )

    response = visit(org_a, pdf_url(page))

    fonts = embedded_fonts(response)
    assert {"Noto-Sans-PDF-Latin", "Noto-Sans-PDF-Latin-Ext", "Noto-Sans-PDF-Cyrillic"} <= fonts
    assert {"Noto-Sans-PDF-Latin-Bold", "Noto-Sans-PDF-Cyrillic-Italic"} <= fonts
    assert all(name.startswith(SHIPPED_FONT_PREFIX) for name in fonts), fonts
    assert "Zażółć gęślą jaźń — Ґанок і їжак" in text_of(response)
    font_files = {url.rsplit("/", 1)[-1] for url in fetched if url.endswith(".woff")}
    assert {
        "noto-sans-latin-400-normal.woff",
        "noto-sans-latin-ext-400-normal.woff",
        "noto-sans-cyrillic-400-normal.woff",
    } <= font_files


def test_second_request_is_served_from_the_cache_and_a_new_revision_gives_a_new_pdf(
    org_a, article, monkeypatch
):
    renders = []
    render = pdf.render_pdf

    def counting_render(page, request=None):
        renders.append(page.live_revision_id)
        return render(page, request)

    monkeypatch.setattr(pdf, "render_pdf", counting_render)

    first = visit(org_a, pdf_url(article))
    second = visit(org_a, pdf_url(article))
    assert len(renders) == 1
    assert second.content == first.content

    article.title = "Forum Współpracy i Integracji: relacja"
    article.save_revision().publish()
    article.refresh_from_db()
    third = visit(org_a, pdf_url(article))

    assert renders == [renders[0], article.live_revision_id]
    assert "Forum Współpracy i Integracji: relacja" in text_of(third)


def test_cached_pdf_takes_a_fixed_number_of_queries(
    org_a, article, fake_renderer, django_assert_max_num_queries
):
    visit(org_a, pdf_url(article))

    with django_assert_max_num_queries(QUERIES_FOR_A_CACHED_PDF):
        response = visit(org_a, pdf_url(article))

    assert response.status_code == 200
    assert fake_renderer == [article.pk]


def test_cache_key_is_the_page_its_live_revision_and_its_language(article):
    assert pdf.cache_key(article) == (
        f"page-pdf:v{pdf.VERSION}:{article.pk}:{article.live_revision_id}:pl"
    )


def test_untranslated_article_gives_the_original_pdf_at_its_translated_address(
    org_a, article, fake_renderer
):
    response = visit(org_a, pdf_url(article).replace("/pl/", "/uk/"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="forum-2023.pdf"'


def test_draft_article_has_no_pdf(org_a, fake_renderer):
    draft = add_article(news_index(org_a), "Szkic", "2024-01-10", slug="szkic", publish=False)

    response = visit(org_a, "/pl/aktualnosci/szkic/pdf/")

    assert response.status_code == 404
    assert not draft.live
    assert fake_renderer == []


def test_private_page_has_no_pdf(org_a, fake_renderer):
    parent = add_content_page(org_a, "Dla członków", slug="dla-czlonkow")
    child = add_content_page(org_a, "Regulamin", slug="regulamin", parent=parent)
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)

    assert visit(org_a, pdf_url(parent)).status_code == 404
    assert visit(org_a, pdf_url(child)).status_code == 404
    assert fake_renderer == []


def test_home_page_and_news_index_have_no_pdf(org_a, fake_renderer):
    assert visit(org_a, "/pl/pdf/").status_code == 404
    assert visit(org_a, "/uk/pdf/").status_code == 404
    assert visit(org_a, "/pl/aktualnosci/pdf/").status_code == 404
    assert fake_renderer == []


def test_another_organizations_address_gives_no_pdf_of_the_article(
    org_a, org_b, article, fake_renderer
):
    path = article.relative_url(org_a.site) + "pdf/"

    assert visit(org_b, path).status_code == 404
    assert visit(org_a, path).status_code == 200
    assert fake_renderer == [article.pk]


def test_pdf_is_only_read_not_posted(org_a, article, fake_renderer):
    response = Client().post(pdf_url(article), HTTP_HOST=org_a.site.hostname)

    assert response.status_code == 405
    assert fake_renderer == []


def test_header_shows_the_logo_or_without_one_the_organizations_name(org_a, article):
    without_logo = pdf.page_html(article)
    org_a.logo = make_image(org_a, title="Logo Alfa")
    org_a.save()
    with_logo = pdf.page_html(article)

    assert '<p class="pdf-organization">Fundacja Alfa</p>' in without_logo
    assert 'class="pdf-logo"' not in without_logo
    assert 'class="pdf-logo"' in with_logo
    assert 'alt="Fundacja Alfa"' in with_logo
    assert "pdf-organization" not in with_logo


def test_qr_code_leads_to_the_pages_full_address(article):
    html = pdf.page_html(article)

    assert str(pdf.qr_code_svg(article.get_full_url())) in html
    assert f'<a href="{article.get_full_url()}">' in html


# Every block of the body, as an editor may combine them.
def every_block(org, page_link):
    image = make_image(org, title="Warsztat")
    document = get_document_model().objects.create(
        title="Program spotkania",
        file=ContentFile(b"%PDF-1.4 program", name="program.pdf"),
        collection=org.collection,
    )
    partner = Partner.objects.create(
        site=org.site,
        locale=Locale.objects.get(language_code="pl"),
        name="Fundacja Stocznia",
        logo=make_image(org, title="Logo Stoczni"),
        website="https://stocznia.org.pl/",
    )
    notice = FundingNotice.objects.create(
        site=org.site,
        locale=Locale.objects.get(language_code="pl"),
        name="FAMI",
        disclaimer="<p>Dofinansowano ze środków FAMI.</p>",
        logos=[("logo", {"image": image, "alt_text": "Unia Europejska", "link": ""})],
    )
    return [
        ("heading", {"text": "Dlaczego takie spotkanie?", "level": "h2", "anchor": "dlaczego"}),
        ("rich_text", '<p>Zobacz <a href="https://konsorcjum.org.pl/">postulaty</a>.</p>'),
        ("quote", {"text": "Nic o nas bez nas.", "attribution": "Witek", "role": "Inna"}),
        ("notice", {"title": "UWAGA!", "body": "<p>Obowiązuje rejestracja.</p>", "level": "warning"}),
        (
            "image",
            {"image": image, "alt_text": "Sala", "decorative": False, "caption": "Sala obrad", "credit": "Anna Nowak"},
        ),
        ("embed", {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": "II Forum", "caption": ""}),
        ("documents", {"heading": "Do pobrania", "documents": [{"document": document, "title": ""}]}),
        ("people", {"heading": "Goście", "people": [{"name": "Piotr Choroś", "role": "Dyrektor", "organization": "UM Lublin"}]}),
        ("contact", {"name": "Jolanta Steciuk", "role": "", "email": "kontakt@example.org", "phone": "+48 56 622 10 00"}),
        ("call_to_action", {"text": "Zapisz się", "page": page_link, "external_url": "", "style": "primary"}),
        ("partner_strip", {"role": "partners", "custom_heading": "", "partners": [partner], "show_details": False}),
        ("funding_notice", {"notice": notice}),
    ]  # fmt: skip


def test_every_body_block_is_printed_from_local_files_with_videos_as_links(
    org_a, article, fetched, no_network
):
    page = add_content_page(org_a, "Forum", slug="forum", body=every_block(org_a, article))

    html = pdf.page_html(page)
    response = visit(org_a, pdf_url(page))
    text = text_of(response)

    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in html
    for expected in [
        "Dlaczego takie spotkanie?",
        "postulaty",
        "Nic o nas bez nas.",
        "UWAGA!",
        "Obowiązuje rejestracja.",
        "Sala obrad",
        "Anna Nowak",
        "II Forum",
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "Program spotkania",
        "Piotr Choroś",
        "kontakt@example.org",
        "Zapisz się",
        "Dofinansowano ze środków FAMI.",
    ]:
        assert expected in text, expected
    site = page.get_site().root_url
    assert all(url.startswith((f"{site}/media/", f"{site}/static/")) for url in fetched), fetched
    # The photo, the partner's logo and the programme's logo, as their blocks ask for them.
    for rendition in (".width-1200.", ".max-384x144.", ".height-128."):
        assert any(rendition in url for url in fetched), rendition


def test_fetcher_reads_the_sites_media_and_static_files(org_a, article):
    fetcher = pdf.LocalFilesOnly("http://alfa.localhost/pl/aktualnosci/forum-2023/")
    photo = article.hero_image.get_rendition("width-800")

    css = fetcher.fetch("http://alfa.localhost/static/pdf/page.css")
    image = fetcher.fetch(urljoin("http://alfa.localhost/", photo.url))

    assert css.content_type == "text/css"
    assert b"@font-face" in css.read()
    assert image.content_type == "image/png"
    with photo.file.open() as file:
        assert image.read() == file.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/embed/aqz-KE-bpKQ",
        "https://fonts.googleapis.com/css2?family=Noto+Sans",
        "http://alfa.localhost/pl/",
        "http://beta.localhost/static/pdf/page.css",
        "http://alfa.localhost/media/../config/settings/base.py",
        "http://alfa.localhost/static/%2e%2e/manage.py",
        "file:///etc/passwd",
        "data:text/css,body{}",
    ],
)
def test_fetcher_refuses_any_other_address(url, no_network):
    fetcher = pdf.LocalFilesOnly("http://alfa.localhost/pl/aktualnosci/forum-2023/")

    with pytest.raises(ValueError, match="only the site's media and static files"):
        fetcher.fetch(url)


def laid_out_colours(page, selector_class):
    """{tag: "#rrggbb"}: the colour WeasyPrint gives the text of each element of the page's
    PDF that carries `selector_class` (or each h1 and a for "")."""
    from weasyprint import HTML

    url = page.get_full_url()
    document = HTML(
        string=pdf.page_html(page), base_url=url, url_fetcher=pdf.LocalFilesOnly(url)
    ).render()
    found = {}
    for box in document.pages[0]._page_box.descendants():
        tag = getattr(box, "element_tag", None)
        classes = (box.element.get("class") or "").split() if box.element is not None else []
        if tag in ("h1", "a") and (not selector_class or selector_class in classes):
            colour = box.style["color"]
            found.setdefault(
                tag, "#" + "".join(f"{round(part * 255):02x}" for part in colour.to("srgb")[:3])
            )
    return found


def test_pdf_colours_are_the_organizations_colour_roles(org_a, article):
    """The PDF's stylesheet reads the site's tokens (--color-*): headings in the primary
    role, links in the link role, both as core.colours computes them from the
    organization's two colours."""
    from core.colours import colour_roles

    # A light primary: links are darkened from it until they pass 4.5:1 on white.
    org_a.primary_colour, org_a.accent_colour = "#3f8fd2", "#0f7c7a"
    org_a.save()
    roles = colour_roles("#3f8fd2", "#0f7c7a")
    assert roles["link"] not in ("#3f8fd2", colour_roles()["link"])

    colours = laid_out_colours(article, "")

    assert colours == {"h1": roles["primary"], "a": roles["link"]}

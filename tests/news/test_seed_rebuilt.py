"""The yardstick of the block library: shared/seeds/inna-przestrzen-forum.txt (a forum
announcement with quotes, a patronage, a link and two funding disclaimers) rebuilt as an
article from blocks, without raw HTML, and everything the original says reaches the visitor
and the PDF. (The Konsorcjum report is the demo article; the Studio M6 announcement is the
demo event.)"""

import re
from html import unescape
from io import BytesIO

import pytest
from pypdf import PdfReader
from wagtail.rich_text import RichText

from organizations.models import FundingNotice, locale_for
from partners.blocks import Role
from tests.news.helpers import add_article, news_index
from tests.partners.helpers import make_partner
from tests.utils import visit

pytestmark = pytest.mark.django_db

TITLE = "Forum w Lublinie - startujemy jutro!"
LEAD = (
    "Przypominamy, że od jutra do niedzieli w Lublinie trwa drugie międzysektorowe i "
    "międzymiastowe Forum ds. Lokalnych Polityk Migracyjnych. Dołącz do nas!"
)
PARAGRAPHS = [
    "W dniach 21 - 23 marca 2014 roku odbędzie się w Lublinie Drugie międzysektorowe forum "
    "robocze dot. lokalnych polityk migracyjnych.",
    "Celem forum jest wsparcie dla tworzenia nowoczesnych i otwartych polityk integracji "
    "imigrantów na poziomie lokalnym w Polsce w oparciu o praktyczne doświadczenia współpracy "
    "międzysektorowej.",
]
QUOTES = [
    (
        "Międzysektorowe fora migracyjne są praktyczną zachętą dla instytucji publicznych do "
        "tego, aby tworzyć otwartą i bardziej profesjonalną niż dotychczas politykę migracyjną "
        "w Polsce - zarówno na poziomie centralnym, jak i lokalnym.",
        "Witek Hebanowski",
        "Fundacja Inna Przestrzeń",
    ),
    (
        "W Lublinie wśród tematów grup roboczych znajdą się m.in kwestie związane z rynkiem "
        "pracy (legalnym i nielegalnym), edukacją dzieci cudzoziemskich czy oferty miast dla "
        "studentów z zagranicy.",
        "Anna Dąbrowska",
        "Homo Faber",
    ),
]
MORE = [
    "II Forum Migracyjne to trzydniowa ogólnopolska konferencja dotycząca polityk "
    "integracyjnych w polskich miastach, która w Lublinie odbędzie się w dniach 21-23 marca "
    "2014 roku w inkubatorze Akademickiego Centrum Kultury „Chatka Żaka”.",
    "Projekt realizowany jest przez Fundację Inna Przestrzeń, Stowarzyszenie Interkulturalni "
    "pl oraz Stowarzyszenie Homo Faber we współpracy z urzędami miast: Krakowa, Lublina i "
    "Warszawy.",
]
DISCLAIMERS = [
    "Projekt „Lokalne Międzysektorowe Polityki na rzecz Integracji Imigrantów” jest "
    "współfinansowany przez Szwajcarię w ramach szwajcarskiego programu współpracy z nowymi "
    "krajami członkowskimi Unii Europejskiej.",
    "Projekt „Lokalne polityki migracyjne – międzynarodowa wymiana doświadczeń w zarządzaniu "
    "migracjami w miastach” jest współfinansowany ze środków Unii Europejskiej w ramach "
    "Europejskiego Funduszu na rzecz Integracji Obywateli Państw Trzecich oraz budżetu "
    "państwa. Wyłączna odpowiedzialność spoczywa na autorze. Komisja Europejska nie ponosi "
    "odpowiedzialności za sposób wykorzystania udostępnionych informacji.",
]


def paragraph(text):
    return ("rich_text", RichText(f"<p>{text}</p>"))


def funding_notice(org, name, disclaimer):
    return FundingNotice.objects.create(
        site=org.site, locale=locale_for("pl"), name=name, disclaimer=f"<p>{disclaimer}</p>"
    )


@pytest.fixture
def forum_announcement(org_a):
    body = [
        *(paragraph(text) for text in PARAGRAPHS),
        *(
            ("quote", {"text": text, "attribution": name, "role": role})
            for text, name, role in QUOTES
        ),
        *(paragraph(text) for text in MORE),
        (
            "partner_strip",
            {
                "role": Role.HONORARY_PATRONAGE,
                "custom_heading": "",
                "partners": [make_partner(org_a, "Prezydent Miasta Lublin")],
                "show_details": False,
            },
        ),
        (
            "call_to_action",
            {
                "text": "www.PolitykiMigracyjne.pl",
                "page": None,
                "external_url": "http://www.politykimigracyjne.pl/",
                "style": "secondary",
            },
        ),
        ("funding_notice", {"notice": funding_notice(org_a, "Szwajcaria", DISCLAIMERS[0])}),
        ("funding_notice", {"notice": funding_notice(org_a, "EFI", DISCLAIMERS[1])}),
    ]
    return add_article(
        news_index(org_a),
        TITLE,
        "2014-03-20",
        slug="forum-w-lublinie",
        intro=LEAD,
        body=body,
    )


def plain(html):
    """The text a person reads, whitespace collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def test_every_sentence_of_the_announcement_reaches_the_visitor(org_a, forum_announcement):
    response = visit(org_a, forum_announcement.url)
    text = plain(response.content.decode())

    assert response.status_code == 200
    for sentence in [TITLE, LEAD, *PARAGRAPHS, *MORE, *DISCLAIMERS]:
        assert plain(sentence) in text
    for quote, name, role in QUOTES:
        assert quote in text
        assert name in text
        assert role in text
    assert "Patronat honorowy" in text
    assert "Prezydent Miasta Lublin" in text
    assert "www.PolitykiMigracyjne.pl" in text


def test_the_announcement_is_built_without_raw_html(forum_announcement):
    block_types = [block.block_type for block in forum_announcement.body]

    assert "html" not in block_types
    assert set(block_types) == {
        "rich_text",
        "quote",
        "partner_strip",
        "call_to_action",
        "funding_notice",
    }


def test_the_pdf_carries_the_quotes_and_both_disclaimers(org_a, forum_announcement):
    response = visit(org_a, forum_announcement.url + "pdf/")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    text = re.sub(r"\s+", " ", text)

    assert TITLE in text
    assert "Witek Hebanowski" in text
    assert "Szwajcarię" in text
    assert "Komisja Europejska nie ponosi" in text

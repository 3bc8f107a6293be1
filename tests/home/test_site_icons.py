"""Favicon and app icons drawn from the organization's logo, and the frame's head links
(organizations.icons, home.views.favicon)."""

import io

from PIL import Image

from core.colours import colour_roles
from tests.home.helpers import LOGO_RED, make_logo
from tests.utils import text_of, visit


def image_of(response):
    return Image.open(io.BytesIO(response.content))


def hex_of(rgb):
    return "#" + "".join(f"{c:02x}" for c in rgb[:3])


def test_favicon_ico_is_an_icon_even_without_a_logo(org_a):
    response = visit(org_a, "/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age" in response["Cache-Control"]
    icon = image_of(response)
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


def test_without_a_logo_the_icon_is_the_initials_on_the_primary_colour(org_a):
    org_a.primary_colour = "#2f5d3a"
    org_a.save()

    icon = image_of(visit(org_a, "/icon-180.png")).convert("RGB")

    assert icon.size == (180, 180)
    assert hex_of(icon.getpixel((2, 2))) == colour_roles("#2f5d3a")["primary"]
    # Letters in the text colour on primary somewhere in the middle.
    middle = icon.crop((40, 40, 140, 140))
    assert (255, 255, 255) in {pixel for _count, pixel in middle.getcolors(100_000)}


def test_with_a_logo_the_icons_are_the_logo_on_white(org_a):
    make_logo(org_a)

    apple = image_of(visit(org_a, "/apple-touch-icon.png")).convert("RGB")
    assert apple.size == (180, 180)
    assert apple.getpixel((90, 90)) == LOGO_RED
    assert apple.getpixel((90, 5)) == (255, 255, 255)  # the wide logo leaves room above
    favicon = image_of(visit(org_a, "/favicon.ico")).convert("RGB")
    assert favicon.getpixel((favicon.width // 2, favicon.height // 2)) == LOGO_RED


def test_each_organization_gets_its_own_icon(org_a, org_b):
    make_logo(org_a)

    alfa = image_of(visit(org_a, "/icon-32.png")).convert("RGB")
    beta = image_of(visit(org_b, "/icon-32.png")).convert("RGB")

    assert alfa.getpixel((16, 16)) == LOGO_RED
    assert beta.getpixel((16, 16)) != LOGO_RED


def test_only_the_listed_icon_sizes_are_drawn(org_a):
    assert visit(org_a, "/icon-32.png").status_code == 200
    assert visit(org_a, "/icon-4000.png").status_code == 404


def test_every_page_links_its_icons_and_a_sharp_logo(org_a, page_a):
    make_logo(org_a)

    html = text_of(visit(org_a, "/pl/o-fundacji/"))
    head = html[: html.index("</head>")]

    assert '<link rel="icon" href="/icon-32.png?v=' in head
    assert 'sizes="32x32"' in head
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png?v=' in head
    header = html[html.index('<header class="site-header">') :]
    logo = header[header.index('<img class="brand-logo"') :]
    logo = logo[: logo.index(">")]
    assert 'height="48"' in logo
    assert " 1x, " in logo
    assert " 2x" in logo


def test_the_icons_change_address_when_the_logo_changes(org_a, page_a):
    def icon_link():
        html = text_of(visit(org_a, "/pl/o-fundacji/"))
        start = html.index('<link rel="icon" href="')
        return html[start : html.index(">", start)]

    before = icon_link()
    make_logo(org_a)

    assert icon_link() != before

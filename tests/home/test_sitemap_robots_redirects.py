"""What crawlers read (`/sitemap.xml`, `/robots.txt`) and the redirects an organization
moving from its old site keeps."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from organizations.models import locale_for
from tests.utils import add_content_page

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def get(org, path):
    return Client().get(path, HTTP_HOST=org.site.hostname)


def sitemap(org):
    response = get(org, "/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces=NS)
        }
        for url in root.findall("s:url", namespaces=NS)
    }


def translate(page, language, title):
    translation = page.copy_for_translation(locale_for(language))
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_sitemap_lists_the_organizations_pages_in_every_language(org_a, org_b, page_a, page_b):
    translate(page_a, "uk", "Про нас")

    urls = sitemap(org_a)

    assert "http://alfa.localhost/pl/" in urls
    assert "http://alfa.localhost/uk/" in urls
    assert "http://alfa.localhost/en/" in urls
    assert "http://alfa.localhost/pl/o-fundacji/" in urls
    uk_about = [
        url for url in urls if url.startswith("http://alfa.localhost/uk/") and "pro-nas" in url
    ]
    assert len(uk_about) == 1
    # A page not yet translated is listed once, at its own address only.
    assert not [url for url in urls if "/uk/o-fundacji/" in url or "/en/o-fundacji/" in url]
    assert urls["http://alfa.localhost/pl/o-fundacji/"] == {
        "pl": "http://alfa.localhost/pl/o-fundacji/",
        "uk": uk_about[0],
    }
    assert not [url for url in urls if "beta.localhost" in url]


def test_sitemap_leaves_out_drafts_and_private_pages(org_a):
    add_content_page(org_a, "Szkic", slug="szkic", publish=False)
    private = add_content_page(org_a, "Dla zarządu", slug="dla-zarzadu")
    private.view_restrictions.create(restriction_type="password", password="tajne")

    urls = sitemap(org_a)

    assert "http://alfa.localhost/pl/szkic/" not in urls
    assert "http://alfa.localhost/pl/dla-zarzadu/" not in urls


def test_sitemap_costs_the_same_queries_for_many_pages(org_a, django_assert_num_queries):
    for number in range(3):
        add_content_page(org_a, f"Strona {number}", slug=f"strona-{number}")
    get(org_a, "/sitemap.xml")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        get(org_a, "/sitemap.xml")
    for number in range(3, 15):
        add_content_page(org_a, f"Strona {number}", slug=f"strona-{number}")

    with django_assert_num_queries(len(few.captured_queries)):
        get(org_a, "/sitemap.xml")


def test_robots_txt_points_to_the_sites_own_sitemap(org_a, org_b):
    response = get(org_b, "/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /uk/poshuk/" in lines
    assert "Disallow: /pl/szukaj/" in lines
    assert "Disallow: /en/search/" not in lines  # Beta publishes in Polish and Ukrainian
    assert "Sitemap: http://beta.localhost/sitemap.xml" in lines


def test_old_address_redirects_on_its_own_site_only(org_a, org_b, page_a):
    Redirect.objects.create(
        site=org_a.site, old_path="/o-fundacji.html", redirect_page=page_a, is_permanent=True
    )

    response = get(org_a, "/o-fundacji.html")
    assert response.status_code == 301
    assert response["Location"].endswith("/pl/o-fundacji/")
    assert get(org_b, "/o-fundacji.html").status_code == 404

"""Every public page is valid HTML, as the Nu HTML Checker (the W3C validator) sees it:
each live page of the demo organizations in each of their languages (home, about, contact,
privacy policy, news, the forum report, events, the event with its registration form),
a page with one of every body block, search, a 404, and a registration form sent back
with its errors."""

import pytest
from django.test import Client
from wagtail.models import Page

from events.models import EventPage
from home.demo import DEMO_ORGANIZATIONS
from home.models import ContentPage
from organizations.models import OrganizationSettings
from pages.blocks import BodyBlock
from tests.utils import add_child_page, html_errors, visit


@pytest.fixture
def demo(demo_database, db):
    # One build of the demo with real commits, as under `make run` (tests/conftest.py).
    return list(
        OrganizationSettings.objects.filter(
            slug__in=[definition["slug"] for definition in DEMO_ORGANIZATIONS]
        ).select_related("site")
    )


def live_pages(org):
    for root in org.root_pages():
        yield from Page.objects.live().public().descendant_of(root, inclusive=True).specific()


def every_block_page(org):
    body = [(name, block.get_preview_value()) for name, block in BodyBlock().child_blocks.items()]
    page = ContentPage(title="Każdy blok", slug="kazdy-blok", intro="Wszystkie bloki.", body=body)
    return add_child_page(org.site.root_page, page)


def test_every_public_page_is_valid_html(demo):
    documents = {}

    def fetch(org, path, expected=200, method="get", **data):
        response = (
            visit(org, path)
            if method == "get"
            else Client().post(path, data, HTTP_HOST=org.site.hostname)
        )
        assert response.status_code == expected, f"{org.site.hostname}{path}"
        documents[f"{org.site.hostname}{path}"] = response.content.decode()

    for org in demo:
        for page in live_pages(org):
            fetch(org, page.get_url_parts()[2])
        fetch(org, every_block_page(org).get_url_parts()[2])
        fetch(org, "/pl/szukaj/?q=forum")
        fetch(org, "/uk/poshuk/?q=форум")
        fetch(org, "/pl/nie-ma-takiej-strony/", expected=404)
    event = EventPage.objects.live().filter(registration_mode="form").first()
    org = OrganizationSettings.for_page(event)
    fetch(org, event.get_url_parts()[2] + "register/", method="post", email="nie-adres")

    page_types = {type(page).__name__ for org in demo for page in live_pages(org)}
    assert {"HomePage", "ContentPage", "NewsIndexPage", "ArticlePage"} <= page_types
    assert {"EventIndexPage", "EventPage"} <= page_types
    assert len(documents) > 30
    assert html_errors(documents) == []


def test_the_checker_finds_errors():
    """The check above can fail: the checker reports what is wrong, and where."""
    broken = '<!DOCTYPE html><html lang="pl"><head><title>x</title></head><body><p><div>x</div></p><img src="a.png"></body></html>'

    errors = html_errors({"broken": broken})

    assert any(error.startswith("broken:1: No “p” element in scope") for error in errors)
    assert any("“img” element must have an “alt” attribute" in error for error in errors)

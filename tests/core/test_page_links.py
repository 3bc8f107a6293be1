"""Links to pages in a page's body lead where Wagtail's own links lead: to the linked
page's translation in the page's language where it has a live one, else to the page."""

import re

import pytest

from tests.utils import add_content_page, text_of, translate_page, visit

pytestmark = pytest.mark.django_db


def hrefs(response, text):
    return re.findall(rf'<a href="([^"]+)"[^>]*>\s*{text}', text_of(response))


def test_links_and_buttons_lead_to_the_translation_in_the_pages_language(org_a):
    translated = add_content_page(org_a, "Biuro", slug="biuro")
    its_translation = translate_page(translated, "uk", title="Офіс")
    untranslated = add_content_page(org_a, "Statut", slug="statut")
    page = add_content_page(
        org_a,
        "Odnośniki",
        slug="odnosniki",
        body=[
            {
                "type": "rich_text",
                "value": f'<p><a linktype="page" id="{translated.pk}">biuro</a> i '
                f'<a linktype="page" id="{untranslated.pk}">statut</a></p>',
            },
            {"type": "call_to_action", "value": {"text": "Napisz", "page": translated.pk}},
        ],
    )
    ukrainian = translate_page(page, "uk")

    polish = visit(org_a, page.url)
    in_ukrainian = visit(org_a, ukrainian.url)

    assert hrefs(polish, "biuro") == [translated.url]
    assert hrefs(polish, "statut") == [untranslated.url]
    assert hrefs(in_ukrainian, "biuro") == [its_translation.url]
    assert hrefs(in_ukrainian, "statut") == [untranslated.url]
    button = text_of(in_ukrainian).split("Napisz")[0].rsplit("<a", 1)[1]
    assert its_translation.url.removeprefix("http://alfa.localhost") in button


def test_a_link_to_a_page_made_afterwards_is_found_in_the_next_request(org_a):
    page = add_content_page(org_a, "Odnośniki", slug="odnosniki")
    visit(org_a, page.url)
    target = add_content_page(org_a, "Nowa", slug="nowa")
    page.body = [("rich_text", f'<p><a linktype="page" id="{target.pk}">nowa</a></p>')]
    page.save_revision().publish()

    assert hrefs(visit(org_a, page.url), "nowa") == [target.url]

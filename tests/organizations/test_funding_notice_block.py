"""A page's funding notice block takes one of the organization's own funding notices only.

The chooser offers only one's own, but a crafted POST can name any notice by its id; the
block refuses another organization's as the event blocks refuse its events, with the error
on the block, and what was typed stays in the form.
"""

import pytest
from wagtail.test.utils.form_data import rich_text

from organizations.forms import NOT_OWN_SNIPPET
from tests.home.helpers import body_errors, edit, make_notice, page_state

pytestmark = pytest.mark.django_db


def test_another_organizations_funding_notice_in_a_page_is_refused(client, editor_a, page_a, org_b):
    before = page_state(page_a)
    notice_b = make_notice(org_b, "FAMI Beta")

    response = edit(
        client,
        editor_a,
        page_a,
        ("rich_text", rich_text("<p>Projekt dofinansowany</p>")),
        ("funding_notice", {"notice": notice_b.pk}),
    )

    assert response.status_code == 200
    assert body_errors(response) == ([str(NOT_OWN_SNIPPET)], [1])
    assert page_state(page_a) == before
    # What was typed is offered again, with the error beside the block.
    body = response.context["form"]["body"].value()
    assert [child.block_type for child in body] == ["rich_text", "funding_notice"]
    assert "Projekt dofinansowany" in body[0].value.source
    assert body[1].value["notice"] == notice_b
    html = response.content.decode()
    assert "Projekt dofinansowany" in html


def test_own_funding_notice_in_a_page_is_accepted(client, editor_a, page_a, org_a):
    notice_a = make_notice(org_a, "FAMI Alfa")

    response = edit(client, editor_a, page_a, ("funding_notice", {"notice": notice_a.pk}))

    assert response.status_code == 302
    assert page_state(page_a)["body"][0]["value"]["notice"] == notice_a.pk

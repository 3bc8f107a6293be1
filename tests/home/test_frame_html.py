"""The frame (header with its phone disclosure, icons, footer, error pages) is valid HTML
as the Nu HTML Checker sees it, with and without a logo."""

from home.views import server_error
from organizations.branding import store_branding
from tests.home.helpers import make_logo
from tests.utils import html_errors, text_of, visit


def test_the_frame_and_the_error_pages_are_valid_html(org_a, org_b, page_a, rf):
    make_logo(org_a)
    store_branding(org_a)
    documents = {
        "content page with a logo": text_of(visit(org_a, "/pl/o-fundacji/")),
        "home without a logo": text_of(visit(org_b, "/uk/")),
        "404": text_of(visit(org_a, "/en/nie-ma/")),
        "500": server_error(rf.get("/pl/", HTTP_HOST=org_a.site.hostname)).content.decode(),
    }

    assert html_errors(documents) == []
    # Positive control: the checker does report a broken frame.
    broken = documents["404"].replace("</summary>", "", 1)
    assert html_errors({"broken": broken}) != []

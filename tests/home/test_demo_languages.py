"""Everything a visitor reads under /uk/ is Ukrainian, or marked as the Polish it is: every
live Ukrainian page of the demo organizations, read as a visitor gets it."""

import pytest
from wagtail.models import Page

from home.demo import DEMO_ORGANIZATIONS
from organizations.models import OrganizationSettings
from tests.utils import unmarked_polish, visit

pytestmark = pytest.mark.django_db


def test_the_checker_finds_polish_outside_lang_pl():
    html = (
        '<main><p>Новини</p><p lang="pl">Aktualności <b>ważne</b></p>'
        '<p>Źródło</p><img alt="Zdjęcie"><script>var x = "ą";</script></main>'
    )

    assert unmarked_polish(html) == ["Źródło", "<img alt='Zdjęcie'>"]


def test_every_demo_ukrainian_page_is_ukrainian_or_marked_polish(demo_database):
    found = {}
    pages = 0
    for definition in DEMO_ORGANIZATIONS:
        org = OrganizationSettings.objects.select_related("site").get(slug=definition["slug"])
        root = org.root_pages().get(locale__language_code="uk")
        for page in Page.objects.live().public().descendant_of(root, inclusive=True):
            path = page.get_url_parts()[2]
            response = visit(org, path)
            assert response.status_code == 200, path
            pages += 1
            polish = unmarked_polish(response.content.decode())
            if polish:
                found[f"{org.site.hostname}{path}"] = polish

    assert pages >= 12
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())

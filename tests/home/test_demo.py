"""`manage.py demo`: the demo organizations a newcomer gets from `make run`."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Site

from home.demo import DEMO_ORGANIZATIONS
from home.models import ContentPage, HomePage
from organizations.models import OrganizationSettings

# wagtail-localize publishes translations when a transaction commits: real commits,
# and the tree roots that Wagtail's migrations create restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_demo():
    out = StringIO()
    call_command("demo", "--port", "8123", stdout=out)
    return out.getvalue()


def test_demo_builds_organizations_on_their_own_hostnames_and_prints_logins():
    output = run_demo()

    assert len(DEMO_ORGANIZATIONS) >= 2
    for definition in DEMO_ORGANIZATIONS:
        site = Site.objects.get(hostname=definition["hostname"])
        org = OrganizationSettings.objects.get(site=site)
        assert org.logo is not None
        assert org.privacy_policy_page is not None
        home = site.root_page.specific
        translations = HomePage.objects.filter(translation_key=home.translation_key).live()
        assert sorted(translations.values_list("locale__language_code", flat=True)) == sorted(
            definition["languages"]
        )
        for translated_home in translations:
            menu = translated_home.get_children().live().in_menu()
            assert menu.count() == 4  # news, events, about us, contact
        assert f"http://{definition['hostname']}:8123/" in output
        assert f"{definition['slug']}-editor / " in output
        assert f"{definition['slug']}-registration / " in output
    assert "admin / " in output

    # The standard pages create_organization made are filled in and published, not doubled,
    # and their translations went through wagtail-localize with the translated text.
    about_uk = ContentPage.objects.get(
        slug="pro-nas", locale__language_code="uk", url_path__startswith="/m6"
    )
    assert about_uk.title == "Про нас"
    assert about_uk.live
    assert "Ми працюємо з людьми з досвідом міграції" in str(about_uk.body)
    assert "Наша місія" in str(about_uk.body)
    for page in ContentPage.objects.filter(url_path__startswith="/m6"):
        assert page.live
        assert "[" not in str(page.body), f"{page.title} keeps a placeholder"
    for definition in DEMO_ORGANIZATIONS:
        polish = ContentPage.objects.filter(url_path__startswith=f"/{definition['slug']}/")
        assert polish.filter(slug__startswith="o-nas").count() == 1
    m6 = OrganizationSettings.objects.get(slug="m6")
    with translation.override("uk"):
        assert m6.published_privacy_policy().slug == "polityka-konfidentsiinosti"


def test_a_second_run_keeps_the_content():
    run_demo()
    about = ContentPage.objects.filter(slug="o-nas", locale__language_code="pl").first()
    about.title = "O nas – zmienione"
    about.save_revision().publish()
    pages = Page.objects.count()

    output = run_demo()

    assert "already exists; kept as it is" in output
    assert Page.objects.count() == pages
    about.refresh_from_db()
    assert about.title == "O nas – zmienione"

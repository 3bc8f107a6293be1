"""create_organization makes the about, contact and privacy policy pages as drafts in each
of the organization's languages; nothing of them shows until the staff publish them."""

import pytest
from django.urls import reverse
from django.utils import translation

from home.models import ContentPage
from organizations.models import OrganizationSettings
from organizations.standard_pages import ABOUT, CONTACT, PRIVACY_POLICY, STANDARD_PAGES
from tests.utils import create_organization_command as run

pytestmark = pytest.mark.django_db


def standard_page(org, spec, language="pl"):
    polish = ContentPage.objects.child_of(org.site.root_page).get(slug=spec.slug)
    if language == "pl":
        return polish
    return ContentPage.objects.get(
        translation_key=polish.translation_key, locale__language_code=language
    )


def publish(page):
    page.get_latest_revision().publish()
    page.refresh_from_db()


def footer(response):
    html = response.content.decode()
    return html[html.index("<footer") :]


def menu(response):
    html = response.content.decode()
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


def run_again(org, *languages):
    """create_organization for the organization again; its own languages unless told."""
    options = ["--languages", ",".join(languages)] if languages else []
    return run("--name", org.name, "--slug", org.slug, "--hostname", org.site.hostname, *options)


def test_each_language_gets_the_three_pages_as_drafts_with_their_own_titles_and_slugs(org_a):
    for spec in STANDARD_PAGES:
        polish = standard_page(org_a, spec)
        assert not polish.live
        assert polish.title == spec.title
        assert polish.intro == spec.intro
        assert polish.show_in_menus == spec.show_in_menus
        assert [block.block_type for block in polish.body] == [kind for kind, _t in spec.body]
        for language in ("uk", "en"):
            translation = standard_page(org_a, spec, language)
            assert not translation.live
            assert translation.title == spec.translations[spec.title][language]
            assert translation.slug == spec.translations[spec.slug][language]
            assert translation.intro == spec.translations[spec.intro][language]

    ukrainian_body = str(standard_page(org_a, PRIVACY_POLICY, "uk").body)
    assert "Ваші права" in ukrainian_body
    assert "Управління захисту персональних даних" in ukrainian_body
    # Nothing left in Polish in a translation made from the known texts.
    assert "Twoje prawa" not in ukrainian_body
    # The privacy policy setting points at the page already; it links once published.
    assert org_a.privacy_policy_page_id == standard_page(org_a, PRIVACY_POLICY).pk


def test_drafts_show_nowhere_until_the_staff_publish_them(client, org_a):
    host = {"HTTP_HOST": org_a.site.hostname}
    about = standard_page(org_a, ABOUT)

    assert client.get("/pl/o-nas/", **host).status_code == 404
    home = client.get("/pl/", **host)
    assert "O nas" not in menu(home)
    assert "polityka-prywatnosci" not in footer(home)
    assert "o-nas" not in client.get("/sitemap.xml", **host).content.decode()

    publish(about)
    publish(standard_page(org_a, PRIVACY_POLICY))

    page = client.get("/pl/o-nas/", **host)
    assert page.status_code == 200
    assert "Nasza misja" in page.content.decode()
    home = client.get("/pl/", **host)
    assert 'href="/pl/o-nas/"' in menu(home)
    assert 'href="/pl/polityka-prywatnosci/"' in footer(home)
    # Not yet in Ukrainian: the footer there links the Polish policy until it is.
    ukrainian_home = client.get("/uk/", **host)
    assert 'href="/pl/polityka-prywatnosci/"' in footer(ukrainian_home)
    assert "Про нас" not in menu(ukrainian_home)

    publish(standard_page(org_a, PRIVACY_POLICY, "uk"))

    assert 'href="/uk/polityka-konfidentsiinosti/"' in footer(client.get("/uk/", **host))


def test_the_organizations_editors_may_edit_them_and_the_other_organizations_may_not(
    client, org_a, editor_a, editor_b
):
    edit = reverse("wagtailadmin_pages:edit", args=[standard_page(org_a, CONTACT, "uk").pk])

    client.force_login(editor_a)
    assert client.get(edit).status_code == 200
    client.force_login(editor_b)
    assert client.get(edit).status_code in (302, 403)


def test_running_again_brings_back_a_deleted_page_as_a_draft_and_says_so(org_b):
    standard_page(org_b, ABOUT).get_translations(inclusive=True).delete()
    contact = standard_page(org_b, CONTACT)
    publish(contact)

    output = run_again(org_b)

    assert "created the draft page 'O nas' in pl, uk" in output
    about = standard_page(org_b, ABOUT)
    assert not about.live
    assert not standard_page(org_b, ABOUT, "uk").live
    # The other pages are left as the staff have them.
    assert "Kontakt" not in output
    contact.refresh_from_db()
    assert contact.live
    children = ContentPage.objects.child_of(org_b.site.root_page)
    assert children.filter(slug__startswith="kontakt").count() == 1
    assert "nothing changed" in run_again(org_b)


def test_a_new_language_gets_draft_translations_even_of_a_published_page(
    org_b, django_capture_on_commit_callbacks
):
    contact = standard_page(org_b, CONTACT)
    publish(contact)

    with django_capture_on_commit_callbacks(execute=True):
        output = run_again(org_b, "pl", "uk", "en")

    assert "created the draft page 'Kontakt' in en" in output
    english = standard_page(org_b, CONTACT, "en")
    assert english.title == "Contact"
    assert not english.live
    assert standard_page(org_b, PRIVACY_POLICY, "en").slug == "privacy-policy"


def test_a_privacy_policy_page_chosen_by_the_staff_is_kept(org_b):
    own = standard_page(org_b, ABOUT)
    org_b.privacy_policy_page = own
    org_b.save()
    standard_page(org_b, PRIVACY_POLICY).get_translations(inclusive=True).delete()

    run_again(org_b)

    assert OrganizationSettings.objects.get(pk=org_b.pk).privacy_policy_page_id == own.pk


def test_registration_consent_links_the_policy_only_once_published(rf, org_a):
    from events.views import privacy_policy_url

    with translation.override("pl"):
        assert privacy_policy_url(rf.get("/pl/", HTTP_HOST=org_a.site.hostname)) is None

        publish(standard_page(org_a, PRIVACY_POLICY))

        request = rf.get("/pl/", HTTP_HOST=org_a.site.hostname)
        assert privacy_policy_url(request).endswith("/pl/polityka-prywatnosci/")

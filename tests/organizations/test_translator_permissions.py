"""Translators per language: a translator into Ukrainian translates the organization's pages
and snippets into Ukrainian, and does nothing else.

Generated: every action × every page of two organizations in every language, through the
admin as a person would, refused with nothing changed unless it is translating; the same
requests made by an editor of the organization succeed (the positive control: a refusal
below is the permission, not a malformed request).
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from organizations.models import FundingNotice, OrganizationSettings
from organizations.owned import may
from organizations.page_permissions import OrganizationPagePermissionTester
from tests.home.helpers import assert_refused, login
from tests.news.helpers import make_category
from tests.partners.helpers import make_partner
from tests.utils import add_content_page, built_for_module, make_staff

pytestmark = pytest.mark.django_db

ORGANIZATIONS = ["a", "b"]
LANGUAGES = ["pl", "uk", "en"]
TARGETS = [(org, language) for org in ORGANIZATIONS for language in LANGUAGES]
ACTIONS = ["edit", "publish", "lock", "unpublish", "delete", "move", "copy", "add"]
# What a translator into Ukrainian of organization "a" may do: translate its Ukrainian pages.
TRANSLATOR_MAY = {(action, ("a", "uk")) for action in ("edit", "publish", "lock")}


def translate_fully(page, locale):
    """The page's translation into `locale`, every segment translated, published."""
    TranslationCreator(None, [locale]).create_translations(page)
    translation = page.get_translation(locale)
    source = translation_source(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"[{locale.language_code}] {segment.string.data}"},
        )
    return translation


def translation_source(page):
    return TranslationSource.objects.get(object_id=page.translation_key)


@pytest.fixture(scope="module")
def page_ids(django_db_setup, django_db_blocker):
    """For each organization: a page and a second page (where pages are moved to), in
    Polish and translated into Ukrainian and English; made once for the module, with real
    commits (wagtail-localize does its work when they happen)."""
    with built_for_module(django_db_blocker):
        with django_db_blocker.unblock():
            found = {}
            for key, slug in (("a", "alfa"), ("b", "beta")):
                org = OrganizationSettings.objects.get(slug=slug)
                page = add_content_page(org, f"Warsztaty {key}", intro="Zapraszamy na warsztaty.")
                other = add_content_page(org, f"Kontakt {key}")
                found[key, "pl"] = page
                found[key, "pl", "other"] = other
                for language in ("uk", "en"):
                    locale = Locale.objects.get(language_code=language)
                    found[key, language] = translate_fully(page, locale)
                    found[key, language, "other"] = translate_fully(other, locale)
            for key, page in found.items():
                if key[1] != "pl":
                    page.save_revision().publish()
        yield {key: page.pk for key, page in found.items()}


@pytest.fixture
def pages(db, page_ids):
    return {key: Page.objects.get(pk=pk).specific for key, pk in page_ids.items()}


def state():
    """What the actions below could change, of every page."""
    return {
        page.pk: (page.title, page.live, page.path, page.locked, page.latest_revision_id)
        for page in Page.objects.order_by("pk")
    }


def act(client, action, page, pages):
    if action == "edit":
        return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if action == "publish":
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
    if action == "lock":
        return client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    if action == "unpublish":
        return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    if action == "delete":
        return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    destination = pages[language_key(page, pages) + ("other",)]
    if action == "move":
        return client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
        )
    if action == "copy":
        return client.post(
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {
                "new_title": "Kopia",
                "new_slug": "kopia",
                "new_parent_page": destination.pk,
                "publish_copies": "on",
            },
        )
    if action == "add":
        # Under the page's parent (the home page in its language), where pages may be added.
        return client.get(reverse("wagtailadmin_pages:add_subpage", args=[page.get_parent().pk]))
    raise AssertionError(action)


def language_key(page, pages):
    return next(key for key, found in pages.items() if found.pk == page.pk and len(key) == 2)


def assert_done(action, response, page, before):
    """The action took effect (the positive control's and the translator's own)."""
    after = Page.objects.get(pk=page.pk) if Page.objects.filter(pk=page.pk).exists() else None
    if action == "edit":
        assert response.status_code == 200
    elif action == "publish":
        assert response.status_code == 302
        assert after.latest_revision_id != before[page.pk][4]
    elif action == "lock":
        assert after.locked
    elif action == "unpublish":
        assert not after.live
    elif action == "delete":
        assert after is None
    elif action == "move":
        assert after.path != before[page.pk][2]
    elif action == "copy":
        assert Page.objects.filter(slug="kopia", locale=page.locale).count() == 1
    elif action == "add":
        assert response.status_code == 200


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: "-".join(target))
@pytest.mark.parametrize("action", ACTIONS)
def test_a_translator_translates_into_their_language_and_does_nothing_else(
    client, org_a, pages, action, target
):
    translator = make_staff(org_a, "translators", language="uk")
    page = pages[target]
    before = state()

    response = act(login(client, translator), action, page, pages)

    if (action, target) in TRANSLATOR_MAY:
        assert_done(action, response, page, before)
    else:
        assert_refused(response)
        assert state() == before


# The original is published from Wagtail's page editor, with its whole form, not from a
# translation's editor: that one request is not a positive control for it.
EDITOR_CASES = [
    (action, language)
    for action in ACTIONS
    for language in LANGUAGES
    if (action, language) != ("publish", "pl")
]


@pytest.mark.parametrize(("action", "language"), EDITOR_CASES)
def test_an_editor_does_each_of_these_on_their_organizations_pages(
    client, org_a, pages, action, language
):
    """The positive control of the matrix above."""
    editor = make_staff(org_a, "editors")
    page = pages["a", language]
    before = state()

    response = act(login(client, editor), action, page, pages)

    assert_done(action, response, page, before)


@pytest.mark.parametrize("language", ["uk", "en", "pl"])
def test_the_translator_of_a_language_may_only_translate_into_it(org_a, pages, language):
    translator = make_staff(org_a, "translators", language=language)
    for (org, page_language, *other), page in pages.items():
        permissions = page.permissions_for_user(translator)
        assert isinstance(permissions, OrganizationPagePermissionTester)
        translating = org == "a" and page_language == language and page_language != "pl"
        assert permissions.can_edit() is translating, (org, page_language, other)
        assert permissions.can_publish() is translating
        assert not permissions.can_unpublish()
        assert not permissions.can_delete()
        assert not permissions.can_move()
        assert not permissions.can_copy()
        assert not permissions.can_add_subpage()
        # Every page of their organization can be seen (to translate from).
        assert ("view" in permissions.permissions) is (org == "a")


def test_a_translator_who_is_also_an_editor_keeps_what_editing_gives(org_a, pages):
    user = make_staff(org_a, "translators", language="uk")
    user.groups.add(make_staff(org_a, "editors").groups.get())
    for language in LANGUAGES:
        permissions = pages["a", language].permissions_for_user(user)
        assert permissions.can_edit()
        assert permissions.can_delete()


def test_the_explorer_shows_a_translator_every_language_of_their_organization_only(
    client, org_a, org_b, pages
):
    translator = make_staff(org_a, "translators", language="uk")
    login(client, translator)

    for (org, _language, *_other), page in pages.items():
        url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
        response = client.get(url, follow=True)
        assert response.status_code == 200
        if org == "a":
            assert response.redirect_chain == []
            assert page.title in response.content.decode()
        else:
            # Wagtail sends one to the part of the tree one may explore.
            assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore_root")
            assert page.title not in response.content.decode()


def translated_snippets(make, org_a, org_b):
    """A snippet of each organization in Polish, with its translations (copies made as
    wagtail-localize makes them: the same translation key, a later row)."""
    found = {}
    for key, org in (("a", org_a), ("b", org_b)):
        original = make(org)
        found[key, "pl"] = original
        for language in ("uk", "en"):
            translation = original.copy_for_translation(Locale.objects.get(language_code=language))
            translation.save()
            found[key, language] = translation
    return found


SNIPPET_MAKERS = {
    "partner": lambda org: make_partner(org, f"Partner {org.slug}"),
    "category": lambda org: make_category(org, f"Kategoria {org.slug}", slug=f"k-{org.slug}"),
    "funding notice": lambda org: FundingNotice.objects.create(
        site=org.site, locale=Locale.objects.get(language_code="pl"), name=f"Grant {org.slug}"
    ),
}


@pytest.mark.parametrize("model", SNIPPET_MAKERS)
@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_translator_changes_only_translations_into_their_language_of_own_snippets(
    org_a, org_b, model, language
):
    translator = make_staff(org_a, "translators", language=language)
    editor = make_staff(org_a, "editors")
    snippets = translated_snippets(SNIPPET_MAKERS[model], org_a, org_b)
    policy = policy_registry.get_by_type(type(snippets["a", "pl"]))

    for (org, snippet_language), snippet in snippets.items():
        translating = org == "a" and snippet_language == language
        assert may(translator, "change", snippet) is translating, (org, snippet_language)
        assert not may(translator, "delete", snippet)
        # The positive control: the organization's editor changes and deletes all of its own.
        assert may(editor, "change", snippet) is (org == "a")
        assert may(editor, "delete", snippet) is (org == "a")
    changeable = policy.instances_user_has_permission_for(translator, "change")
    assert set(changeable.filter(pk__in=[s.pk for s in snippets.values()])) == {
        snippets["a", language]
    }
    assert not policy.user_has_permission(translator, "add")

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
)

from home.models import HomePage
from organizations.models import OrganizationSettings
from tests.utils import M6
from tests.utils import create_organization_command as run

pytestmark = pytest.mark.django_db


def test_creates_site_home_collection_groups_and_settings(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = run(*M6, "--languages", "pl,uk,en")

    assert "Created Fundacja Studio M6 on m6.localhost" in output
    site = Site.objects.get(hostname="m6.localhost")
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "pl"
    assert home.live
    translations = HomePage.objects.filter(translation_key=home.translation_key)
    assert sorted(translations.values_list("locale__language_code", flat=True)) == [
        "en",
        "pl",
        "uk",
    ]
    assert all(page.live for page in translations)

    settings = OrganizationSettings.objects.get(site=site)
    assert settings.name == "Fundacja Studio M6"
    assert settings.slug == "m6"
    assert settings.languages == ["pl", "uk", "en"]
    assert settings.collection == Collection.objects.get(name="Fundacja Studio M6")

    for name in ("editors", "moderators", "translators (uk)"):
        group = Group.objects.get(name=f"Fundacja Studio M6 {name}")
        page_ids = set(
            GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)
        )
        assert page_ids == set(translations.values_list("pk", flat=True))
        assert set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection__name", flat=True
            )
        ) == {"Fundacja Studio M6"}
        assert group.permissions.filter(codename="access_admin").exists()
    assert GroupSitePermission.objects.filter(
        group__name="Fundacja Studio M6 editors", site=site
    ).exists()
    # Translators do not edit the settings; of the site they only read what visitors search for.
    assert set(
        GroupSitePermission.objects.filter(
            group__name__startswith="Fundacja Studio M6 translators"
        ).values_list("permission__codename", flat=True)
    ) == {"view_searchtermday"}

    # Seeing who registered for its events is a group of its own, not part of editing them.
    registrations = Group.objects.get(name="Fundacja Studio M6 registrations")
    assert list(registrations.permissions.values_list("codename", flat=True)) == ["access_admin"]
    assert list(
        GroupSitePermission.objects.filter(group=registrations).values_list(
            "site", "permission__content_type__app_label", "permission__codename"
        )
    ) == [(site.pk, "events", "view_registration")]
    assert not GroupPagePermission.objects.filter(group=registrations).exists()
    assert not GroupCollectionPermission.objects.filter(group=registrations).exists()
    assert not GroupSitePermission.objects.filter(
        group__name__in=[f"Fundacja Studio M6 {role}" for role in ("editors", "translators (uk)")],
        permission__codename="view_registration",
    ).exists()
    assert sorted(
        Group.objects.filter(name__startswith="Fundacja Studio M6 ").values_list("name", flat=True)
    ) == [
        "Fundacja Studio M6 editors",
        "Fundacja Studio M6 moderators",
        "Fundacja Studio M6 registrations",
        "Fundacja Studio M6 translators (en)",
        "Fundacja Studio M6 translators (pl)",
        "Fundacja Studio M6 translators (uk)",
    ]


def test_translators_change_their_own_languages_tree_and_only_view_the_others(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6)
    site = Site.objects.get(hostname="m6.localhost")

    def held(group_name):
        return {
            (page_language, codename)
            for page_language, codename in GroupPagePermission.objects.filter(
                group__name=group_name
            ).values_list("page__locale__language_code", "permission__codename")
        }

    assert held("Fundacja Studio M6 translators (uk)") == {
        ("uk", "change_page"),
        ("uk", "publish_page"),
        ("uk", "lock_page"),
        ("uk", "view_page"),
        ("pl", "view_page"),
        ("en", "view_page"),
    }
    assert held("Fundacja Studio M6 translators (en)") == {
        ("en", "change_page"),
        ("en", "publish_page"),
        ("en", "lock_page"),
        ("en", "view_page"),
        ("pl", "view_page"),
        ("uk", "view_page"),
    }
    # Each group records its role and language, whatever it is renamed to.
    roles = {
        (group.organization_role.role, group.organization_role.language)
        for group in Group.objects.filter(organization_role__site=site)
    }
    assert ("translators", "uk") in roles
    assert ("editors", "") in roles
    assert len(roles) == 6


def test_running_again_changes_nothing_and_says_so(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    counts = (Page.objects.count(), Site.objects.count(), Group.objects.count())

    output = run(*M6, "--languages", "pl,uk")

    assert "already exists on m6.localhost; nothing changed" in output
    assert (Page.objects.count(), Site.objects.count(), Group.objects.count()) == counts


def test_without_languages_a_new_organization_gets_all_and_an_existing_one_keeps_its_own(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
        run("--name", "Fundacja Nowa", "--slug", "nowa", "--hostname", "nowa.localhost")

    output = run(*M6)

    assert "nothing changed" in output
    assert OrganizationSettings.objects.get(slug="m6").languages == ["pl", "uk"]
    assert OrganizationSettings.objects.get(slug="nowa").languages == ["pl", "uk", "en"]


def test_running_again_adds_the_registrations_group_an_older_organization_lacks(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    Group.objects.filter(name="Fundacja Studio M6 registrations").delete()

    output = run(*M6, "--languages", "pl,uk")

    assert "created the group Fundacja Studio M6 registrations" in output
    group = Group.objects.get(name="Fundacja Studio M6 registrations")
    assert GroupSitePermission.objects.filter(
        group=group, site__hostname="m6.localhost", permission__codename="view_registration"
    ).exists()
    assert "nothing changed" in run(*M6, "--languages", "pl,uk")


def test_running_again_with_a_new_language_adds_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6, "--languages", "pl,uk")
    with django_capture_on_commit_callbacks(execute=True):
        output = run(*M6, "--languages", "pl,uk,en")

    assert "added language(s) en" in output
    settings = OrganizationSettings.objects.get(slug="m6")
    assert settings.languages == ["pl", "uk", "en"]
    english_home = HomePage.objects.get(
        translation_key=settings.site.root_page.translation_key, locale__language_code="en"
    )
    # The organization's groups may edit the new translation like the original.
    assert GroupPagePermission.objects.filter(
        group__name="Fundacja Studio M6 editors", page=english_home
    ).exists()


def test_hostname_taken_is_a_clear_error_and_leaves_nothing_behind(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6)
    before = (
        Page.objects.count(),
        Site.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
    )

    with pytest.raises(CommandError, match="hostname m6.localhost is already used"):
        run("--name", "Inna Przestrzeń", "--slug", "inna", "--hostname", "m6.localhost")

    after = (
        Page.objects.count(),
        Site.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
    )
    assert after == before
    assert not OrganizationSettings.objects.filter(slug="inna").exists()


def test_unknown_language_is_a_clear_error_and_creates_nothing():
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="Unknown language"):
        run(*M6, "--languages", "pl,de")
    assert not Site.objects.filter(hostname="m6.localhost").exists()
    assert not Group.objects.filter(name__startswith="Fundacja Studio M6").exists()
    assert Page.objects.count() == pages


def test_default_language_is_required():
    with pytest.raises(CommandError, match="default language 'pl'"):
        run(*M6, "--languages", "uk,en")
    assert not Site.objects.filter(hostname="m6.localhost").exists()


def test_same_slug_with_another_name_is_refused(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(*M6)
    with pytest.raises(CommandError, match="belongs to 'Fundacja Studio M6'"):
        run("--name", "Other", "--slug", "m6", "--hostname", "other.localhost")


def test_failure_midway_rolls_back_everything(monkeypatch):
    from organizations import provisioning as organizations

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(organizations, "_add_missing_translations", explode)
    pages = Page.objects.count()
    with pytest.raises(RuntimeError):
        run(*M6)
    assert not Site.objects.filter(hostname="m6.localhost").exists()
    assert not Group.objects.filter(name__startswith="Fundacja Studio M6").exists()
    assert Page.objects.count() == pages
    assert not Collection.objects.filter(name="Fundacja Studio M6").exists()

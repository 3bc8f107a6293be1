"""Which organizations a user may act for, and in which role: the one place that says it.

An organization's staff belong to its groups (`<Organization> editors`, `… moderators`,
`… translators (uk)` and one translators group per language, `… registrations`;
organizations.provisioning makes them and records each one's role and language in
OrganizationGroup). Those groups hold page permissions on the organization's home page in
every language, which are the roots of everything its staff may see in the admin, and site
permissions (its settings, its registrations) on the organization's site. Translators may
do only what translating takes (organizations.page_permissions for pages, the owned
snippets' policy for snippets). Superusers act for every organization.
"""

from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import GroupPagePermission, GroupSitePermission, Locale, Page, Site

from .roles import app_role_permissions


def organization_root_paths(user):
    """Tree paths of the pages the user's groups hold any permission on."""
    cache_name = "_organization_root_paths"
    if not hasattr(user, cache_name):
        paths = (
            GroupPagePermission.objects.filter(group__user=user)
            .values_list("page__path", flat=True)
            .distinct()
        )
        setattr(user, cache_name, sorted(set(paths)))
    return getattr(user, cache_name)


def within_own_organizations(user):
    """A Page filter: the user's organizations' pages (all pages for a superuser)."""
    if user.is_superuser:
        return Q()
    paths = organization_root_paths(user)
    if not paths:
        return Q(pk__in=[])
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return query


def can_reach_page(user, page):
    """Whether the user may see this page in the admin: inside their trees, or above them."""
    if user.is_superuser:
        return True
    return any(
        page.path.startswith(path) or path.startswith(page.path)
        for path in organization_root_paths(user)
    )


def own_pages(user, queryset=None):
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(within_own_organizations(user))


def user_site_ids(user):
    """Ids of the sites (organizations) whose pages the user's groups hold permissions on."""
    cache_name = "_organization_site_ids"
    if not hasattr(user, cache_name):
        paths = organization_root_paths(user)
        keys = Page.objects.filter(path__in=paths, depth=2).values("translation_key")
        ids = set(
            Site.objects.filter(root_page__translation_key__in=keys).values_list("pk", flat=True)
        )
        setattr(user, cache_name, ids)
    return getattr(user, cache_name)


def user_sites(user):
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(pk__in=user_site_ids(user))


def site_ids_with_permission(user, permission):
    """Ids of the sites (organizations) on which the user's groups hold the site permission
    `permission` ("app_label.codename"), e.g. seeing an organization's registrations."""
    cache = user.__dict__.setdefault("_site_ids_with_permission", {})
    if permission not in cache:
        app_label, codename = permission.split(".")
        if not (user.is_authenticated and user.is_active):
            ids = set()
        elif user.is_superuser:
            ids = set(Site.objects.values_list("pk", flat=True))
        else:
            ids = set(
                GroupSitePermission.objects.filter(
                    group__user=user,
                    permission__content_type__app_label=app_label,
                    permission__codename=codename,
                ).values_list("site_id", flat=True)
            )
        cache[permission] = ids
    return cache[permission]


def may_direct_registrations(user, site_id):
    """Whether the user may say where the organization's registrations are e-mailed (its
    e-mail domains, an event's notification address): only those who may see them, its
    registrations group (the site permissions the apps give that role, e.g.
    events.view_registration), and superusers. Names and e-mail addresses go there."""
    return any(
        site_id in site_ids_with_permission(user, permission)
        for permission in app_role_permissions("site", "registrations")
    )


def translator_locale_ids(user):
    """{group id: locale id} of the user's translators groups: the language each translates
    into (organizations.models.OrganizationGroup). Empty for everyone else."""
    cache_name = "_translator_locale_ids"
    if not hasattr(user, cache_name):
        found = {}
        if user.is_authenticated and user.is_active and not user.is_superuser:
            languages = dict(
                Group.objects.filter(user=user, organization_role__role="translators").values_list(
                    "pk", "organization_role__language"
                )
            )
            if languages:
                locale_ids = dict(
                    Locale.objects.filter(language_code__in=languages.values()).values_list(
                        "language_code", "pk"
                    )
                )
                # A group for no language (one made before translators had languages)
                # translates nothing: it maps to no locale.
                found = {group: locale_ids.get(code) for group, code in languages.items()}
        setattr(user, cache_name, found)
    return getattr(user, cache_name)


def translating_only_languages(user, site_id):
    """The languages the user translates into for the organization on `site_id` when
    translating is all they do there (every group of theirs for it is a translators
    group); None when they hold another role there too, or none."""
    cache = user.__dict__.setdefault("_translating_only_languages", {})
    if site_id not in cache:
        roles = set(
            Group.objects.filter(user=user, organization_role__site_id=site_id).values_list(
                "organization_role__role", "organization_role__language"
            )
        )
        translating = {language for role, language in roles if role == "translators"}
        cache[site_id] = translating if roles and len(translating) == len(roles) else None
    return cache[site_id]

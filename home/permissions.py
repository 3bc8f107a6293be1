"""Which part of the installation an admin user belongs to.

An organization's staff hold page permissions on its home page in every language;
those pages are the roots of everything they may see in the admin.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page


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

"""Who may do what with a page: Wagtail's tree permissions, with translators narrowed.

Wagtail grants page permissions on a subtree. An organization's translators group for a
language (organizations.models.OrganizationGroup, role "translators") holds change, publish
and lock on the organization's home page in that language and view on the others
(organizations.provisioning). Here those count only on pages that are translations into
the group's language, never on an original (the first written of a page's translations),
and they never let anyone add, delete, move, copy, reorder or unpublish a page, or restrict
who may see it: a translator translates. Someone who is also an editor keeps what the
editors group gives.

`OrganizationPagePermissionPolicy` is registered for every page type (Wagtail asks the
policy registry for listings, reports and bulk actions), and `OrganizationPagePermissions`
gives each page type a permission tester that asks the policy (Wagtail's page editor and
wagtail-localize's translation editor ask the tester).
"""

from django.db.models import Exists
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from core.languages import earlier_translations

from .membership import translator_locale_ids

# What a translators group's permissions allow, on translations into its language.
TRANSLATING_ACTIONS = {"change", "publish", "lock"}
# What lets a page be seen in the explorer: Wagtail's list, and view (translators see the
# pages they translate from).
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete", "view"}


def is_translation(page):
    """Whether the page was translated from another (one query, remembered on the page)."""
    if "_is_translation" not in page.__dict__:
        page.__dict__["_is_translation"] = Page.objects.filter(
            translation_key=page.translation_key, pk__lt=page.pk
        ).exists()
    return page.__dict__["_is_translation"]


def action_of(permission):
    """'change' for a GroupPagePermission of 'change_page'."""
    return permission.permission.codename.rsplit("_", maxsplit=1)[0]


class OrganizationPagePermissionPolicy(PagePermissionPolicy):
    def page_actions(self, user, page):
        """The actions the user's groups allow on the page, and whether they all come from
        translators groups (then only TRANSLATING_ACTIONS and view count)."""
        locales = translator_locale_ids(user)
        granted = set()
        translating = set()
        for permission in self.get_cached_permissions_for_user(user):
            if not page.path.startswith(permission.page.path):
                continue
            action = action_of(permission)
            if permission.group_id not in locales:
                granted.add(action)
            elif action == "view" or (
                action in TRANSLATING_ACTIONS
                and page.locale_id == locales[permission.group_id]
                and is_translation(page)
            ):
                translating.add(action)
        translating_only = bool(translating) and not granted - {"view"}
        return granted | translating, translating_only

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not translator_locale_ids(user):
            return super().user_has_any_permission_for_instance(user, actions, instance)
        base_permission = self._base_user_has_permission(user)
        if base_permission is not None:
            return base_permission
        granted, _translating_only = self.page_actions(user, instance)
        if "add" in granted and instance.owner_id == user.pk:
            granted.add("change")
        return bool(set(actions) & granted)

    def instances_user_has_any_permission_for(self, user, actions):
        locales = translator_locale_ids(user)
        if not locales:
            return super().instances_user_has_any_permission_for(user, actions)
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset
        actions = set(actions)
        pages = self.model._default_manager.none()
        for permission in self.get_cached_permissions_for_user(user):
            action = action_of(permission)
            subtree = self.model._default_manager.descendant_of(permission.page, inclusive=True)
            if permission.group_id in locales:
                if action in actions and action == "view":
                    pages |= subtree
                elif action in actions and action in TRANSLATING_ACTIONS:
                    pages |= subtree.filter(
                        Exists(earlier_translations(Page)), locale_id=locales[permission.group_id]
                    )
            elif action == "add" and "add" not in actions and "change" in actions:
                # As Wagtail: who may add pages may change the ones they own.
                pages |= subtree.filter(owner=user)
            elif action in actions:
                pages |= subtree
        return pages

    def instances_with_direct_explore_permission(self, user):
        if user.is_superuser:
            return super().instances_with_direct_explore_permission(user)
        return [
            permission.page
            for permission in self.get_cached_permissions_for_user(user)
            if action_of(permission) in EXPLORE_ACTIONS
        ]

    def explorable_instances(self, user):
        explorable = super().explorable_instances(user)
        if self._base_queryset_for_user(user) is None and translator_locale_ids(user):
            explorable |= self.instances_user_has_any_permission_for(user, {"view"})
        return explorable


def translates_into(user, page):
    """Whether one of the user's translators groups translates into the language of
    `page`'s tree, where `page` is (e.g. the parent of a translation to be made)."""
    locales = translator_locale_ids(user)
    policy = policy_registry.get_by_type(Page)
    return any(
        locales.get(permission.group_id, False) == page.locale_id
        and action_of(permission) in TRANSLATING_ACTIONS
        and page.path.startswith(permission.page.path)
        for permission in policy.get_cached_permissions_for_user(user)
    )


class OrganizationPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with the actions the policy allows: a translator's end at
    translating."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.translating_only = False
        if user.is_active and not user.is_superuser and translator_locale_ids(user):
            self.permissions, self.translating_only = self.permission_policy.page_actions(
                user, page
            )

    def can_add_subpage(self):
        return not self.translating_only and super().can_add_subpage()

    def can_delete(self, ignore_bulk=False):
        return not self.translating_only and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return not self.translating_only and super().can_unpublish()

    def can_move(self):
        return not self.translating_only and super().can_move()

    def can_copy(self):
        return not self.translating_only and super().can_copy()

    def can_reorder_children(self):
        return not self.translating_only and super().can_reorder_children()

    def can_set_view_restrictions(self):
        return not self.translating_only and super().can_set_view_restrictions()

    def can_publish_subpage(self):
        return not self.translating_only and super().can_publish_subpage()


class OrganizationPagePermissions:
    """For every page type of the product (a mixin before `Page` in the bases)."""

    def permissions_for_user(self, user):
        return OrganizationPagePermissionTester(user, self)


def register_page_permission_policy():
    """Called from OrganizationsConfig.ready(), before anything asks for the policy."""
    from wagtail.models import AbstractPage

    policy_registry.register(AbstractPage, OrganizationPagePermissionPolicy())

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

from .roles import owned_snippet_permissions


class OrganizationsConfig(AppConfig):
    """The tenant: organization settings, funding notices, roles and membership,
    organization-owned snippets, the admin guards and create_organization."""

    default = True  # apps.py also holds the users app's config below
    name = "organizations"
    verbose_name = _("Organizations")
    # What an organization's groups may do with its settings and funding notices (granted by
    # organizations.provisioning; see app_role_permissions there).
    organization_permissions = {
        **owned_snippet_permissions("organizations.FundingNotice"),
        "site": {
            "editors": ["organizations.change_organizationsettings"],
            "moderators": ["organizations.change_organizationsettings"],
        },
    }

    def ready(self):
        from . import signals  # noqa: F401
        from .admin_language import (
            stop_falling_back_to_the_default_language,
            translate_chooser_labels_per_request,
        )
        from .page_permissions import register_page_permission_policy

        stop_falling_back_to_the_default_language()
        translate_chooser_labels_per_request()

        register_page_permission_policy()


class OrganizationUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the user form listing groups by organization
    (organizations.users); in INSTALLED_APPS in place of "wagtail.users"."""

    user_viewset = "organizations.users.OrganizationUserViewSet"

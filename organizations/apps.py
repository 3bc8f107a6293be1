from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

FUNDING_NOTICE_PERMISSIONS = [
    "organizations.add_fundingnotice",
    "organizations.change_fundingnotice",
    "organizations.delete_fundingnotice",
]


class OrganizationsConfig(AppConfig):
    """The tenant: organization settings, funding notices, roles and membership,
    organization-owned snippets, the admin guards and create_organization."""

    default = True  # apps.py also holds the users app's config below
    name = "organizations"
    verbose_name = _("Organizations")
    # What an organization's groups may do with its settings and funding notices (granted by
    # organizations.provisioning; see app_role_permissions there).
    organization_permissions = {
        "global": {
            "editors": FUNDING_NOTICE_PERMISSIONS,
            "moderators": FUNDING_NOTICE_PERMISSIONS,
            # Changing a notice is what translating it takes; adding or deleting one is not.
            "translators": ["organizations.change_fundingnotice"],
        },
        "site": {
            "editors": ["organizations.change_organizationsettings"],
            "moderators": ["organizations.change_organizationsettings"],
        },
    }

    def ready(self):
        from . import signals  # noqa: F401


class OrganizationUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the user form listing groups by organization
    (organizations.users); in INSTALLED_APPS in place of "wagtail.users"."""

    user_viewset = "organizations.users.OrganizationUserViewSet"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

PARTNER_PERMISSIONS = ["partners.add_partner", "partners.change_partner", "partners.delete_partner"]


class PartnersConfig(AppConfig):
    """The shared partner directory and partner strips (the editorial content issue)."""

    name = "partners"
    verbose_name = _("Partners")
    # What an organization's groups may do in the directory (granted by
    # organizations.provisioning): the permission policy narrows changes to the partners
    # their organization added.
    organization_permissions = {
        "global": {
            "editors": PARTNER_PERMISSIONS,
            "moderators": PARTNER_PERMISSIONS,
            # Changing a partner is what translating it takes; adding or deleting one is not.
            "translators": ["partners.change_partner"],
        },
    }

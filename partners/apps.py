from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from organizations.roles import owned_snippet_permissions


class PartnersConfig(AppConfig):
    """The shared partner directory and partner strips (the editorial content issue)."""

    name = "partners"
    verbose_name = _("Partners")
    # What an organization's groups may do in the directory (granted by
    # organizations.provisioning): the permission policy narrows changes to the partners
    # their organization added.
    organization_permissions = owned_snippet_permissions("partners.Partner")

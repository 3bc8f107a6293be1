from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The shared partner directory and partner strips (the editorial content issue)."""

    name = "partners"
    verbose_name = _("Partners")

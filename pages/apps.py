from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The page base every page type builds on, the body StreamBlock and the PDF."""

    name = "pages"
    verbose_name = _("Pages")

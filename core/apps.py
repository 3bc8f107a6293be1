from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What any page may use and that knows no app: content blocks, language and time
    helpers, SEO, colour contrast, video consent, background tasks (core.tasks)."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import page_cache

        page_cache.connect()

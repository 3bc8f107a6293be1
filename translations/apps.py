from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translation workflow on top of wagtail-localize: requests and the translators'
    queue, the status board, PO files and machine translation."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from core.periodic import daily

        from .signals import connect
        from .tasks import queue_reminders

        connect()
        daily.connect(queue_reminders, dispatch_uid="translations.reminders")

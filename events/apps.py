from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Event pages, the info box, registration forms and registrations (the events issue)."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # The e-mails to participants and organizers listen to registration changes.
        from . import emails  # noqa: F401

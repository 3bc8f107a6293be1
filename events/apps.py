from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Seeing and managing who registered for an organization's events: held on the
# organization's site by its registrations group only (editing events is not enough).
REGISTRATIONS_PERMISSION = "events.view_registration"


class EventsConfig(AppConfig):
    """Event pages, the info box, registration forms and registrations (the events issue)."""

    name = "events"
    verbose_name = _("Events")
    # Granted by organizations.provisioning to the organization's groups.
    organization_permissions = {"site": {"registrations": [REGISTRATIONS_PERMISSION]}}

    def ready(self):
        from core.periodic import daily

        from .tasks import queue_reminders

        daily.connect(queue_reminders, dispatch_uid="events.reminders")

"""The event info box: when, where and how to register, read from the event itself."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.dates import WARSAW
from core.languages import content_language

from .choices import RegistrationMode


class EventInfoBoxValue(blocks.StructValue):
    def event_in_language(self, language_code):
        """The chosen event as published now: its translation in `language_code` where
        there is one, else the event itself; None once it is unpublished or deleted."""
        chosen = self.get("event")
        if chosen is None or chosen.pk is None:
            return chosen  # nothing chosen, or the unsaved sample of the block's preview
        event_page = self.block.child_blocks["event"].target_model
        found = (
            event_page.objects.filter(translation_key=chosen.translation_key)
            .filter(Q(locale__language_code=language_code) | Q(pk=chosen.pk))
            .live()
            .public()
            .select_related("locale")
        )
        translated = [event for event in found if event.locale.language_code == language_code]
        original = [event for event in found if event.pk == chosen.pk]
        return (translated or original or [None])[0]


class EventInfoBoxBlock(blocks.StructBlock):
    """An event's date, place, format, status, places and registration, kept up to date."""

    event = blocks.PageChooserBlock(
        label=_("Event"),
        page_type="events.EventPage",
        help_text=_("Everything in the box is read from the event's page when shown."),
    )
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for 'Event details'."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        language = content_language(parent_context)
        event = value.event_in_language(language)
        shown_on = (parent_context or {}).get("page")
        context.update(
            event=event,
            heading=value.get("heading"),
            show_status=True,
            link_to_event=event is not None
            and event.pk is not None
            and getattr(shown_on, "pk", None) != event.pk,
        )
        return context

    def get_preview_value(self):
        sample = self.child_blocks["event"].target_model(
            title="Porozmawiajmy o integracji",
            start=datetime.datetime(2023, 12, 14, 9, 30, tzinfo=WARSAW),
            end=datetime.datetime(2023, 12, 14, 15, 30, tzinfo=WARSAW),
            venue_name="kawiarnia społeczna PERS",
            street_address="ul. Mostowa 6",
            postal_code="87-100",
            city="Toruń",
            languages=["pl", "uk"],
            interpretation=True,
            registration_mode=RegistrationMode.FORM,
            capacity=40,
        )
        return EventInfoBoxValue(self, [("event", sample), ("heading", "")])

    class Meta:
        icon = "date"
        template = "blocks/event_info_box_block.html"
        label = _("Event info box")
        value_class = EventInfoBoxValue
        description = _(
            "When and where an event takes place and how to register, always as on the "
            "event's page."
        )
        # Replaced by an unsaved sample event in get_preview_value(): no page can be made
        # here, and the preview must not show a real organization's event.
        preview_value = {"event": None, "heading": ""}


class RegistrationFormValue(EventInfoBoxValue):
    """The chosen event, in the language of the page showing the form."""


class RegistrationFormBlock(blocks.StructBlock):
    """An event's registration form, to sign up without leaving the page."""

    event = blocks.PageChooserBlock(
        label=_("Event"),
        page_type="events.EventPage",
        help_text=_(
            "The form asks the event's own questions, and its places are the event's: "
            "set them on the event's Registration tab."
        ),
    )
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for 'Register'."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        shown_on = (parent_context or {}).get("page")
        event = value.event_in_language(content_language(parent_context))
        # The event's own page shows its form already; once is enough (and ids stay unique).
        on_its_own_page = (
            event is not None
            and shown_on is not None
            and getattr(shown_on, "translation_key", None) == event.translation_key
            and isinstance(shown_on, type(event))
        )
        # The template asks the registration views for the form ({% registration_panel %}).
        context.update(
            heading=value.get("heading"),
            event=event if not on_its_own_page else None,
            shown_on=shown_on,
        )
        return context

    def get_preview_value(self):
        sample = EventInfoBoxBlock().get_preview_value()["event"]
        # A sample whose registration is open: on the 14th of December next year.
        year = timezone.localdate(timezone=WARSAW).year + 1
        sample.start = sample.start.replace(year=year)
        sample.end = sample.end.replace(year=year)
        return RegistrationFormValue(self, [("event", sample), ("heading", "")])

    class Meta:
        icon = "form"
        template = "blocks/registration_form_block.html"
        label = _("Registration form")
        value_class = RegistrationFormValue
        description = _(
            "An event's registration form, so that visitors sign up right here, e.g. in an "
            "article announcing the event."
        )
        # Replaced by an unsaved sample event in get_preview_value(), as for the info box.
        preview_value = {"event": None, "heading": ""}

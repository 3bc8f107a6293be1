"""The vocabularies of an event: its format, status, languages and registration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    """Where visitors take part."""

    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventStatus(models.TextChoices):
    """Whether the event takes place as announced; shown prominently when it does not."""

    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class EventLanguage(models.TextChoices):
    """The languages an event is held in (not the page's language)."""

    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")


class RegistrationMode(models.TextChoices):
    """How visitors sign up for an event."""

    NONE = "none", _("No registration")
    EXTERNAL = "external", _("Link to a registration page on another website")
    FORM = "form", _("Registration form on this site")


class RegistrationState(models.TextChoices):
    """Whether a visitor may register now; see `EventPage.registration_state`."""

    NONE = "none", _("No registration")
    NOT_YET_OPEN = "not_yet_open", _("Registration not yet open")
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Registration closed")


class RegistrationStatus(models.TextChoices):
    """Where a registration stands; a cancelled one frees its place."""

    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class AccessAction(models.TextChoices):
    """What a member of staff did with registrations (kept in the access log)."""

    VIEW = "view", _("Viewed the registrations")
    EXPORT_CSV = "export_csv", _("Exported the registrations (CSV)")
    EXPORT_XLSX = "export_xlsx", _("Exported the registrations (XLSX)")
    CONFIRM = "confirm", _("Confirmed a registration")
    CANCEL = "cancel", _("Cancelled a registration")
    MESSAGE = "message", _("Sent an e-mail to the participants")
    LOOK_UP = "look_up", _("Looked up a person's registrations to erase them")
    ERASE = "erase", _("Erased a person's data")
    PURGE = "purge", _("Deleted or anonymised old registrations")


class QuestionType(models.TextChoices):
    """The kinds of registration questions (Wagtail's form field types), in plain words.

    Every type Wagtail knows stays valid, so that no question saved before is refused;
    editors are offered only EDITOR_QUESTION_TYPES.
    """

    SINGLELINE = "singleline", _("Short answer (one line)")
    MULTILINE = "multiline", _("Longer answer (several lines)")
    EMAIL = "email", _("E-mail address")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    DATETIME = "datetime", _("Date and time")
    DROPDOWN = "dropdown", _("One choice from a drop-down list")
    RADIO = "radio", _("One choice from options shown")
    CHECKBOXES = "checkboxes", _("Several choices (tick boxes)")
    CHECKBOX = "checkbox", _("Yes or no (one tick box)")
    # Technical types, not offered: a hidden field asks nothing, an address is asked with a
    # short answer, and a multiple select box is hard to use (tick boxes do it better).
    URL = "url", _("Web address")
    MULTISELECT = "multiselect", _("Several choices (list box)")
    HIDDEN = "hidden", _("Hidden field")


EDITOR_QUESTION_TYPES = [
    QuestionType.SINGLELINE,
    QuestionType.MULTILINE,
    QuestionType.EMAIL,
    QuestionType.NUMBER,
    QuestionType.DATE,
    QuestionType.DATETIME,
    QuestionType.DROPDOWN,
    QuestionType.RADIO,
    QuestionType.CHECKBOXES,
    QuestionType.CHECKBOX,
]
# The types a question's "Choices" apply to (see Wagtail's FormBuilder); the editor shows
# "Choices" and "Default value" only for them (and wherever either already has a value, so
# that nothing in effect is hidden). A default for other types would be a pre-filled
# answer or a pre-ticked box, which visitors easily send unread.
TYPES_WITH_CHOICES = [
    QuestionType.DROPDOWN,
    QuestionType.RADIO,
    QuestionType.CHECKBOXES,
    QuestionType.MULTISELECT,
]

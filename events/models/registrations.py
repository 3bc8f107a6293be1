"""Who registered for an event, with which answers and consent; the e-mails the site owes
them; and who among the staff looked at or changed any of it.

One pool of places per event across its translations: a registration always points at the
event in the organization's default language, whatever language the visitor registered in
(kept in `language`).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import AccessAction, QuestionType, RegistrationStatus
from ..forms import QuestionTypeSelect, question_field_target, question_fields_attrs


def new_cancel_token():
    return secrets.token_urlsafe(32)


class EventFormField(TranslatableMixin, AbstractFormField):
    """A question of an event's registration form, asked after name, e-mail and consent.

    Translated with its event: translators see the label, help text and choices. The
    field's `clean_name`, under which the answers are kept, is the same in every language,
    and so is the `translation_key` that pairs a question with its translations.
    """

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="form_fields")
    # A new question is optional until the editor says otherwise: most are.
    required = models.BooleanField(_("required"), default=False)
    field_type = models.CharField(_("type of answer"), max_length=16, choices=QuestionType.choices)
    field_type.required_on_save = True  # as Wagtail's own: previews build the field from it
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("One choice per line (or separated by commas)."),
    )
    default_value = models.TextField(
        _("chosen in advance"),
        blank=True,
        help_text=_(
            "Leave empty to let the visitor choose. For tick boxes, several choices one per line."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("label"),
                FieldPanel("help_text"),
                FieldPanel("required"),
                FieldPanel("field_type", widget=QuestionTypeSelect, required_on_save=True),
                FieldPanel("choices", attrs=question_field_target("choices")),
                FieldPanel("default_value", attrs=question_field_target("default")),
            ],
            attrs=question_fields_attrs(),
        )
    ]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class Registration(models.Model):
    """One person's place at an event, or their place in the queue for one."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        # Never cascaded away: an event with registrations cannot be deleted.
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_text = models.TextField(_("consent"))
    consent_version = models.CharField(_("consent version"), max_length=64)
    cancel_token = models.CharField(max_length=64, unique=True, default=new_cancel_token)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        # Arrival order: the waiting list is served first come, first served.
        ordering = ["pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One standing registration per e-mail and event; after cancelling, a person
            # may register again.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="one_standing_registration_per_email",
            )
        ]
        indexes = [models.Index(Lower("email"), name="registration_email_lower")]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class RegistrationAccessLog(models.Model):
    """Who viewed, exported, changed or erased registrations, when, and how many rows."""

    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text too: the log outlives the user account and the event.
    username = models.CharField(max_length=150)
    event = models.ForeignKey(
        "events.EventPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event_title = models.CharField(max_length=255, blank=True)
    action = models.CharField(max_length=20, choices=AccessAction.choices)
    rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registration access")
        verbose_name_plural = _("registration access log")

    def __str__(self):
        return f"{self.username} {self.action} {self.event_title} ({self.rows})"

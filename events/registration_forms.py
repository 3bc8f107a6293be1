"""The registration form a visitor fills in: name, e-mail address, the event's questions, the
consent to the privacy policy, and the spam traps; and what of it is kept.

The questions are the event's `form_fields`, built with Wagtail's form builder in the
language of the page. The answers are kept under each question's `clean_name`, which every
translation of the event shares (wagtail-localize copies it, see EventFormField), and a
choice is kept as it reads in the event's original language, so that the organizers count
"Tak" and "Так" as one answer.
"""

import datetime
import decimal
import hashlib

from django import forms
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from . import spam

# Questions get a prefix: a question labelled "E-mail" must not replace the e-mail field.
QUESTION_PREFIX = "q_"
# Inputs shown as a group of options, announced with a fieldset and its legend.
CHOICE_GROUPS = {"radio", "checkboxes"}


def anchor(event):
    """The id of an event's registration section, to link to and to come back to."""
    return f"registration-{event.pk or 'preview'}"


class QuestionBuilder(FormBuilder):
    """Wagtail's form builder, with date inputs that phones offer a calendar for and error
    messages that speak to the visitor."""

    def create_date_field(self, field, options):
        options.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        return forms.DateField(**options)

    def create_datetime_field(self, field, options):
        options.setdefault(
            "widget",
            forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        )
        return forms.DateTimeField(**options)

    def create_dropdown_field(self, field, options):
        built = super().create_dropdown_field(field, options)
        if not field.default_value:
            # Nothing chosen until the visitor chooses: a required question is then answered.
            built.choices = [("", _("Choose…")), *built.choices]
        return built

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {"required": _("Answer this question.")}
        return options


class Consent:
    """The consent checkbox's label, in the active language: as HTML with a link to the
    privacy policy, and as the plain text that is kept with the registration."""

    def __init__(self, privacy_url=None):
        if privacy_url:
            text = gettext(
                "I agree to the processing of my data for the registration for this event, "
                "as described in the %(link_start)sprivacy policy%(link_end)s."
            )
            # The translation is escaped; only the link is markup.
            self.html = mark_safe(
                escape(text)
                % {
                    "link_start": format_html('<a href="{}">', privacy_url),
                    "link_end": mark_safe("</a>"),
                }
            )
            self.text = text % {"link_start": "", "link_end": ""}
        else:
            self.text = gettext(
                "I agree to the processing of my data for the registration for this event."
            )
            self.html = escape(self.text)

    @property
    def version(self):
        """A short fingerprint of the text: which wording the person agreed to."""
        return hashlib.sha256(self.text.encode()).hexdigest()[:12]


class RegistrationForm(forms.Form):
    """Name, e-mail address, the event's questions and the consent, with the spam traps."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We will send the confirmation here."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _("Tick the box to agree: we cannot register you without it."),
        },
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *, event, questions, consent, next_url="", **kwargs):
        kwargs.setdefault("auto_id", f"{anchor(event)}-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.event = event
        self.questions = list(questions)
        self.consent = consent
        self.fields["consent"].label = consent.html
        built = QuestionBuilder(self.questions).formfields
        self.question_names = {f"{QUESTION_PREFIX}{clean_name}": clean_name for clean_name in built}
        self.kinds = {
            f"{QUESTION_PREFIX}{question.clean_name or question.get_field_clean_name()}": (
                question.field_type
            )
            for question in self.questions
        }
        fixed = dict(self.fields)
        self.fields = {
            "name": fixed["name"],
            "email": fixed["email"],
            **{f"{QUESTION_PREFIX}{name}": field for name, field in built.items()},
            "consent": fixed["consent"],
            spam.HONEYPOT_FIELD: fixed["website"],
            "started": fixed["started"],
            "next": fixed["next"],
        }
        if not self.is_bound:
            self.initial = {**self.initial, "started": spam.fill_time_token(), "next": next_url}

    # --- Validation --------------------------------------------------------------------

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_website(self):
        # A person who reached this field with a screen reader and typed in it is told,
        # rather than silently dropped as a bot would be.
        if self.cleaned_data.get(spam.HONEYPOT_FIELD, "").strip():
            raise forms.ValidationError(
                _(
                    "Please leave this field empty: it is there to catch spam robots. "
                    "Clear it and send the form again."
                )
            )
        return ""

    def clean(self):
        cleaned_data = super().clean()
        token = cleaned_data.get("started")
        if spam.shown_at(token) is None:
            # A missing or forged token: the form shown again gets a genuine one.
            self.data = self.data.copy()
            self.data["started"] = spam.fill_time_token()
        if not self.errors and spam.sent_too_soon(token):
            raise forms.ValidationError(
                _(
                    "The form was sent faster than a person usually can fill it in. Please "
                    "check your details and send it again."
                ),
                code="too_soon",
            )
        return cleaned_data

    def refuse(self, message):
        """Refuse a valid form with a message for the whole form (e.g. the rate limit)."""
        self.add_error(None, message)

    # --- What is kept ------------------------------------------------------------------

    def answers(self, original_questions=None):
        """{clean_name: answer} for every question, ready to be kept as JSON.

        `original_questions` are the questions of the event in its original language:
        choices are kept as they read there when the translation offers as many.
        """
        originals = {
            question.clean_name: question for question in (original_questions or self.questions)
        }
        shown = {question.clean_name: question for question in self.questions}
        answers = {}
        for field_name, clean_name in self.question_names.items():
            value = _as_json(self.cleaned_data.get(field_name))
            answers[clean_name] = _in_original_language(
                value, shown.get(clean_name), originals.get(clean_name)
            )
        return answers

    # --- Display -----------------------------------------------------------------------

    def is_choice_group(self, name):
        return self.kinds.get(name) in CHOICE_GROUPS

    def question_fields(self):
        return [self[name] for name in self.question_names]

    def error_summary(self):
        """(the id to link to, the message) of every error, in the order of the form."""
        items = [(None, str(error)) for error in self.non_field_errors()]
        for name in self.fields:
            bound = self[name]
            if not bound.errors or name in ("started", "next"):
                continue
            anchor = f"{bound.auto_id}_0" if self.is_choice_group(name) else bound.auto_id
            label = "" if name == "consent" else strip_tags(str(bound.label)).strip()
            for error in bound.errors:
                items.append((anchor, _summary_line(label, str(error))))
        return items


def _summary_line(label, error):
    """'Your name: Enter your name.', 'Where are you from? Answer this question.'"""
    if not label:
        return error
    return f"{label} {error}" if label[-1] in "?!.:" else f"{label}: {error}"


def _as_json(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple | list):
        return [str(item) for item in value]
    return value


def _choices(question):
    return [label for _value, label in QuestionBuilder([]).get_formatted_field_choices(question)]


def _in_original_language(value, shown, original):
    """A chosen option as it reads in the original language, where the options match up."""
    if shown is None or original is None or shown is original or not shown.choices:
        return value
    translated, originals = _choices(shown), _choices(original)
    if len(translated) != len(originals):
        return value
    by_position = dict(zip(translated, originals, strict=True))
    if isinstance(value, list):
        return [by_position.get(item, item) for item in value]
    if isinstance(value, str):
        return by_position.get(value, value)
    return value

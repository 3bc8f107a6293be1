"""The event form staff fill in, and the filters visitors choose events by."""

import datetime
import json

from django import forms
from django.utils import dateformat, translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.utils import get_field_clean_name

from organizations.membership import may_direct_registrations
from organizations.page_forms import OrganizationPageForm

from .choices import EDITOR_QUESTION_TYPES, TYPES_WITH_CHOICES, EventFormat, EventLanguage

# The Stimulus controller of static/events/admin/question_fields.js (see wagtail_hooks.py).
QUESTION_FIELDS_CONTROLLER = "question-fields"


class QuestionTypeSelect(forms.Select):
    """The types offered to editors, in plain words; a question saved earlier with a type
    no longer offered keeps it (shown as it is), so that saving the event changes nothing."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                f"data-{QUESTION_FIELDS_CONTROLLER}-target": "type",
                "data-action": f"{QUESTION_FIELDS_CONTROLLER}#toggle",
                **(attrs or {}),
            }
        )

    def optgroups(self, name, value, attrs=None):
        shown = {"", *EDITOR_QUESTION_TYPES, *(str(v) for v in value)}
        return [
            (group, [option for option in options if option["value"] in shown], index)
            for group, options, index in super().optgroups(name, value, attrs)
        ]


def question_fields_attrs():
    """The attributes that make a question's panel show "Choices" and "Default value" only
    for the types that use them."""
    return {
        "data-controller": QUESTION_FIELDS_CONTROLLER,
        f"data-{QUESTION_FIELDS_CONTROLLER}-types-value": json.dumps(
            [str(code) for code in TYPES_WITH_CHOICES]
        ),
    }


def question_field_target(name):
    return {f"data-{QUESTION_FIELDS_CONTROLLER}-target": name}


class EventPageForm(OrganizationPageForm):
    """The event's languages as tick boxes, and alt text required with a photo."""

    languages = forms.MultipleChoiceField(
        label=_("Languages of the event"),
        choices=EventLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages spoken at the event."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each new registrant's name and e-mail address go to the notification address:
        # only those who may see the registrations may say where (and that is logged).
        if self.for_user is not None and not self.may_direct_registrations():
            self.fields.pop("organizer_email", None)

    def may_direct_registrations(self):
        org = self.organization()
        if org is None:  # a page outside any organization: administrators only
            return self.for_user.is_superuser
        return may_direct_registrations(self.for_user, org.site_id)

    def save(self, commit=True):
        before = self.initial.get("organizer_email") or ""
        page = super().save(commit=commit)
        if "organizer_email" in self.fields and page.organizer_email != before:
            # Logged by events.wagtail_hooks once the page is saved (a new one has no id yet).
            page.organizer_email_change = {"before": before, "after": page.organizer_email}
        return page

    def clean_languages(self):
        chosen = self.cleaned_data["languages"]
        return [code for code in EventLanguage.values if code in chosen]

    def clean(self):
        cleaned_data = super().clean()
        organizer_email = cleaned_data.get("organizer_email")
        if organizer_email:
            # Registrations (names, e-mail addresses, answers) are sent to this address:
            # only to the organization's own mailboxes, never to one typed in by mistake.
            org = self.organization()
            domains = org.email_domain_list() if org else []
            if not domains:
                self.add_error(
                    "organizer_email",
                    _(
                        "The organization has not listed its e-mail domains yet, so no "
                        "address can get registrations. Add them in the organization "
                        "settings (Registrations tab), or leave this field empty."
                    ),
                )
            elif not org.owns_address(organizer_email):
                self.add_error(
                    "organizer_email",
                    _(
                        "Registrations go only to the organization's own addresses: use an "
                        "address in %(domains)s."
                    )
                    % {"domains": ", ".join(domains)},
                )
        self._refuse_questions_with_one_label()
        self._refuse_types_not_offered()
        return cleaned_data

    def _refuse_types_not_offered(self):
        """A type no longer offered stays on the question that has it, and only there."""
        formset = self.formsets.get("form_fields")
        if formset is None:
            return
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            chosen = form.cleaned_data.get("field_type")
            if (
                chosen
                and chosen not in EDITOR_QUESTION_TYPES
                and chosen != form.initial.get("field_type")
            ):
                form.add_error("field_type", _("Choose one of the types offered."))

    def _refuse_questions_with_one_label(self):
        """Two questions with the same label would store their answers under one name."""
        formset = self.formsets.get("form_fields")
        if formset is None:
            return
        seen = set()
        for form in formset.forms:
            # The formsets are validated after this form: validate each question first.
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            label = form.cleaned_data.get("label")  # none in an extra form left empty
            if not label:
                continue
            name = form.instance.clean_name or get_field_clean_name(label)
            if name and name in seen:
                form.add_error("label", _("Another question already has this label."))
            seen.add(name)


MONTH_FORMAT = "Y-m"


class EventFilterForm(forms.Form):
    """Month, format and language of the events to list; every field may be left at "any".

    A value that is not on offer (an old link, a typed address) is ignored rather than
    refused: the visitor still gets a list.
    """

    month = forms.ChoiceField(label=_("Month"), required=False)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Any format")), *EventFormat.choices],
    )
    language = forms.ChoiceField(
        label=_("Language of the event"),
        required=False,
        choices=[("", _("Any language")), *EventLanguage.choices],
    )

    def __init__(self, data=None, *, months=(), language=None, **kwargs):
        super().__init__(data, **kwargs)
        with translation.override(language or translation.get_language()):
            # "Grudzień 2023": the month on its own, in the nominative.
            self.fields["month"].choices = [
                ("", _("Any month")),
                *(
                    (dateformat.format(m, MONTH_FORMAT), dateformat.format(m, "F Y"))
                    for m in months
                ),
            ]

    def query(self):
        """The valid choices made, as query parameters: {"format": "online", …}."""
        self.is_valid()  # the fields that fail are left out of cleaned_data
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in self.fields if data.get(name)}

    def filters(self):
        """The valid choices made, for the listing: {"month": its first day, "format": …}."""
        chosen = self.query()
        if "month" in chosen:
            year, month = map(int, chosen["month"].split("-"))
            chosen["month"] = datetime.date(year, month, 1)
        return chosen

"""wagtail-localize's "Translate" form, as a request: with a note and a due date for the
translators, and only the languages the organization publishes in and the user may
translate into."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail_localize.views.submit_translations import SubmitTranslationForm


class TranslationRequestForm(SubmitTranslationForm):
    note = forms.CharField(
        label=_("Note for the translators"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What to watch for, who to ask, where the text will be used."),
    )
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Leave empty when there is no deadline."),
    )

    def __init__(self, instance, *args, languages=None, **kwargs):
        super().__init__(instance, *args, **kwargs)
        if languages is not None:
            field = self.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=languages)

    def clean_due_date(self):
        due_date = self.cleaned_data.get("due_date")
        if due_date is not None and due_date < timezone.localdate():
            raise forms.ValidationError(_("The due date has passed; choose a later one."))
        return due_date

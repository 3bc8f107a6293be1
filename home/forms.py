"""Admin forms that keep an organization's pages and settings to its own media."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Collection, CollectionMember


class OwnMediaMixin:
    """Refuse an image or document of another organization typed in by its id.

    The choosers offer only one's own collection, but a form accepts any id.
    """

    def organization(self):
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        org = self.organization()
        if org is None or org.collection is None:
            return cleaned_data
        allowed = set(
            Collection.objects.descendant_of(org.collection, inclusive=True).values_list(
                "pk", flat=True
            )
        )
        for name, value in list(cleaned_data.items()):
            if isinstance(value, CollectionMember) and value.collection_id not in allowed:
                self.add_error(
                    name, _("Choose an image or document from this organization's collection.")
                )
        return cleaned_data


class OrganizationPageForm(OwnMediaMixin, WagtailAdminPageForm):
    def organization(self):
        from .models import OrganizationSettings

        page = self.instance if self.instance.pk else self.parent_page
        return OrganizationSettings.for_page(page) if page is not None else None


class OrganizationSettingsForm(OwnMediaMixin, WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages this organization publishes in. Polish is always included."),
    )

    def organization(self):
        return self.instance if self.instance.site_id else None

    def clean_languages(self):
        chosen = self.cleaned_data["languages"]
        if settings.LANGUAGE_CODE not in chosen:
            raise ValidationError(
                _("The default language (Polish) cannot be switched off."),
                code="default_language_required",
            )
        # Keep the installation's order, whatever order the boxes were ticked in.
        return [code for code, _name in settings.LANGUAGES if code in chosen]

"""The form of every page of an organization: its own media and pages only, photos described."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .forms import OwnMediaMixin
from .models import OrganizationSettings


class OrganizationPageForm(OwnMediaMixin, WagtailAdminPageForm):
    def organization(self):
        page = self.instance if self.instance.pk else self.parent_page
        return OrganizationSettings.for_page(page) if page is not None else None

    def clean(self):
        cleaned_data = super().clean()
        # A page's photo (pages.models.HeroPhoto) is described for people who cannot see it.
        if (
            "hero_alt_text" in self.fields
            and cleaned_data.get("hero_image")
            and not (cleaned_data.get("hero_alt_text") or "").strip()
        ):
            self.add_error("hero_alt_text", _("Describe the photo for people who cannot see it."))
        return cleaned_data

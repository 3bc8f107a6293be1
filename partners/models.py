"""The shared partner directory and the page an organization lists its partners on."""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.languages import with_active_locale
from organizations.owned import (
    NAMED_SNIPPET_SEARCH_FIELDS,
    OrganizationOwned,
    OrganizationOwnedForm,
)
from organizations.page_forms import OrganizationPageForm
from organizations.page_permissions import OrganizationPagePermissions
from organizations.translations import untranslated_parts_of_snippets

from .blocks import LOGO_SPECS, PartnerStripBlock, partners_by_id


class Partner(TranslatableMixin, OrganizationOwned, index.Indexed):
    """A partner, patron or funder that any organization can show in a partner strip.

    Every organization chooses from the whole directory; only the organization that
    added a partner (or an administrator) changes or deletes it.
    """

    # The directory is shared: other organizations' pages may show a partner, so it outlives
    # the organization that added it, and is then the administrators' to change.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("organization"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Without a logo, the strip shows the name."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("short description"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences about the partner, shown on the partners page."),
    )

    shared_for_choosing = True
    base_form_class = OrganizationOwnedForm

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = NAMED_SNIPPET_SEARCH_FIELDS
    # A translator may give a partner a logo or website in another language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("logo", overridable=True),
        SynchronizedField("website", overridable=True),
        SynchronizedField("site", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def organization_name(self):
        if self.site is None:
            return ""
        return self.site.site_name or self.site.hostname

    @classmethod
    def in_language(cls, partners, language_code):
        """{id of each chosen partner: the partner to show}: its translation where it has one.

        Logos and their renditions come along, in two queries however many partners
        there are. Deleted partners (None) are left out.
        """
        chosen = [partner for partner in partners if partner is not None]
        if not chosen:
            return {}
        Rendition = get_image_model().get_rendition_model()
        found = (
            cls.objects.filter(
                Q(pk__in={partner.pk for partner in chosen})
                | Q(
                    translation_key__in={partner.translation_key for partner in chosen},
                    locale__language_code=language_code,
                )
            )
            .select_related("logo", "locale")
            .prefetch_related(
                Prefetch(
                    "logo__renditions",
                    queryset=Rendition.objects.filter(filter_spec__in=LOGO_SPECS),
                )
            )
        )
        by_pk = {partner.pk: partner for partner in found}
        translated = {
            partner.translation_key: partner
            for partner in found
            if partner.locale.language_code == language_code
        }
        shown = {
            partner.pk: translated.get(partner.translation_key) or by_pk[partner.pk]
            for partner in chosen
            if partner.pk in by_pk
        }
        # The language each partner's name and description are shown in: a translation may
        # still carry the original's (organizations.translations); one query for them all.
        untranslated = untranslated_parts_of_snippets(list(translated.values()))
        for partner in shown.values():
            parts = untranslated.get(str(partner.pk))
            own = partner.locale.language_code
            partner.name_language = (parts and parts.field_language("name")) or own
            partner.description_language = (parts and parts.field_language("description")) or own
        return shown


class PartnersPage(OrganizationPagePermissions, Page):
    """An organization's partners, patrons and funders, grouped by role."""

    intro = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    strips = StreamField(
        [("partner_strip", PartnerStripBlock())],
        blank=True,
        verbose_name=_("partners by role"),
        help_text=_("One group per role, e.g. Honorary patronage, Partners, Media partners."),
    )

    base_form_class = OrganizationPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("strips")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partners page")
        verbose_name_plural = _("partners pages")

    def get_context(self, request, *args, **kwargs):
        with_active_locale(self)
        context = super().get_context(request, *args, **kwargs)
        # Every strip's partners in the page's language, at once (see PartnerStripBlock).
        context["partners_by_id"] = partners_by_id(self.strips, self.locale.language_code)
        return context

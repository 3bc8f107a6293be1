"""The partner strip: a role ("Patronat honorowy", "Partnerzy") and its partners' logos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from core.images import prefetch_specs
from core.languages import content_language

# The logo's renditions as the strip shows it (core.images' "partner_logo" style, which
# templates/components/partner_logo_grid.html asks for): loaded with the partners.
LOGO_SPECS = prefetch_specs("partner_logo")


class Role(models.TextChoices):
    """What the partners of a strip did, as Polish foundations' pages name it."""

    ORGANIZERS = "organizers", _("Organizers")
    HONORARY_PATRONAGE = "honorary_patronage", _("Honorary patronage")
    PATRONAGE = "patronage", _("Patronage")
    PARTNERS = "partners", _("Partners")
    CONTENT_PARTNERS = "content_partners", _("Content partners")
    MEDIA_PARTNERS = "media_partners", _("Media partners")
    SPONSORS = "sponsors", _("Sponsors")
    FUNDING = "funding", _("Funding")


def role_choices():
    """The roles on offer. A callable, so that migrations name it instead of copying the list:
    a role added later needs no migration of every page type with a body."""
    return Role.choices


def partners_by_id(stream, language_code):
    """The partners of every strip in the stream, as `Partner.in_language` gives them.

    A page puts this in its context as `partners_by_id`, so that its strips share a
    fixed number of queries instead of making their own.
    """
    strips = [child for child in stream if isinstance(child.block, PartnerStripBlock)]
    if not strips:
        return {}
    chosen = [partner for strip in strips for partner in strip.value["partners"]]
    return strips[0].block.partner_model.in_language(chosen, language_code)


class PartnerStripValue(blocks.StructValue):
    def heading(self):
        """The custom heading, or the role's name in the active language."""
        custom = (self.get("custom_heading") or "").strip()
        if custom:
            return custom
        role = self.get("role")
        return str(Role(role).label) if role in Role.values else ""


class PartnerStripBlock(blocks.StructBlock):
    """A heading naming the partners' role and their logos, each linking to their website."""

    role = blocks.ChoiceBlock(
        label=_("Role"),
        choices=role_choices,
        required=False,
        help_text=_("Shown as the heading, translated into the page's language."),
    )
    custom_heading = blocks.CharBlock(
        label=_("Custom heading"),
        required=False,
        max_length=200,
        help_text=_(
            "Instead of the role, e.g. 'Partnerzy projektu Szkolimy NGO'. Translated with the page."
        ),
    )
    partners = blocks.ListBlock(
        SnippetChooserBlock("partners.Partner", label=_("Partner")),
        label=_("Partners"),
        min_num=1,
        help_text=_("In the order they are to appear."),
    )
    show_details = blocks.BooleanBlock(
        label=_("Show names and descriptions"),
        required=False,
        help_text=_("Each partner's name and description beside the logo, as on a partners page."),
    )

    @cached_property
    def partner_model(self):
        return self.child_blocks["partners"].child_block.model_class

    def clean(self, value):
        value = super().clean(value)
        has_heading = bool((value.get("custom_heading") or "").strip())
        if not value.get("role") and not has_heading and not self.is_deferred_validation:
            message = _("Choose a role or write a heading.")
            raise StructBlockValidationError(
                block_errors={
                    "role": ValidationError(message),
                    "custom_heading": ValidationError(message),
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        language_code = content_language(parent_context)
        chosen = [partner for partner in value["partners"] if partner is not None]
        shown = (parent_context or {}).get("partners_by_id")
        if shown is None or any(partner.pk not in shown for partner in chosen):
            shown = self.partner_model.in_language(chosen, language_code)
        with translation.override(language_code):
            context["heading"] = value.heading()
        context["partners"] = [shown[partner.pk] for partner in chosen if partner.pk in shown]
        context["language_code"] = language_code
        return context

    def get_preview_value(self):
        # Real partners where the directory has some: a strip of empty boxes shows nothing.
        partners = self.partner_model.objects.filter(
            locale__language_code=translation.get_language()
        )[:4]
        return self.normalize({**self.meta.preview_value, "partners": list(partners)})

    class Meta:
        icon = "grid"
        template = "blocks/partner_strip_block.html"
        label = _("Partner strip")
        value_class = PartnerStripValue
        description = _(
            "Patrons, partners or funders under a heading for their role, with their logos "
            "linking to their websites."
        )
        preview_value = {
            "role": Role.PARTNERS,
            "custom_heading": "",
            "partners": [],
            "show_details": False,
        }

"""Funding notices in a page's body: programme logos and a disclaimer."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ProgrammeLogoBlock(blocks.StructBlock):
    """A funding programme's logo, e.g. the EU flag with "Co-funded by the European Union"."""

    image = ImageChooserBlock(label=_("Logo"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_("What the logo says, e.g. 'Co-funded by the European Union'."),
    )
    link = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/programme_logo_block.html"
        label = _("Programme logo")
        description = _("A funder's or programme's logo.")
        preview_value = {"image": None, "alt_text": "Dofinansowane przez Unię Europejską"}


SAMPLE_DISCLAIMER = (
    "<p>Projekt współfinansowany ze środków Unii Europejskiej w ramach Funduszu Azylu, "
    "Migracji i Integracji. Wyrażone poglądy i opinie są jedynie opiniami autora lub "
    "autorów i niekoniecznie odzwierciedlają poglądy i opinie Unii Europejskiej.</p>"
)


class FundingNoticeValue(blocks.StructValue):
    def notice_in_language(self):
        notice = self.get("notice")
        return notice.in_current_language() if notice is not None else None


class FundingNoticeBlock(blocks.StructBlock):
    """One of the organization's funding notices: programme logos and the disclaimer."""

    notice = SnippetChooserBlock("organizations.FundingNotice", label=_("Funding notice"))

    class Meta:
        icon = "doc-full"
        template = "blocks/funding_notice_block.html"
        label = _("Funding notice")
        value_class = FundingNoticeValue
        description = _("Programme logos and a funding disclaimer, e.g. for EU-funded projects.")
        # Replaced by an unsaved sample notice in get_preview_value(): no model instance
        # can be made here, and the preview must not show a real organization's notice.
        preview_value = {"notice": None}

    def get_preview_value(self):
        sample = self.child_blocks["notice"].target_model(name="FAMI", disclaimer=SAMPLE_DISCLAIMER)
        return FundingNoticeValue(self, [("notice", sample)])

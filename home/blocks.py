"""The body StreamBlock: composed here from the blocks each app owns."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading, with an anchor that links can point to."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=80,
        help_text=_("Optional id for links to this heading, e.g. 'registration'."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that divides the page into sections.")
        preview_value = {"text": "Dlaczego takie spotkanie?", "level": "h2", "anchor": ""}


class BodyBlock(blocks.StreamBlock):
    """What an editor can put in the body of a page."""

    heading = HeadingBlock(group=_("Text"))
    rich_text = blocks.RichTextBlock(
        label=_("Rich text"),
        features=RICH_TEXT_FEATURES,
        template="blocks/rich_text_block.html",
        icon="pilcrow",
        group=_("Text"),
        description=_("Paragraphs with bold, italic, lists and links."),
        preview_value="<p>Fundacja zaprasza na spotkanie.</p>",
    )

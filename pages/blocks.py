"""The body of every page: the content blocks of core and the blocks of the apps that
own partners, funding notices and events, in the groups of the editor's "+" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import (
    CALLS_TO_ACTION,
    MEDIA,
    PARTNERS_AND_FUNDING,
    PEOPLE_AND_CONTACT,
    RICH_TEXT_FEATURES,
    TEXT,
    CallToActionBlock,
    ContactBlock,
    DocumentsBlock,
    EmbedBlock,
    HeadingBlock,
    ImageBlock,
    NoticeBlock,
    PeopleBlock,
    QuoteBlock,
)
from core.untranslated import render_stream
from events.blocks import EventInfoBoxBlock, RegistrationFormBlock
from organizations.blocks import FundingNoticeBlock
from partners.blocks import PartnerStripBlock


class BodyBlock(blocks.StreamBlock):
    """What an editor can put in the body of a page."""

    heading = HeadingBlock(group=TEXT)
    rich_text = blocks.RichTextBlock(
        label=_("Rich text"),
        features=RICH_TEXT_FEATURES,
        template="blocks/rich_text_block.html",
        icon="pilcrow",
        group=TEXT,
        description=_("Paragraphs with bold, italic, lists and links."),
        preview_value="<p>Fundacja zaprasza na spotkanie.</p>",
    )
    quote = QuoteBlock(group=TEXT)
    notice = NoticeBlock(group=TEXT)
    image = ImageBlock(group=MEDIA)
    embed = EmbedBlock(group=MEDIA)
    documents = DocumentsBlock(group=MEDIA)
    people = PeopleBlock(group=PEOPLE_AND_CONTACT)
    contact = ContactBlock(group=PEOPLE_AND_CONTACT)
    call_to_action = CallToActionBlock(group=CALLS_TO_ACTION)
    event_info_box = EventInfoBoxBlock(group=CALLS_TO_ACTION)
    registration_form = RegistrationFormBlock(group=CALLS_TO_ACTION)
    partner_strip = PartnerStripBlock(group=PARTNERS_AND_FUNDING)
    funding_notice = FundingNoticeBlock(group=PARTNERS_AND_FUNDING)

    def render_basic(self, value, context=None):
        # As StreamBlock renders, with the blocks a translation shows in the source language
        # marked with that language.
        return render_stream(value, context)

"""The content blocks any page may use: they know no app of this project.

Heading, rich text, quote, notice, image, video, documents, people, contact and call to
action. The body StreamBlock (pages.blocks) composes them with the blocks of partners,
funding notices and events.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .page_links import localized
from .video import parse_video_url

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
NOTICE_FEATURES = ["bold", "italic", "link", "document-link", "ul"]

TEXT = _("Text")
MEDIA = _("Media")
PEOPLE_AND_CONTACT = _("People and contact")
CALLS_TO_ACTION = _("Calls to action")
PARTNERS_AND_FUNDING = _("Partners and funding")

validate_phone = RegexValidator(
    r"^\+?[\d\s()./-]{6,}$",
    _("Enter a phone number of digits, spaces and dashes, e.g. +48 56 622 10 00."),
)


def block_error(**messages):
    """A StructBlock's error shown next to each named child block."""
    return StructBlockValidationError(
        block_errors={name: ValidationError(message) for name, message in messages.items()}
    )


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


class QuoteBlock(blocks.StructBlock):
    """Someone's words, with who said them and on whose behalf."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Name"), required=False, max_length=200)
    role = blocks.CharBlock(
        label=_("Role or organization"),
        required=False,
        max_length=200,
        help_text=_("E.g. 'Fundacja Inna Przestrzeń'."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name and organization of the person quoted.")
        preview_value = {
            "text": (
                "Międzysektorowe fora migracyjne są praktyczną zachętą dla instytucji "
                "publicznych do tego, aby tworzyć otwartą i bardziej profesjonalną niż "
                "dotychczas politykę migracyjną w Polsce."
            ),
            "attribution": "Witek Hebanowski",
            "role": "Fundacja Inna Przestrzeń",
        }


class NoticeBlock(blocks.StructBlock):
    """A box that stands out from the text: an announcement, a warning, a deadline."""

    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("E.g. 'UWAGA!'")
    )
    body = blocks.RichTextBlock(label=_("Text"), features=NOTICE_FEATURES)
    level = blocks.ChoiceBlock(
        label=_("Emphasis"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("important", _("Important")),
        ],
        default="info",
        help_text=_("Shown with a colour and an icon of its own."),
    )

    class Meta:
        icon = "warning"
        template = "blocks/notice_block.html"
        label = _("Notice")
        description = _("A highlighted box for information visitors must not miss.")
        preview_value = {
            "title": "UWAGA!",
            "body": "<p>Ograniczona liczba miejsc stacjonarnych. Obowiązuje rejestracja.</p>",
            "level": "warning",
        }


class ImageValue(blocks.StructValue):
    @property
    def alt(self):
        """The alt text; none for a decorative image, which screen readers skip."""
        return "" if self.get("decorative") else self.get("alt_text")


class ImageBlock(blocks.StructBlock):
    """A photo or illustration with alt text, caption and photo credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("Photo credit"),
        required=False,
        max_length=120,
        help_text=_("The author, e.g. 'Piotr Rojewski'. Shown as 'Photo: …'."),
    )

    def clean(self, value):
        value = super().clean(value)
        has_alt_text = bool((value.get("alt_text") or "").strip())
        if has_alt_text and value.get("decorative"):
            raise block_error(
                decorative=_(
                    "A decorative image has no alt text: clear the alt text or untick "
                    "'Decorative image'."
                )
            )
        if not has_alt_text and not value.get("decorative") and not self.is_deferred_validation:
            raise block_error(
                alt_text=_(
                    "Describe the image for people who cannot see it, or mark it as decorative."
                )
            )
        return value

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        value_class = ImageValue
        description = _("A photo with alt text, an optional caption and the photographer's name.")
        preview_value = {
            "image": None,
            "alt_text": "Uczestniczki i uczestnicy forum przy stołach podczas warsztatu",
            "decorative": False,
            "caption": "Za nami III Forum Współpracy i Integracji!",
            "credit": "Piotr Rojewski",
        }


class EmbedValue(blocks.StructValue):
    @cached_property
    def video(self):
        return parse_video_url(self.get("url"))


class EmbedBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads only when the visitor asks for it."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The address of a YouTube or Vimeo video, e.g. https://vimeo.com/76979871."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("What the video is, for screen readers and for the link without JavaScript."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and parse_video_url(value["url"]) is None:
            raise block_error(
                url=_(
                    "Only YouTube and Vimeo videos can be embedded. Paste the address of "
                    "the video's page, e.g. https://www.youtube.com/watch?v=… or "
                    "https://vimeo.com/…"
                )
            )
        return value

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Video")
        value_class = EmbedValue
        description = _(
            "A YouTube or Vimeo video. Nothing is loaded from YouTube or Vimeo until the "
            "visitor clicks."
        )
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "II Forum Migracyjne w Lublinie",
            "caption": "Forum ds. Lokalnych Polityk Migracyjnych, Lublin, 21–23 marca 2014 roku",
        }


class DocumentLinkValue(blocks.StructValue):
    def display_title(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    def details(self):
        """The file type and size that tell a visitor what the link downloads."""
        document = self.get("document")
        if document is None:
            return ""
        details = [document.file_extension.upper()] if document.file_extension else []
        size = document.get_file_size()
        if size:
            details.append(filesizeformat(size))
        return ", ".join(details)


class DocumentLinkBlock(blocks.StructBlock):
    """One file to download, under its own title or a clearer one."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")
        value_class = DocumentLinkValue
        description = _("A link to a document, with its file type and size.")
        preview_value = {"document": None, "title": "Program spotkania"}


class DocumentsBlock(blocks.StructBlock):
    """Files to download: programmes, reports, forms."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/documents_block.html"
        label = _("Documents")
        description = _("A list of documents to download, each with its file type and size.")
        preview_value = {
            "heading": "Do pobrania",
            "documents": [
                {"document": None, "title": "Program spotkania"},
                {"document": None, "title": "Postulaty do polityków i polityczek"},
            ],
        }


class PersonBlock(blocks.StructBlock):
    """One person of a guest list: who they are and where they work."""

    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=300)
    organization = blocks.CharBlock(label=_("Organization"), required=False, max_length=300)

    class Meta:
        icon = "user"
        template = "blocks/person_block.html"
        label = _("Person")
        description = _("A person's name, role and organization.")
        preview_value = {
            "name": "Piotr Choroś",
            "role": "Dyrektor",
            "organization": "Urząd Miasta Lublin, Biuro Partycypacji Społecznej",
        }


class PeopleBlock(blocks.StructBlock):
    """A list of people, such as a panel's guests or a project's team."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    people = blocks.ListBlock(PersonBlock(), label=_("People"), min_num=1)

    class Meta:
        icon = "group"
        template = "blocks/people_block.html"
        label = _("People")
        description = _("Guests, speakers or a team: each with a role and organization.")
        preview_value = {
            "heading": "Naszymi gośćmi byli",
            "people": [
                {
                    "name": "Joanna Sosnowska",
                    "role": "Kierownik Zespołu Koordynacji Działań na Rzecz Cudzoziemców",
                    "organization": "Urząd m. st. Warszawy, Biuro Współpracy Międzynarodowej",
                },
                {
                    "name": "Mateusz Płoskonka",
                    "role": "Zastępca Dyrektora Wydziału Polityki Społecznej i Zdrowia",
                    "organization": "Urząd Miasta Krakowa",
                },
                {
                    "name": "Piotr Choroś",
                    "role": "Dyrektor",
                    "organization": "Urząd Miasta Lublin, Biuro Partycypacji Społecznej",
                },
            ],
        }


class ContactValue(blocks.StructValue):
    def phone_href(self):
        """The phone number as a tel: link wants it: digits and a leading plus only."""
        phone = self.get("phone") or ""
        digits = re.sub(r"\D", "", phone)
        return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}" if digits else ""


class ContactBlock(blocks.StructBlock):
    """Whom to ask: a person with their e-mail address and phone number."""

    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=200)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    phone = blocks.CharBlock(
        label=_("Phone"), required=False, max_length=40, validators=[validate_phone]
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("email") and not value.get("phone") and not self.is_deferred_validation:
            message = _("Give an e-mail address, a phone number or both.")
            raise block_error(email=message, phone=message)
        return value

    class Meta:
        icon = "mail"
        template = "blocks/contact_block.html"
        label = _("Contact")
        value_class = ContactValue
        description = _("A contact person with an e-mail address and a phone number.")
        preview_value = {
            "name": "Jolanta Steciuk",
            "role": "Program spotkania",
            "email": "kontakt@example.org",
            "phone": "+48 56 622 10 00",
        }


class CallToActionValue(blocks.StructValue):
    def url(self, request=None):
        """Where the button leads: the chosen page, in the visitor's language if translated.

        With the request, a page of the same site gets a relative address.
        """
        page = self.get("page")
        if page is not None:
            page = localized(page)
            return (page.get_url(request) or "") if page.live else ""
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A button that leads to registration, a form or more information."""

    text = blocks.CharBlock(label=_("Button text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(
        label=_("Address on another website"),
        required=False,
        help_text=_("Use this instead of a page for a link to another website."),
    )
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("primary", _("Primary")), ("secondary", _("Secondary"))],
        default="primary",
    )

    def clean(self, value):
        value = super().clean(value)
        page, external_url = value.get("page"), value.get("external_url")
        if page and external_url:
            message = _("Choose a page or enter an address, not both.")
            raise block_error(page=message, external_url=message)
        if not page and not external_url and not self.is_deferred_validation:
            message = _("Choose a page or enter an address for the button.")
            raise block_error(page=message, external_url=message)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["href"] = value.url((parent_context or {}).get("request"))
        return context

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        value_class = CallToActionValue
        description = _("A button linking to a page of the site or to another website.")
        preview_value = {
            "text": "Postulaty do polityków i polityczek",
            "page": None,
            "external_url": (
                "https://konsorcjum.org.pl/postulaty-do-politykow-i-polityczek-apel-organizacji-"
                "czlonkowskich-konsorcjum-migracyjnego/"
            ),
            "style": "primary",
        }

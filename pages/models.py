"""What every public page of an organization shares: the page base and the hero photo."""

from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.lemmas import lemmas_of
from organizations.page_forms import OrganizationPageForm
from organizations.page_permissions import OrganizationPagePermissions
from organizations.translations import untranslated_parts_of_page

from .blocks import BodyBlock


class BasePage(OrganizationPagePermissions, Page):
    """What every public page of an organization shares: a lead and a body."""

    intro = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = OrganizationPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        # The lemmas of the title, lead and body in the page's own language (core.lemmas):
        # what lets "integracja" find "integracji". Below the title, which holds the words as
        # written.
        index.SearchField("search_lemmas", boost=0.5),
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # Whether visitors can download the page as a PDF at its address + `pdf/` (pages/pdf.py).
    pdf_available = False
    # What the site search calls a result of this type: "page", "news" or "event".
    search_kind = "page"

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if path_components == ["pdf"] and self.pdf_available:
            # Imported here: WeasyPrint (and Pango under it) loads only when a PDF is asked for.
            from . import pdf

            return pdf.route(self)
        try:
            return super().route(request, path_components)
        except Http404:
            # A page not yet translated: serve the default language's version, and
            # the template says so (see `is_language_fallback`).
            default_root = self.get_default_language_root()
            if default_root is None or default_root.pk == self.pk:
                raise
            request.is_language_fallback = True
            return default_root.route(request, path_components)

    def get_default_language_root(self):
        return None

    # --- What the site search reads ------------------------------------------------------

    def search_lemmas(self):
        """Indexed by Wagtail (update_index, and whenever the page is published)."""
        body = self._meta.get_field("body").get_searchable_content(self.body)
        text = " ".join([self.title, self.intro, *body])
        return lemmas_of(text, self.locale.language_code)

    def search_excerpt_text(self):
        """The lead and the body's text, for a result's excerpt. Read from the stream's
        stored data: loading its blocks would fetch every chosen image, document and
        page, queries for each result."""
        texts = [self.intro]
        _collect_sentences(self.body.raw_data, texts)
        return " ".join(text for text in texts if text)

    def search_date(self):
        """The date a search result shows: when the page was last published."""
        return self.last_published_at

    def search_upcoming(self):
        return False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translation published with parts in the source language: base.html says so and
        # the title, lead and body blocks mark those parts with their language.
        context["untranslated"] = untranslated_parts_of_page(self)
        return context


def _collect_sentences(value, texts):
    """The text of a stream's stored data: strings of several words (paragraphs, captions,
    quotes), not block names, identifiers, addresses or single labels."""
    if isinstance(value, str):
        text = strip_tags(value).strip()
        if len(text.split()) > 1 and "://" not in text:
            texts.append(text)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "type"):
                _collect_sentences(item, texts)
    elif isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        for item in value:
            _collect_sentences(item, texts)


class HeroPhoto(models.Model):
    """A photo at the top of a page and on its card in lists, with what it shows for
    people who cannot see it, a caption and its author ("Zdjęcie: …").

    The form asks for the alt text when there is a photo (OrganizationPageForm); the
    author's name is the same in every language, "Photo:" before it is translated.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and on its card in lists."),
    )
    hero_alt_text = models.CharField(
        _("Alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    hero_caption = models.CharField(_("Caption"), max_length=300, blank=True)
    hero_credit = models.CharField(
        _("Photo credit"),
        max_length=120,
        blank=True,
        help_text=_("The author, e.g. 'Piotr Rojewski'. Shown as 'Photo: …'."),
    )

    hero_panel = MultiFieldPanel(
        [
            FieldPanel("hero_image"),
            FieldPanel("hero_alt_text"),
            FieldPanel("hero_caption"),
            FieldPanel("hero_credit"),
        ],
        heading=_("Photo"),
    )
    hero_synchronized_fields = [SynchronizedField("hero_credit")]

    class Meta:
        abstract = True

"""What every public page of an organization shares: the page base and the hero photo."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from organizations.page_forms import OrganizationPageForm
from organizations.translations import untranslated_parts_of_page

from .blocks import BodyBlock


class BasePage(Page):
    """What every public page of an organization shares: a lead and a body."""

    intro = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    base_form_class = OrganizationPageForm
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # Whether visitors can download the page as a PDF at its address + `pdf/` (pages/pdf.py).
    pdf_available = False

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translation published with parts in the source language: base.html says so and
        # the title, lead and body blocks mark those parts with their language.
        context["untranslated"] = untranslated_parts_of_page(self)
        return context


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

"""What every public page of an organization shares: the page base and the hero photo."""

from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import StringSegment, StringTranslation

from core.languages import default_language_original, slug_for, with_active_locale
from core.lemmas import lemmas_of
from core.page_links import load_linked_pages
from organizations.languages import shows_untranslated
from organizations.page_forms import OrganizationPageForm
from organizations.page_permissions import OrganizationPagePermissions
from organizations.translations import untranslated_parts_of_page
from partners.blocks import partners_by_id

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
            return self.route_to_original(request, path_components)

    def route_to_original(self, request, path_components):
        """What is not found under a translation is looked for under its original (Polish).

        A page found there that is translated into this page's language redirects to its
        translation (an old address, e.g. the Polish slug in /uk/); one not yet translated
        is served here, in its own language, and the template says so (see
        `is_language_fallback`), unless the organization chose to show only translated
        content (`OrganizationSettings.show_untranslated`).
        """
        original = default_language_original(self)
        if original is None or not path_components:
            raise Http404
        found = original.route(request, path_components)
        page, args, kwargs = found
        used = page.depth - original.depth
        rest = path_components[used:]
        translation = (
            page.get_translations()
            .live()
            .filter(locale_id=self.locale_id)
            .select_related("locale")
            .first()
        )
        if translation is not None:
            url = translation.get_url(request)
            if url is None:
                raise Http404
            # Sent on by the before_serve_page hook (pages/wagtail_hooks.py): whatever reads
            # the route (Wagtail's view, its hooks, the registration's origin) gets a page.
            request.language_redirect = (translation.pk, url + "".join(f"{p}/" for p in rest))
            return RouteResult(translation)
        if not shows_untranslated(request):
            raise Http404
        here = self.get_url(request)
        if here is None:
            raise Http404
        request.is_language_fallback = True
        request.language_fallback_page_id = page.pk
        request.language_fallback_url = here + "".join(
            f"{part}/" for part in path_components[:used]
        )
        return found

    def full_clean(self, *args, **kwargs):
        self.give_translation_its_own_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.give_translation_its_own_slug()
        super().minimal_clean()

    def give_translation_its_own_slug(self):
        """A translation that still has its original's slug gets one of its own, made from
        its title once that is translated (Ukrainian transliterated to Latin letters).

        wagtail-localize copies the slug into a new translation; the one made here is also
        recorded as the slug's translation, so the translator sees it and may change it.
        Wagtail keeps a redirect from the address a live page had before.
        """
        if not self.pk or not self.slug or self.locale_id is None:
            return
        original = default_language_original(self)
        if original is None or self.slug != original.slug or self.title == original.title:
            return
        slug = slug_for(self.title, self.locale.language_code)
        parent = self.get_parent()
        if not slug or parent is None:
            return
        self.slug = find_available_slug(parent, slug, ignore_page_id=self.pk)
        record_slug_translation(original, self)

    # --- What the site search reads ------------------------------------------------------

    def search_lemmas(self):
        """Indexed by Wagtail (update_index, and whenever the page is published).

        Kept on the object for the text it was made from: the database backend reads every
        search field once for each column it fills (title, body, autocomplete), and
        lemmatizing is most of the time indexing a page takes.
        """
        body = self._meta.get_field("body").get_searchable_content(self.body)
        text = " ".join([self.title, self.intro, *body])
        language = self.locale.language_code
        made = self.__dict__.get("_search_lemmas")
        if made is None or made[0] != (text, language):
            made = ((text, language), lemmas_of(text, language))
            self.__dict__["_search_lemmas"] = made
        return made[1]

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
        with_active_locale(self)
        context = super().get_context(request, *args, **kwargs)
        # A translation published with parts in the source language: base.html says so and
        # the title, lead and body blocks mark those parts with their language.
        context["untranslated"] = untranslated_parts_of_page(self)
        # Every strip's partners in the page's language, at once (see PartnerStripBlock).
        strips = [child for stream in self.streams_with_partners() for child in stream]
        context["partners_by_id"] = partners_by_id(strips, self.locale.language_code)
        load_linked_pages(*self.streams_with_partners())
        return context

    def streams_with_partners(self):
        """The streams of the page that may hold partner strips."""
        return [self.body]


def record_slug_translation(original, translation):
    """The translation's slug as the translation of its original's slug segment in
    wagtail-localize, where one is not yet given."""
    segment = (
        StringSegment.objects.filter(
            source__object_id=original.translation_key,
            source__locale_id=original.locale_id,
            context__path="slug",
        )
        .select_related("string", "context")
        .first()
    )
    if segment is not None:
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale_id=translation.locale_id,
            context=segment.context,
            defaults={"data": translation.slug},
        )


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

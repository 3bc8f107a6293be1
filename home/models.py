"""An organization's site: its home page and content pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page

from core.languages import mark_listed
from events.models import EventIndexPage, EventPage
from news.models import ArticlePage, NewsIndexPage
from organizations.languages import shows_untranslated
from organizations.models import OrganizationSettings
from pages.models import BasePage

# What a home page may feature, with the listing each is shown under.
FEATURED_TYPES = {ArticlePage: NewsIndexPage, EventPage: EventIndexPage}


class HomePage(BasePage):
    """The root of an organization's site: hero, a featured article or event, the latest
    news and next events, and a body."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured article or event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown as a large card under the top of the home page, in each language as "
            "translated. Left empty, the latest article is."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        PageChooserPanel("featured_page", ["news.ArticlePage", "events.EventPage"]),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "partners.PartnersPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        chosen = self.featured_page
        if chosen is None:
            return
        # The chooser offers articles and events; a form takes any page's id.
        if chosen.specific_class not in FEATURED_TYPES:
            raise ValidationError({"featured_page": _("Choose an article or an event.")})
        org = OrganizationSettings.for_page(self) if self.pk else None
        if org is not None and not org.owns_page(chosen):
            raise ValidationError(
                {"featured_page": _("Choose one of this organization's own pages.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_item"] = self.featured_item(request)
        return context

    def featured_item(self, request=None):
        """The article or event the editors feature, ready for its card: its translation in
        this page's language, or, not yet translated, the original marked with its language
        where the organization shows such content (OrganizationSettings.show_untranslated).
        None when none is chosen or it is not published: the newest article is featured
        then (news_tags.latest_news). A fixed number of queries."""
        if self.featured_page_id is None:
            return None
        chosen_key = Page.objects.filter(pk=self.featured_page_id).values("translation_key")[:1]
        found = {
            page.locale_id: page
            for page in Page.objects.live()
            .public()
            .filter(translation_key=Subquery(chosen_key))
            .filter(Q(locale_id=self.locale_id) | Q(pk=self.featured_page_id))
        }
        page = found.get(self.locale_id)
        if page is None and shows_untranslated(request):
            page = next(iter(found.values()), None)
        model = page.specific_class if page is not None else None
        if model not in FEATURED_TYPES:
            return None
        item = model.for_listing(model.objects.filter(pk=page.pk)).first()
        if item is None:
            return None
        if model is EventPage:
            EventPage.with_availability([item])
        if item.locale_id == self.locale_id:
            return mark_listed([item], self, None)[0]
        # Not yet translated: read at this language's listing address, marked as such.
        listing = FEATURED_TYPES[model].objects.child_of(self).live().first()
        if listing is None:
            return None
        return mark_listed([item], listing, listing.get_url(request))[0]


class ContentPage(BasePage):
    """A page such as About us, Contact or Privacy policy."""

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    pdf_available = True

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

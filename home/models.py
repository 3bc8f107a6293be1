"""An organization's site: its home page, content pages and settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock, ProgrammeLogoBlock
from .colours import validate_contrast_with_white
from .forms import OrganizationPageForm, OrganizationSettingsForm
from .owned import NAMED_SNIPPET_SEARCH_FIELDS, OrganizationOwned, OrganizationOwnedForm


def default_languages():
    return [code for code, _name in settings.LANGUAGES]


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
    # Whether visitors can download the page as a PDF at its address + `pdf/` (home/pdf.py).
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


class HomePage(BasePage):
    """The root of an organization's site: hero, introduction and body."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
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

    def get_default_language_root(self):
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return (
            HomePage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .select_related("locale")
            .first()
        )


class ContentPage(BasePage):
    """A page such as About us, Contact or Privacy policy."""

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    pdf_available = True

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class RegistrationRetention(models.TextChoices):
    """What happens to event registrations some days after their event ends."""

    DELETE = "delete", _("delete them")
    ANONYMISE = "anonymise", _("anonymise them (keep the numbers, remove the people)")


@register_setting(icon="home")
class OrganizationSettings(BaseSiteSetting):
    """Who the organization is and how its site looks, edited by its own staff only."""

    base_form_class = OrganizationSettingsForm

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        null=True,
        editable=False,
        help_text=_("The organization's identifier, given by create_organization."),
    )
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Used where space is tight.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d4e89",
        validators=[validate_contrast_with_white],
        help_text=_("Header and buttons. White text on it must stay readable (WCAG AA)."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#8a3b12",
        validators=[validate_contrast_with_white],
        help_text=_("Links and highlights. White text on it must stay readable (WCAG AA)."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    email_domains = models.CharField(
        _("the organization's e-mail domains"),
        max_length=300,
        blank=True,
        help_text=_(
            "E.g. 'studiom6.pl, m6.org.pl'. E-mails about registrations go only to addresses "
            "in these domains."
        ),
    )
    registration_retention_days = models.PositiveSmallIntegerField(
        _("keep registrations for (days after the event)"),
        default=30,
        help_text=_(
            "After this many days from the end of an event, its registrations are deleted or "
            "anonymised (manage.py purge_registrations)."
        ),
    )
    registration_retention = models.CharField(
        _("then"),
        max_length=20,
        choices=RegistrationRetention.choices,
        default=RegistrationRetention.DELETE,
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    newsletter_url = models.URLField(_("newsletter sign-up link"), blank=True)
    donate_url = models.URLField(_("donate link"), blank=True)
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    funding_notice = models.ForeignKey(
        "home.FundingNotice",
        verbose_name=_("funding notice in the footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the bottom of every page, e.g. for a project's EU funding."),
    )
    languages = models.JSONField(_("languages"), default=default_languages)
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where this organization's images and documents live."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("short_name"),
                    FieldPanel("logo"),
                    MultiFieldPanel(
                        [FieldPanel("primary_colour"), FieldPanel("accent_colour")],
                        heading=_("Colours"),
                    ),
                    FieldPanel("languages"),
                ],
                heading=_("Organization"),
            ),
            ObjectList(
                [
                    FieldPanel("contact_email"),
                    FieldPanel("phone"),
                    FieldPanel("address"),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    FieldPanel("facebook_url"),
                    FieldPanel("instagram_url"),
                    FieldPanel("linkedin_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("x_url"),
                    FieldPanel("telegram_url"),
                ],
                heading=_("Social media"),
            ),
            ObjectList(
                [
                    FieldPanel("newsletter_url"),
                    FieldPanel("donate_url"),
                    FieldPanel("privacy_policy_page"),
                    FieldPanel("footer_text"),
                    FieldPanel("funding_notice"),
                ],
                heading=_("Footer"),
            ),
            ObjectList(
                [
                    FieldPanel("email_domains"),
                    FieldRowPanel(
                        [
                            FieldPanel("registration_retention_days"),
                            FieldPanel("registration_retention"),
                        ]
                    ),
                ],
                heading=_("Registrations"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("organization settings")
        verbose_name_plural = _("organization settings")

    def __str__(self):
        return self.name or str(self.site)

    def clean(self):
        super().clean()
        page = self.privacy_policy_page
        if page is not None and self.site_id and not self.owns_page(page):
            raise ValidationError(
                {"privacy_policy_page": _("Choose a page of this organization's own site.")}
            )
        notice = self.funding_notice
        if notice is not None and self.site_id and notice.site_id != self.site_id:
            raise ValidationError(
                {"funding_notice": _("Choose a funding notice of this organization.")}
            )

    @property
    def display_name(self):
        return self.name or self.site.site_name or self.site.hostname

    def published_privacy_policy(self):
        """The privacy policy page in the active language (in the chosen language where its
        translation is not published), or None while there is no published one to link to:
        the page create_organization makes is a draft until the staff fill it in. One query
        per request and language.
        """
        chosen_id = self.privacy_policy_page_id
        if chosen_id is None:
            return None
        language = get_language()
        # The footer and a registration form on one page ask the same; the settings object
        # lives for one request (OrganizationSettings.for_request).
        found = self.__dict__.setdefault("_published_privacy_policy", {})
        if (chosen_id, language) not in found:
            chosen_key = Page.objects.filter(pk=chosen_id).values("translation_key")[:1]
            pages = (
                Page.objects.live()
                .filter(translation_key=Subquery(chosen_key))
                .filter(Q(pk=chosen_id) | Q(locale__language_code=language))
                .select_related("locale")
            )
            by_language = {page.locale.language_code: page for page in pages}
            chosen = next((page for page in by_language.values() if page.pk == chosen_id), None)
            found[chosen_id, language] = by_language.get(language, chosen)
        return found[chosen_id, language]

    @classmethod
    def for_page(cls, page):
        """The organization whose site the page belongs to, in whichever language."""
        home = page if page.depth <= 2 else page.get_ancestors().filter(depth=2).first()
        if home is None or home.depth < 2:
            return None
        return (
            cls.objects.filter(site__root_page__translation_key=home.translation_key)
            .select_related("site", "collection")
            .first()
        )

    def email_domain_list(self):
        """The organization's e-mail domains, e.g. ['studiom6.pl', 'm6.org.pl']."""
        return [
            domain
            for domain in (
                part.strip().lower().removeprefix("@") for part in self.email_domains.split(",")
            )
            if domain
        ]

    def owns_address(self, address):
        """Whether an e-mail address is in one of the organization's own domains."""
        return "@" in address and address.rsplit("@", 1)[1].lower() in self.email_domain_list()

    def owns_page(self, page):
        return any(page.path.startswith(root.path) for root in self.root_pages())

    def root_pages(self):
        """The organization's home page in every language it has been translated to."""
        return Page.objects.filter(translation_key=self.site.root_page.translation_key, depth=2)

    def language_choices(self):
        """(code, native name) of the languages the organization publishes in, in order."""
        return [(code, name) for code, name in settings.LANGUAGES if code in self.languages]

    def social_links(self):
        links = [
            ("facebook", "Facebook", self.facebook_url),
            ("instagram", "Instagram", self.instagram_url),
            ("linkedin", "LinkedIn", self.linkedin_url),
            ("youtube", "YouTube", self.youtube_url),
            ("x", "X", self.x_url),
            ("telegram", "Telegram", self.telegram_url),
        ]
        return [(key, label, url) for key, label, url in links if url]

    def branding(self):
        """What the error pages need to look like the organization, without the database."""
        return {
            "name": self.display_name,
            "primary_colour": self.primary_colour,
            "accent_colour": self.accent_colour,
            "contact_email": self.contact_email,
        }


def locale_for(language_code):
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale


class FundingNotice(TranslatableMixin, OrganizationOwned, index.Indexed):
    """A funding disclaimer with the programmes' logos, for pages and the site's footer.

    E.g. "Projekt współfinansowany ze środków Unii Europejskiej…" with the EU and
    programme logos. Belongs to one organization; translated like pages.
    """

    name = models.CharField(
        _("name"), max_length=200, help_text=_("For staff only, e.g. 'FAMI 2021–2027'.")
    )
    logos = StreamField(
        [("logo", ProgrammeLogoBlock())], blank=True, verbose_name=_("programme logos")
    )
    disclaimer = RichTextField(_("disclaimer"), features=["bold", "italic", "link"])

    base_form_class = OrganizationOwnedForm
    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("logos"), FieldPanel("disclaimer")]
    search_fields = NAMED_SNIPPET_SEARCH_FIELDS
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("logos"),
        TranslatableField("disclaimer"),
        SynchronizedField("site", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("funding notice")
        verbose_name_plural = _("funding notices")

    def __str__(self):
        return self.name

    def in_current_language(self):
        """This notice in the page's language when translated, else as it is."""
        return self.localized if self.pk else self

"""The tenant: an organization's settings and its funding notices."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
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

from core.colours import validate_contrast_with_white

from .blocks import ProgrammeLogoBlock
from .forms import OrganizationSettingsForm
from .owned import NAMED_SNIPPET_SEARCH_FIELDS, OrganizationOwned, OrganizationOwnedForm

# The pages the footer links, chosen in the settings' Footer tab.
FOOTER_PAGE_FIELDS = ("privacy_policy_page", "accessibility_statement_page")


def default_languages():
    return [code for code, _name in settings.LANGUAGES]


class IncompleteTranslations(models.TextChoices):
    """What publishing a translation that still has untranslated segments does."""

    REFUSE = "refuse", _("refuse to publish it, listing what is missing")
    NOTICE = (
        "notice",
        _(
            "publish it; visitors see a notice and the untranslated parts marked with their language"
        ),
    )


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
    accessibility_statement_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The accessibility statement (deklaracja dostępności), linked from the footer of "
            "every page once it is published."
        ),
    )
    # The footer text in each language of the installation (settings.LANGUAGES): a few
    # sentences the organization's editors write with the rest of these settings. A site
    # setting is one row per site, which wagtail-localize cannot translate; a translatable
    # snippet chosen here would add a model, a chooser and a translation job per organization
    # for one sentence, and hide the languages from each other. Side by side in the Footer
    # tab, every language is in sight of the person who changes one; a language left empty
    # shows the Polish text, marked as Polish (footer_text_in_language).
    footer_text = models.TextField(_("footer text (Polish)"), blank=True)
    footer_text_uk = models.TextField(_("footer text (Ukrainian)"), blank=True)
    footer_text_en = models.TextField(_("footer text (English)"), blank=True)
    funding_notice = models.ForeignKey(
        "organizations.FundingNotice",
        verbose_name=_("funding notice in the footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the bottom of every page, e.g. for a project's EU funding."),
    )
    languages = models.JSONField(_("languages"), default=default_languages)
    registration_reminders = models.BooleanField(
        _("remind registrants the day before"),
        default=True,
        help_text=_(
            "Each person with a confirmed place gets an e-mail the day before the event, "
            "in the language they registered in, with the date, place and cancel link."
        ),
    )
    show_untranslated = models.BooleanField(
        _("show content not yet translated"),
        default=True,
        help_text=_(
            "An article or event not yet translated appears in the other languages' listings, "
            "home page and feeds, marked with its language, and opens with a notice."
        ),
    )
    incomplete_translations = models.CharField(
        _("publishing an incomplete translation"),
        max_length=20,
        choices=IncompleteTranslations.choices,
        default=IncompleteTranslations.REFUSE,
    )
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
                    FieldPanel("accessibility_statement_page"),
                    FieldPanel("footer_text"),
                    FieldPanel("footer_text_uk"),
                    FieldPanel("footer_text_en"),
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
                    FieldPanel("registration_reminders"),
                ],
                heading=_("Registrations"),
            ),
            ObjectList(
                [FieldPanel("show_untranslated"), FieldPanel("incomplete_translations")],
                heading=_("Translations"),
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
        for field in FOOTER_PAGE_FIELDS:
            page = getattr(self, field)
            if page is not None and self.site_id and not self.owns_page(page):
                raise ValidationError({field: _("Choose a page of this organization's own site.")})
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
        the page create_organization makes is a draft until the staff fill it in."""
        return self.published_footer_pages().get(self.privacy_policy_page_id)

    def published_accessibility_statement(self):
        """The accessibility statement in the active language, as the privacy policy."""
        return self.published_footer_pages().get(self.accessibility_statement_page_id)

    def published_footer_pages(self):
        """{chosen page id: the page to link to} of the pages the footer links
        (FOOTER_PAGE_FIELDS): each in the active language where that translation is live,
        else as chosen where that is live; a page with neither is left out. One query per
        request and language for all of them.
        """
        chosen = [pk for pk in (getattr(self, f"{f}_id") for f in FOOTER_PAGE_FIELDS) if pk]
        if not chosen:
            return {}
        language = get_language()
        # The footer and a registration form on one page ask the same; the settings object
        # lives for one request (OrganizationSettings.for_request).
        found = self.__dict__.setdefault("_published_footer_pages", {})
        if (tuple(chosen), language) not in found:
            keys = Page.objects.filter(pk__in=chosen).values("translation_key")
            # The chosen pages, live or not (for their translation keys), and the live
            # translations in the active language.
            pages = list(
                Page.objects.filter(translation_key__in=Subquery(keys))
                .filter(Q(pk__in=chosen) | Q(live=True, locale__language_code=language))
                .select_related("locale")
            )
            shown = {}
            for page in pages:
                if page.pk not in chosen:
                    continue
                translation = next(
                    (
                        other
                        for other in pages
                        if other.translation_key == page.translation_key
                        and other.live
                        and other.locale.language_code == language
                    ),
                    None,
                )
                if translation is not None or page.live:
                    shown[page.pk] = translation or page
            found[tuple(chosen), language] = shown
        return found[tuple(chosen), language]

    def footer_text_in_language(self):
        """{"text", "language"}: the footer text in the active language, else the Polish one
        (with "language" telling the template to mark it), else None."""
        language = get_language() or settings.LANGUAGE_CODE
        own = getattr(self, f"footer_text_{language}", None) if language != "pl" else None
        if own:
            return {"text": own, "language": language}
        if self.footer_text:
            return {"text": self.footer_text, "language": "pl"}
        return None

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
        """This notice in the page's language when translated, else as it is, with the
        language its disclaimer is in (`disclaimer_language`): a translation may still show
        the original's (organizations.translations)."""
        shown = self.localized if self.pk else self
        shown.disclaimer_language = shown.locale.language_code if shown.locale_id else ""
        if shown.pk and shown.pk != self.pk:
            found = (
                UntranslatedText.objects.filter(
                    content_type=ContentType.objects.get_for_model(FundingNotice),
                    object_id=str(shown.pk),
                    revision=None,
                )
                .values_list("source_language", "segments")
                .first()
            )
            if found and any(path == "disclaimer" for path, _text in found[1]):
                shown.disclaimer_language = found[0]
        return shown


class OrganizationGroup(models.Model):
    """What one of an organization's groups is for: its role and, for translators, the
    language they translate into.

    Recorded by organizations.provisioning when it makes the group, so that a group keeps its
    meaning when an administrator renames it; organizations.membership and the page
    permission policy read it (a translators group may act only on translations into its
    language)."""

    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="organization_role"
    )
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20)
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "role", "language"], name="one_group_per_role_and_language"
            )
        ]

    def __str__(self):
        return f"{self.group} ({self.role}{', ' + self.language if self.language else ''})"


class UntranslatedText(models.Model):
    """The parts of a translation that wagtail-localize filled with the source text because
    they were not translated when it was saved: recorded then, per page revision (or per
    snippet), so that pages say so to visitors and mark those parts with the source
    language, as they were published, whatever the translators have done since.

    Read with one query per page (by its live revision) and one per set of snippets shown.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.CharField(max_length=255)
    revision = models.OneToOneField(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source_language = models.CharField(max_length=15)
    # [[path, source text], …] in the source's order; a path is wagtail-localize's, e.g.
    # "intro" or "body.<block id>.text".
    segments = models.JSONField(default=list)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type} {self.object_id}: {len(self.segments)} untranslated"

    def paths(self):
        return [path for path, _text in self.segments]

"""Promoted results and the record of what visitors search for, per organization.

Why not wagtail.contrib.search_promotions itself: its `Query` (and the `QueryDailyHits`
counted on it) is one row per query string for the whole installation, its
`SearchPromotion` has no organization (a pick for "pomoc" would show on every site, and may
point to any page or address), and its admin lists and edits the picks of a query and the
search terms of every site together, to anyone who may edit picks. Scoping it would mean
a link table beside each of its models and every one of its eight admin views replaced. The
two small models below keep its shape (a query string; promoted pages in order; hits per
day) with the organization in every row, so that organizations.owned's policy, listing and
views keep each organization's to its own staff as they do for funding notices, and the
report reads one organization's rows only.

Both store a query the way the search reads it (core.search.words_of): lower-case words,
no signs, quotation marks or control characters, at most 200 characters. Nothing else about
a search is kept: no address, no account, no time of day.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.search import index

from core.search import MAX_QUERY_LENGTH, words_of
from organizations.owned import OrganizationOwned, OrganizationOwnedForm


class SearchPromotion(OrganizationOwned, index.Indexed):
    """A page of the organization shown first to its visitors who search for `query`, in
    the visitor's language where the page is translated."""

    query = models.CharField(
        _("search term"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "The words visitors type, e.g. “pomoc prawna”. Capital letters, signs and "
            "quotation marks do not matter; the words must be the same."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("promoted page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"),
        default=1,
        help_text=_("Pages promoted for the same search term are shown in this order."),
    )

    base_form_class = OrganizationOwnedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("query"),
        PageChooserPanel("page"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("query"),
        index.AutocompleteField("query"),
        index.FilterField("site"),
    ]

    class Meta:
        verbose_name = _("promoted search result")
        verbose_name_plural = _("promoted search results")
        ordering = ["query", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "query", "page"], name="search_promotion_once_per_query"
            )
        ]

    def __str__(self):
        return f"{self.query} → {self.page.title}" if self.page_id else self.query

    def clean(self):
        super().clean()
        self.query = words_of(self.query)
        if not self.query:
            raise ValidationError(
                {"query": _("Type the words visitors search for: letters and numbers.")}
            )
        organization = getattr(self.site, "organizationsettings", None) if self.site_id else None
        if self.page_id and organization is not None and not organization.owns_page(self.page):
            raise ValidationError({"page": _("Choose one of this organization's own pages.")})

    def validate_constraints(self, exclude=None):
        # The form leaves `site` out for staff of one organization, and Django then skips the
        # constraint: check it here, on the query as clean() normalised it.
        super().validate_constraints(exclude={*(exclude or ()), "query"})
        duplicate = SearchPromotion.objects.filter(
            site_id=self.site_id, query=self.query, page_id=self.page_id
        ).exclude(pk=self.pk)
        if self.site_id and self.page_id and duplicate.exists():
            raise ValidationError(
                {"page": _("This page is already promoted for this search term.")}
            )

    @property
    def organization_name(self):
        return str(getattr(self.site, "organizationsettings", None) or self.site)


class SearchTermDay(OrganizationOwned):
    """How often the organization's visitors searched for a query in a language on one
    day, and how many of those searches found nothing: what its staff read in the admin's
    *Search terms* report. Rows older than RETENTION_DAYS are deleted as new ones come."""

    RETENTION_DAYS = 30

    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("search term"), max_length=MAX_QUERY_LENGTH)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    found_nothing = models.PositiveIntegerField(_("searches that found nothing"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "language", "query", "date"], name="search_term_once_a_day"
            )
        ]

    def __str__(self):
        return self.query

"""The *Search terms* report: what an organization's visitors searched for in the last 30
days, most searched first, and which searches found nothing.

Seen by the organization's editors, moderators and translators (the site permission
SEARCH_TERMS_PERMISSION, held on their own organization's site only) and administrators;
each sees the rows of the organizations they hold it for and no other.
"""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from organizations.membership import site_ids_with_permission

from .apps import SEARCH_TERMS_PERMISSION
from .models import SearchTermDay
from .terms import REPORT_DAYS, search_terms


def search_terms_site_ids(user):
    """Ids of the sites (organizations) whose search terms the user may read."""
    return site_ids_with_permission(user, SEARCH_TERMS_PERMISSION)


def may_see_search_terms(user):
    return bool(search_terms_site_ids(user))


class SearchTermsFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("Organization"), field_name="site", queryset=Site.objects.none()
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    found_nothing = django_filters.BooleanFilter(
        label=_("Only searches that found nothing"),
        method="filter_found_nothing",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = SearchTermDay
        fields = []

    def __init__(self, *args, sites=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["site"].queryset = sites
        if len(sites) < 2:
            # One organization: nothing to choose.
            del self.filters["site"]

    def filter_found_nothing(self, queryset, name, value):
        return queryset.filter(nothing__gt=0) if value else queryset


class SearchTermsReportView(ReportView):
    page_title = _("Search terms")
    header_icon = "search"
    index_url_name = "search_terms:index"
    index_results_url_name = "search_terms:results"
    filterset_class = SearchTermsFilterSet
    paginate_by = 50
    list_export = ["organization", "query", "language", "total", "nothing"]
    export_headings = {
        "organization": _("Organization"),
        "query": _("Search term"),
        "language": _("Language"),
        "total": _("Searches"),
        "nothing": _("Found nothing"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.site_ids = search_terms_site_ids(request.user)
        if not self.site_ids:
            raise PermissionDenied
        # Another organization's id in the address is refused, not quietly ignored.
        asked = request.GET.get("site")
        if asked and not (asked.isdigit() and int(asked) in self.site_ids):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return _("Last %(days)s days") % {"days": REPORT_DAYS}

    @property
    def sites(self):
        return Site.objects.filter(pk__in=self.site_ids).order_by("site_name", "hostname")

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "sites": self.sites}

    def get_queryset(self):
        return search_terms(self.site_ids)

    @property
    def columns(self):
        columns = [
            Column("query", label=_("Search term")),
            Column("language", label=_("Language")),
            NumberColumn("total", label=_("Searches")),
            NumberColumn("nothing", label=_("Found nothing")),
        ]
        if len(self.site_ids) > 1:
            columns.insert(0, Column("organization", label=_("Organization")))
        return columns

    def decorate_paginated_queryset(self, object_list):
        names = {site.pk: organization_name(site) for site in self.sites}
        languages = dict(settings.LANGUAGES)
        rows = list(object_list)
        for row in rows:
            row["organization"] = names.get(row["site_id"], "")
            row["language"] = languages.get(row["language"], row["language"])
        return rows


def organization_name(site):
    settings_of_site = getattr(site, "organizationsettings", None)
    return str(settings_of_site) if settings_of_site is not None else str(site)

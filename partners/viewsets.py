"""The partner directory in the admin (in the Organization menu, see home/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from organizations.owned import OrganizationSnippetViewSet
from organizations.snippet_listing import LanguagesColumn

from .models import Partner


class PartnerViewSet(OrganizationSnippetViewSet):
    """The partner directory: every organization's staff choose from it, owners change it."""

    model = Partner
    icon = "site"
    list_display = [
        "name",
        LanguagesColumn(),
        Column("organization_name", label=_("Organization")),
    ]
    # The listing and the chooser search the name, as Partner.search_fields index it.

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site")

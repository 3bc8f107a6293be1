"""Promoted search results in the admin (*Settings → Promoted search results*)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import InspectView

from organizations.owned import OrganizationSnippetViewSet, OwnObjectMixin

from .models import SearchPromotion


class OwnInspectView(OwnObjectMixin, InspectView):
    # Translators read their organization's promotions without changing them.
    object_action = "view"


class SearchPromotionViewSet(OrganizationSnippetViewSet):
    """An organization's promoted results: its editors and moderators add, change and delete
    them, its translators see them, nobody else sees them at all."""

    model = SearchPromotion
    icon = "pick"
    menu_label = _("Promoted search results")
    menu_name = "promoted-search-results"
    add_to_settings_menu = True
    menu_order = 900
    inspect_view_enabled = True
    inspect_view_class = OwnInspectView
    inspect_view_fields = ["query", "page", "sort_order"]
    copy_view_enabled = False
    list_display = [
        "query",
        Column("page", label=_("promoted page")),
        "sort_order",
        Column("organization_name", label=_("Organization")),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site__organizationsettings", "page")

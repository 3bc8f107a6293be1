"""News categories in the admin (in the Organization menu, see home/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from organizations.owned import OrganizationSnippetViewSet
from organizations.snippet_listing import LanguagesColumn

from .models import NewsCategory


class NewsCategoryViewSet(OrganizationSnippetViewSet):
    """News categories: each organization's staff see, choose and change only their own."""

    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = [
        "name",
        "slug",
        LanguagesColumn(),
        Column("organization_name", label=_("Organization")),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site")

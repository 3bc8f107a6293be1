from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet

from organizations.owned import OrganizationSnippetViewSet

from .models import NewsCategory


class NewsCategoryViewSet(OrganizationSnippetViewSet):
    """News categories: each organization's staff see, choose and change only their own."""

    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug", Column("organization_name", label=_("Organization"))]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site")


register_snippet(NewsCategoryViewSet)

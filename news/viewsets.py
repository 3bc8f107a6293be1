"""News categories and tags in the admin (in the Organization menu, see home/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from organizations.owned import OrganizationPermissionPolicy, OrganizationSnippetViewSet
from organizations.snippet_listing import LanguagesColumn

from .models import NewsCategory
from .tags import NewsTag


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


class MadeByArticlesPolicy(OrganizationPermissionPolicy):
    """Tags are made by publishing articles that carry them and belong to their articles:
    nobody adds, copies or deletes one in the admin, administrators included."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def _may(self, user, action, instance):
        return action not in ("add", "delete") and super()._may(user, action, instance)


class NewsTagViewSet(OrganizationSnippetViewSet):
    """The organization's news tags, each once with its languages: renamed and translated
    here, made by tagging articles."""

    model = NewsTag
    icon = "tag"
    menu_label = _("News tags")
    permission_policy_class = MadeByArticlesPolicy
    list_display = [
        "name",
        LanguagesColumn(),
        Column("organization_name", label=_("Organization")),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site")

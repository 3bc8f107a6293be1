from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from organizations.roles import owned_snippet_permissions


class NewsConfig(AppConfig):
    """News index, articles, categories, tags and feeds (the editorial content issue)."""

    name = "news"
    verbose_name = _("News")
    # What an organization's groups may do with its news categories (granted by
    # organizations.provisioning; the permission policy keeps them to their own).
    organization_permissions = owned_snippet_permissions("news.NewsCategory")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from organizations.roles import owned_snippet_permissions


def news_permissions():
    """What an organization's groups may do with its news categories and tags (granted by
    organizations.provisioning; the permission policy keeps them to their own). Tags are
    made by publishing articles: staff rename and translate them, and add or delete none."""
    permissions = owned_snippet_permissions("news.NewsCategory")
    for role in ("editors", "moderators", "translators"):
        permissions["global"][role] = [*permissions["global"][role], "news.change_newstag"]
    return permissions


class NewsConfig(AppConfig):
    """News index, articles, categories, tags and feeds (the editorial content issue)."""

    name = "news"
    verbose_name = _("News")
    organization_permissions = news_permissions()

    def ready(self):
        from .tags import connect

        connect()

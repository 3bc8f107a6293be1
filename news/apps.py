from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

NEWS_CATEGORY_PERMISSIONS = [
    "news.add_newscategory",
    "news.change_newscategory",
    "news.delete_newscategory",
]


class NewsConfig(AppConfig):
    """News index, articles, categories, tags and feeds (the editorial content issue)."""

    name = "news"
    verbose_name = _("News")
    # What an organization's groups may do with its news categories (granted by
    # organizations.provisioning; the permission policy keeps them to their own).
    organization_permissions = {
        "global": {
            "editors": NEWS_CATEGORY_PERMISSIONS,
            "moderators": NEWS_CATEGORY_PERMISSIONS,
            # Changing a category is what translating it takes; adding or deleting one is not.
            "translators": ["news.change_newscategory"],
        },
    }

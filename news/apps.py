from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News index, articles, categories, tags and feeds (the editorial content issue)."""

    name = "news"
    verbose_name = _("News")

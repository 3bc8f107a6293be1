"""RSS and Atom feeds of one news index: its latest articles, in its language."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.dates import WARSAW
from core.languages import mark_listed
from organizations.models import OrganizationSettings


def published_at(article):
    """When the article came out, for a feed: its date, at the time of day it was first
    published if that was the same day, else at midnight (Warsaw time)."""
    first = article.first_published_at
    if first is not None and timezone.localtime(first, WARSAW).date() == article.date:
        return first
    return datetime.datetime.combine(article.date, datetime.time.min, tzinfo=WARSAW)


class NewsRssFeed(Feed):
    """The index's latest articles as RSS 2.0; links are absolute, on the request's host."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        self.index = index
        self.language = index.locale.language_code
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.organization = OrganizationSettings.for_page(self.index)
        return self.index

    def organization_name(self):
        return self.organization.display_name if self.organization else ""

    def title(self, index):
        name = self.organization_name()
        return f"{index.title} – {name}" if name else index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro or self.title(index)

    def author_name(self, index):
        return self.organization_name() or None

    def items(self, index):
        show = self.organization is None or self.organization.show_untranslated
        articles = (
            index.published_articles(show).defer_streamfields().select_related("category", "locale")
        )
        return mark_listed(list(articles[: index.feed_length]), index, index.get_url(self.request))

    def item_title(self, article):
        # Plain text: the feed generator escapes it once, as XML needs. An article not yet
        # translated says in which language it is, as the news list does.
        with translation.override(self.language):
            marker = str(article.listed_language_name)
        return f"{article.title} ({marker})" if marker else article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        if article.listed_url:
            return self.request.build_absolute_uri(article.listed_url)
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return published_at(article)

    def item_updateddate(self, article):
        return max(article.last_published_at or published_at(article), published_at(article))

    def item_categories(self, article):
        return [article.category.name] if article.category else []


class NewsAtomFeed(NewsRssFeed):
    """The same articles as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)

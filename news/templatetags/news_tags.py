"""The organization's news feeds for the <head> of every page, and its latest news for the
home page."""

from django import template
from django.utils.html import format_html_join

from core.languages import mark_listed
from organizations.languages import organization_home, shows_untranslated

from ..models import ArticlePage, NewsIndexPage

register = template.Library()

FEED_TYPES = [("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom")]


def news_index(context):
    """The live news index under the organization's home page in the current language
    (or Polish, as the home page falls back to); cached for the request."""
    request = context.get("request")
    cache_name = "_news_index"
    if request is not None and hasattr(request, cache_name):
        return getattr(request, cache_name)
    home = organization_home(request)
    found = (
        NewsIndexPage.objects.live().child_of(home).select_related("locale").first()
        if home is not None
        else None
    )
    if request is not None:
        setattr(request, cache_name, found)
    return found


@register.simple_tag(takes_context=True)
def news_feed_links(context):
    """<link rel="alternate"> to the RSS and Atom feeds of the organization's news, with
    absolute addresses: an hreflang link needs one (search engines ignore relative ones)."""
    index = news_index(context)
    if index is None:
        return ""
    request = context.get("request")
    urls = index.feed_urls(request)
    if not urls:
        return ""
    if request is not None:
        urls = {key: request.build_absolute_uri(url) for key, url in urls.items()}
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="{}" title="{}" hreflang="{}" href="{}">',
        (
            (mime_type, f"{index.title} ({label})", index.locale.language_code, urls[key])
            for key, mime_type, label in FEED_TYPES
        ),
    )


@register.simple_tag(takes_context=True)
def latest_news(context, featured=None, count=3):
    """For the home page: what it features and the newest articles of the organization's
    news in the page's language, as {"featured", "articles", "news_index_url"}.

    `featured` is the item the editors chose (HomePage.featured_item), left out of the
    list; without one the newest article is featured and the list starts after it. One
    query for the articles either way (see ArticlePage.for_listing).
    """
    index = news_index(context)
    request = context.get("request")
    articles = []
    index_url = index.get_url(request) if index else None
    if index is not None:
        published = index.published_articles(shows_untranslated(request))
        if featured is not None:
            published = published.exclude(translation_key=featured.translation_key)
        shown = ArticlePage.for_listing(published)[: count if featured is not None else count + 1]
        articles = mark_listed(list(shown), index, index_url)
        if featured is None and articles:
            featured, articles = articles[0], articles[1:]
    return {"featured": featured, "articles": articles, "news_index_url": index_url}

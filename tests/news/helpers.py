"""Helpers for the news tests: news indexes, categories, articles and their translations,
and what a page's <head> says."""

import datetime
from html.parser import HTMLParser

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from news.models import ArticlePage, NewsCategory, NewsIndexPage, RelatedArticle
from news.tags import NewsTag
from tests.utils import add_child_page, listing_page, translate_page


def news_index(org, language="pl"):
    """The organization's news index in a language, as create_organization made it."""
    return listing_page(NewsIndexPage, org, language)


def make_category(org, name, slug="", language="pl"):
    category = NewsCategory(
        site=org.site, locale=Locale.objects.get(language_code=language), name=name, slug=slug
    )
    category.full_clean()
    category.save()
    return category


def add_article(
    index,
    title,
    date,
    *,
    category=None,
    intro="",
    tags=(),
    publish=True,
    related=(),
    **fields,
):
    """An article of the news index, published unless asked otherwise."""
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    article = ArticlePage(title=title, date=date, category=category, intro=intro, **fields)
    if tags:
        article.tags.add(*tags)
    for other in related:
        article.related_article_links.add(RelatedArticle(article=other))
    return add_child_page(index, article, publish=publish)


def translate_article(article, language, **fields):
    """The article in another language, published, as a translator leaves it."""
    return translate_page(article, language, **fields)


class Head(HTMLParser):
    """The <link>, <meta> and JSON-LD of a page, and every link, script, image and frame."""

    def __init__(self, html):
        super().__init__()
        self.links, self.meta, self.json_ld, self.anchors = [], {}, [], []
        self.sources = []
        self._in_json_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "a":
            self.anchors.append(attrs)
        if tag in {"script", "img", "iframe", "source"} and (
            attrs.get("src") or attrs.get("srcset")
        ):
            self.sources.append(attrs.get("src") or attrs.get("srcset"))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def link(self, rel, **attrs):
        """The addresses of the <link>s with this rel and these attributes (not the feeds)."""
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel
            and "type" not in link
            and all(link.get(k) == v for k, v in attrs.items())
        ]

    def share_link(self, key):
        (anchor,) = [a for a in self.anchors if a.get("class") == f"share-{key}"]
        return anchor


def news_tag(org, slug, language="pl"):
    return NewsTag.objects.get(site=org.site, tag__slug=slug, locale__language_code=language)


def translate_tag(org, slug, language, name=None):
    """The tag sent for translation with wagtail-localize's Translate, its name translated
    (or, without `name`, left untranslated) and the translation saved."""
    original = news_tag(org, slug)
    TranslationCreator(None, [Locale.objects.get(language_code=language)]).create_translations(
        original
    )
    translation = Translation.objects.get(
        source__object_id=original.translation_key,
        target_locale=Locale.objects.get(language_code=language),
    )
    if name is not None:
        segment = StringSegment.objects.select_related("string", "context").get(
            source=translation.source, context__path="name"
        )
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=Locale.objects.get(language_code=language),
            context=segment.context,
            data=name,
        )
        translation.save_target()
    return news_tag(org, slug, language)

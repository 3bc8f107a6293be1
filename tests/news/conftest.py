"""News of two organizations: their indexes (made by create_organization), categories,
articles and photos."""

import datetime

import pytest
from wagtail.models import Locale

from news.models import ArticlePage, NewsCategory, NewsIndexPage, RelatedArticle
from tests.utils import add_child_page, listing_page, translate_page
from tests.utils import make_image as make_image
from tests.utils import text_of as text_of
from tests.utils import visit as visit


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


@pytest.fixture
def index_a(org_a):
    return news_index(org_a)


@pytest.fixture
def index_b(org_b):
    return news_index(org_b)

"""News of two organizations: their indexes (made by create_organization), categories,
articles and photos."""

import datetime

import pytest
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from news.models import ArticlePage, NewsCategory, NewsIndexPage

Image = get_image_model()


def visit(org, path, **headers):
    return Client().get(path, HTTP_HOST=org.site.hostname, **headers)


def text_of(response):
    return response.content.decode()


def news_index(org, language="pl"):
    """The organization's news index in a language, as create_organization made it."""
    return NewsIndexPage.objects.get(
        locale__language_code=language,
        path__startswith=org.root_pages().get(locale__language_code=language).path,
    )


def make_category(org, name, slug="", language="pl"):
    category = NewsCategory(
        site=org.site, locale=Locale.objects.get(language_code=language), name=name, slug=slug
    )
    category.full_clean()
    category.save()
    return category


def make_image(org, title="Zdjęcie"):
    return Image.objects.create(
        title=title,
        file=get_test_image_file(filename="photo.png", size=(1600, 900)),
        collection=org.collection,
    )


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
    article = ArticlePage(
        title=title, date=date, category=category, intro=intro, live=publish, **fields
    )
    index.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
    for other in related:
        article.related_article_links.create(article=other)
    revision = article.save_revision()
    if publish:
        revision.publish()
    article.refresh_from_db()
    return article


def translate_article(article, language, **fields):
    """The article in another language, published, as a translator leaves it."""
    translated = article.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def index_a(org_a):
    return news_index(org_a)


@pytest.fixture
def index_b(org_b):
    return news_index(org_b)

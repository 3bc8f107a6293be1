"""An organization's news: the news index, articles, their categories and tags, and feeds."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import string_to_ascii
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.dates import WARSAW
from core.images import prefetch_specs
from core.languages import children_in_language, mark_listed, served_parent_url
from core.search import has_control_characters
from core.untranslated import in_its_language
from organizations.languages import shows_untranslated
from organizations.owned import (
    NAMED_SNIPPET_SEARCH_FIELDS,
    OrganizationOwned,
    OrganizationOwnedForm,
)
from organizations.translations import untranslated_snippet_language
from pages.models import BasePage, HeroPhoto

from .forms import ArticlePageForm
from .tags import shown_tags, site_id_of, tag_names, tag_originals

# The renditions a card may show (larger when a home page features it), in every format
# (core.images): fetched with the articles, one query for them all.
CARD_RENDITIONS = prefetch_specs("card", "card_featured")


SLUG_TAKEN = _("This organization already has a category with this slug in this language.")


def today_in_warsaw():
    return timezone.localdate(timezone=WARSAW)


class NewsCategory(TranslatableMixin, OrganizationOwned, index.Indexed):
    """A section of an organization's news, e.g. "Aktualności"; visitors filter the news by it.

    Each organization has its own categories, translated like its pages.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_(
            "The category in the address of the filtered news list, e.g. 'zaproszenia'. "
            "Made from the name when left empty."
        ),
    )

    base_form_class = OrganizationOwnedForm
    panels = [
        FieldPanel("site"),
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
    ]
    search_fields = NAMED_SNIPPET_SEARCH_FIELDS
    translatable_fields = [
        TranslatableField("name"),
        # Kept from the original unless a translator gives the translation its own.
        SynchronizedField("slug", overridable=True),
        SynchronizedField("site", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale", "slug"],
                name="news_category_slug_unique_per_organization_and_language",
                violation_error_message=SLUG_TAKEN,
            )
        ]

    def __str__(self):
        return self.name

    def organization_name(self):
        return self.site.site_name or self.site.hostname

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(string_to_ascii(self.name or ""))[:100]
        if not self.slug:
            raise ValidationError({"slug": _("Give the category a slug of Latin letters.")})
        # The constraint is not checked by a form that leaves out the organization (it is
        # filled in from the user's groups) or the language (set by the admin's view).
        if self.site_id and self.locale_id:
            clash = NewsCategory.objects.filter(
                site_id=self.site_id, locale_id=self.locale_id, slug=self.slug
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"slug": SLUG_TAKEN})


class NewsIndexPage(RoutablePageMixin, BasePage):
    """An organization's news: the latest articles first, by category or tag, and as feeds."""

    articles_per_page = 10
    feed_length = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def published_articles(self, with_untranslated=True):
        """Live, public articles of this index in its language, newest first; with
        `with_untranslated`, also those of the original index not yet translated into it
        (see core.languages.children_in_language)."""
        return (
            ArticlePage.objects.filter(children_in_language(self, with_untranslated))
            .live()
            .public()
            .order_by("-date", "-pk")
        )

    def articles(self, category=None, tag=None, with_untranslated=True):
        """The articles of the listing, ready to show: a fixed number of queries for any page."""
        return self._listing(self.published_articles(with_untranslated), category, tag)

    def categories(self, published=None):
        """The categories that have articles here, for the filter: each once, in this
        index's language where it is translated (an article not yet translated has its
        original's category)."""
        published = self.published_articles() if published is None else published
        used = published.order_by().values("category_id")
        found = (
            NewsCategory.objects.filter(
                Q(pk__in=used)
                | Q(
                    locale_id=self.locale_id,
                    translation_key__in=NewsCategory.objects.filter(pk__in=used).values(
                        "translation_key"
                    ),
                )
            )
            .select_related("locale")
            .annotate(untranslated_from=untranslated_snippet_language(NewsCategory))
            .order_by("name")
        )
        by_key = {}
        for category in found:
            if category.locale_id == self.locale_id or category.translation_key not in by_key:
                by_key[category.translation_key] = category
        for category in by_key.values():
            # The language of the name where it is not this index's: a category not yet
            # translated, or a translation still showing its original's name.
            language = category.untranslated_from or category.locale.language_code
            category.name_language = "" if language == self.locale.language_code else language
        return sorted(by_key.values(), key=lambda category: category.name)

    def _listing(self, published, category, tag):
        if category is not None:
            published = published.filter(category__translation_key=category.translation_key)
        if tag is not None:
            published = published.filter(tagged_items__tag=tag)
        return ArticlePage.for_listing(published)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published = self.published_articles(shows_untranslated(request))
        categories = self.categories(published)
        by_slug = {category.slug: category for category in categories}
        category = _filter_value(request, "category", by_slug.get)
        tag = _filter_value(request, "tag", lambda slug: Tag.objects.filter(slug=slug).first())
        paginator = Paginator(self._listing(published, category, tag), self.articles_per_page)
        filters = {"category": category.slug} if category else {}
        active_tag = None
        if tag:
            filters["tag"] = tag.slug
            language = get_language()
            [active_tag] = shown_tags([tag], site_id_of(self), language, around=language)
        articles = paginator.get_page(request.GET.get("page"))
        mark_listed(articles, self, self.get_url(request))
        context.update(
            articles=articles,
            categories=categories,
            active_category=category,
            active_tag=active_tag,
            # The names in the sentence saying what is shown, marked where in another language.
            active_category_name=category
            and in_its_language(category.name, category.name_language),
            active_tag_name=active_tag and in_its_language(active_tag.name, active_tag.lang),
            filter_query=urlencode(filters),
            news_index_url=self.get_url(request),
            feed_urls=self.feed_urls(request),
        )
        return context

    def feed_urls(self, request=None):
        """{"rss": …, "atom": …}: the addresses of this index's feeds."""
        url = self.get_url(request)
        if url is None:
            return {}
        return {
            "rss": url + self.reverse_subpage("news_rss"),
            "atom": url + self.reverse_subpage("news_atom"),
        }

    @path("feed/rss/", name="news_rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="news_atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


def _filter_value(request, parameter, lookup):
    """What the query string filters by: None without the parameter, 404 for an unknown value."""
    slug = request.GET.get(parameter)
    if not slug:
        return None
    # NUL and other control characters are in no slug (and PostgreSQL refuses them).
    found = None if has_control_characters(slug) else lookup(slug)
    if found is None:
        raise Http404
    return found


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(HeroPhoto, BasePage):
    """A news article: date, category, lead, photo with its author, body, tags and related news."""

    date = models.DateField(
        _("publication date"),
        default=today_in_warsaw,
        help_text=_("Shown with the article; the news list is ordered by it."),
    )
    category = models.ForeignKey(
        "news.NewsCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through="news.ArticlePageTag",
        blank=True,
        help_text=_("Topics visitors can follow across categories, e.g. 'forum', 'Toruń'."),
    )

    base_form_class = ArticlePageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("Publication"),
        ),
        FieldPanel("intro"),
        HeroPhoto.hero_panel,
        FieldPanel("body"),
        InlinePanel(
            "related_article_links",
            heading=_("Related articles"),
            label=_("Related article"),
            max_num=3,
            help_text=_("Leave empty to show the latest articles of the same category."),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields("category", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    override_translatable_fields = HeroPhoto.hero_synchronized_fields

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    pdf_available = True
    search_kind = "news"

    related_count = 3

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def search_date(self):
        return self.date

    @classmethod
    def for_listing(cls, articles, with_tags=True):
        """`articles` newest first, with what a card shows fetched at once.

        The category (and whether its name is translated) comes in the same query; the
        photos with their card renditions and, `with_tags`, the tags with their names in
        each language in one query each, however many articles there are.
        """
        Image = get_image_model()
        prefetched = [
            Prefetch("hero_image", queryset=Image.objects.prefetch_renditions(*CARD_RENDITIONS))
        ]
        if with_tags:
            prefetched.append(
                Prefetch(
                    "tagged_items",
                    queryset=ArticlePageTag.objects.select_related("tag").prefetch_related(
                        Prefetch("tag__news_names", queryset=tag_names())
                    ),
                )
            )
        return (
            articles.defer_streamfields()
            .select_related("category", "locale")
            .annotate(
                category_untranslated_from=untranslated_snippet_language(
                    NewsCategory, OuterRef("category_id")
                )
            )
            .prefetch_related(*prefetched)
            .order_by("-date", "-pk")
        )

    def tag_list(self):
        """The article's tags as a list of articles shows them: named in the visitor's
        language (news.tags), fetched with the listing (see `for_listing`) or in two
        queries."""
        language = get_language()
        return self.shown_tags(language, around=language)

    def shown_tags(self, language, around):
        """The article's tags named in `language`, marked where that is not `around`."""
        if "tagged_items" in getattr(self, "_prefetched_objects_cache", {}):
            items = self.tagged_items.all()
        else:
            items = self.tagged_items.select_related("tag")
        tags = [item.tag for item in items]
        return shown_tags(tags, site_id_of(self), language, around) if tags else []

    def translation_companions(self):
        """What the article shows that is translated on its own: its tags' names
        (translations.views requests them with the article)."""
        return tag_originals(self)

    def related_articles(self):
        """The articles chosen by the editor, in this page's language where translated;
        without a choice, the latest of the same category in the same news index."""
        chosen = [link.article_id for link in self.related_article_links.all()]
        if chosen:
            return self._chosen_articles(chosen)
        if not self.path:
            return []  # a preview of an article not yet saved has no siblings to look for
        articles = (
            ArticlePage.objects.sibling_of(self, inclusive=False)
            .filter(locale_id=self.locale_id)
            .live()
            .public()
        )
        if self.category_id:
            articles = articles.filter(category_id=self.category_id)
        return list(ArticlePage.for_listing(articles, with_tags=False)[: self.related_count])

    def _chosen_articles(self, ids):
        keys = dict(ArticlePage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        found = ArticlePage.for_listing(
            ArticlePage.objects.filter(translation_key__in=set(keys.values())).live().public(),
            with_tags=False,
        )
        by_pk = {article.pk: article for article in found}
        in_language = {
            article.translation_key: article
            for article in found
            if article.locale_id == self.locale_id
        }
        articles = []
        for pk in ids:
            article = in_language.get(keys.get(pk)) or by_pk.get(pk)
            if article is not None and article.pk != self.pk and article not in articles:
                articles.append(article)
        return articles

    def structured_data(self, canonical, image_url, publisher):
        """The article as a schema.org NewsArticle, for search engines (see home/seo.py)."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "url": canonical,
            "headline": (self.seo_title or self.title)[:110],
            "inLanguage": self.locale.language_code,
            "datePublished": self.date.isoformat(),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.search_description or self.intro:
            data["description"] = self.search_description or self.intro
        if image_url:
            data["image"] = [image_url]
        if self.category_id:
            data["articleSection"] = self.category.name
        if publisher:
            data["publisher"] = publisher
            # The organization signs its news; no person is named as the author.
            data["author"] = {key: publisher[key] for key in ("@type", "name", "url")}
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.related_articles()
        context["news_index_url"] = served_parent_url(request, self)
        # Named in the visitor's language; the page's text (and around it the tags) is in
        # the article's, which is another where it is not yet translated.
        context["page_tags"] = self.shown_tags(get_language(), around=self.locale.language_code)
        if self.category_id and not hasattr(self, "category_untranslated_from"):
            # The category, with whether its name is translated, in the query that fetching
            # it for the page takes anyway.
            self.category = (
                NewsCategory.objects.filter(pk=self.category_id)
                .annotate(untranslated_from=untranslated_snippet_language(NewsCategory))
                .first()
            )
            self.category_untranslated_from = getattr(self.category, "untranslated_from", None)
        return context


class RelatedArticle(Orderable):
    """An article an editor chose to show under another one."""

    page = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_article_links"
    )
    article = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")

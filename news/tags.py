"""The tags of an organization's news, as visitors read them in each language.

Editors tag an article freely, in its language (taggit's tags, which wagtail-localize
copies to each of its translations unchanged: a tag names the same topic in every language,
and `?tag=<slug>` filters the news alike in each). What a visitor reads is the organization's
`NewsTag` for that tag in their language: made in the article's language when an article
with a new tag is published, then translated like the organization's news categories
(Translate, the status board, PO files, machine translation). A tag not yet translated is
shown as first written, marked with its language.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, TranslatableField

from organizations.owned import (
    NAMED_SNIPPET_SEARCH_FIELDS,
    OrganizationOwned,
    OrganizationOwnedForm,
)
from organizations.translations import untranslated_snippet_language


class NewsTag(TranslatableMixin, OrganizationOwned, index.Indexed):
    """A tag of the organization's articles, by its name in each language (e.g. "forum",
    "форум"). Made when an article with the tag is published; translators translate it."""

    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("tag"), on_delete=models.CASCADE, related_name="news_names"
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("The tag as visitors read it in this language, e.g. 'forum'."),
    )

    base_form_class = OrganizationOwnedForm
    panels = [FieldPanel("name")]
    search_fields = NAMED_SNIPPET_SEARCH_FIELDS
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("tag", overridable=False),
        SynchronizedField("site", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "tag", "locale"], name="news_tag_once_per_organization_and_language"
            )
        ]

    def __str__(self):
        return self.name

    def organization_name(self):
        return self.site.site_name or self.site.hostname


@dataclass(frozen=True)
class ShownTag:
    """A tag as a visitor reads it: its name, the slug of the news filter, and the language
    of the name where it is not the language around it (for `lang`)."""

    name: str
    slug: str
    lang: str = ""


def tag_names():
    """NewsTags with their language, and `untranslated_from`: the language of the original
    whose name a translation still shows (organizations.translations)."""
    return NewsTag.objects.select_related("locale").annotate(
        untranslated_from=untranslated_snippet_language(NewsTag)
    )


def site_id_of(page):
    """The id of the page's site (its organization), from Wagtail's cached site roots."""
    url_parts = page.get_url_parts()
    return url_parts[0] if url_parts else None


def shown_tags(tags, site_id, language, around, names=None):
    """[ShownTag] of taggit `tags` on the organization's site, named in `language`, marked
    where the name's language is not `around` (the language of what contains them).
    `names`: the NewsTags of these tags, if fetched already (each tag's prefetched
    `news_names` otherwise, or one query)."""
    tags = list(tags)
    if names is None:
        if all("news_names" in getattr(tag, "_prefetched_objects_cache", {}) for tag in tags):
            names = [name for tag in tags for name in tag.news_names.all()]
        elif tags and site_id is not None:
            names = list(tag_names().filter(site_id=site_id, tag__in=tags))
        else:
            names = []
    by_tag = {}
    for name in sorted(names, key=lambda name: name.pk):
        if name.site_id == site_id:
            by_tag.setdefault(name.tag_id, []).append(name)
    shown = []
    for tag in tags:
        found = by_tag.get(tag.pk, [])
        chosen = next((n for n in found if n.locale.language_code == language), None)
        if chosen is not None:
            text = chosen.name
            text_language = getattr(chosen, "untranslated_from", None) or language
        elif found:  # not translated: the name as first written
            text, text_language = found[0].name, found[0].locale.language_code
        else:  # an article saved before its organization's tags were named
            text, text_language = tag.name, settings.LANGUAGE_CODE
        shown.append(ShownTag(text, tag.slug, "" if text_language == around else text_language))
    return shown


def tag_originals(article):
    """The organization's NewsTags naming the article's tags, one per tag: in the article's
    language where it has one, else the first made (the original of its translations)."""
    site_id = site_id_of(article)
    tags = [item.tag_id for item in article.tagged_items.all()]
    if site_id is None or not tags:
        return []
    chosen = {}
    for name in NewsTag.objects.filter(site_id=site_id, tag_id__in=tags).order_by("pk"):
        current = chosen.get(name.tag_id)
        in_its_language = name.locale_id == article.locale_id
        if current is None or (in_its_language and current.locale_id != article.locale_id):
            chosen[name.tag_id] = name
    return [chosen[tag] for tag in tags if tag in chosen]


def name_new_tags(article):
    """Give the article's organization a NewsTag, in the article's language, for each of its
    tags it has none for. Returns those made."""
    site_id = site_id_of(article)
    if site_id is None:
        return []
    tags = [item.tag for item in article.tagged_items.select_related("tag")]
    named = set(
        NewsTag.objects.filter(site_id=site_id, tag__in=tags).values_list("tag_id", flat=True)
    )
    made = []
    for tag in tags:
        if tag.pk in named:
            continue
        try:
            with transaction.atomic():
                made.append(
                    NewsTag.objects.create(
                        site_id=site_id, tag=tag, locale_id=article.locale_id, name=tag.name[:100]
                    )
                )
        except IntegrityError:  # named by another article published at the same moment
            pass
    return made


def name_tags_of_published_article(sender, instance, **kwargs):
    name_new_tags(instance)


def connect():
    page_published.connect(
        name_tags_of_published_article,
        sender=apps.get_model("news", "ArticlePage"),
        dispatch_uid="news-name-new-tags",
    )

"""Requests close when their translation is done: a translated page published, or a
translated snippet saved, with every segment translated (translations.requests); an
original published passes its synchronised fields to its translations (translations.sync)."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from .requests import complete_requests
from .status import translatable_snippet_models
from .sync import synchronise_translations


def after_page_published(sender, instance, **kwargs):
    complete_requests(instance)
    synchronise_translations(instance)


def close_requests_for_snippet(sender, instance, created, raw=False, **kwargs):
    if not raw:
        complete_requests(instance)


def connect():
    page_published.connect(after_page_published, dispatch_uid="translations-page-published")
    for model in translatable_snippet_models():
        post_save.connect(
            close_requests_for_snippet,
            sender=model,
            dispatch_uid=f"translations-snippet-saved-{model._meta.label_lower}",
        )

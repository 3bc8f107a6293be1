"""Listings of translatable snippets (partners, funding notices, news categories): one row
per item, its original (the version first written), with the state of each of its
organization's languages.

Wagtail lists every language version as a row of its own: a partner translated into
Ukrainian and English appeared three times, with nothing to tell the rows apart. Here the
translations are a "Languages" column instead: the original's language, and for each other
language of the organization "translated", "in progress" (segments left, from
wagtail-localize's records) or "missing", each linking to what the user may do there (edit
the translation, or request it through wagtail-localize's Translate). Search still looks
through every language, so a partner is found by its Ukrainian name.

The states are read from wagtail-localize's models, the same as the translation workflow's
status board (translations.status), which sits above this app; a listing page takes a fixed
number of queries, however many items and languages it shows.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import quote
from django.db.models import Exists, Value
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import BaseButton, Button, ButtonWithDropdown
from wagtail.models import Locale, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.languages import earlier_translations

ORIGINAL = "original"
TRANSLATED = "translated"
IN_PROGRESS = "in_progress"
MISSING = "missing"
STATES = {
    ORIGINAL: _("original"),
    TRANSLATED: _("translated"),
    IN_PROGRESS: _("in progress"),
    MISSING: _("missing"),
}


@dataclass
class LanguageState:
    """One language of a listed item."""

    language: str
    state: str
    url: str = ""
    total: int = 0
    done: int = 0

    @property
    def name(self):
        # In the admin's language ("Ukrainian", "українська", "ukraiński").
        return get_language_info(self.language)["name_translated"]

    @property
    def label(self):
        return STATES[self.state]

    @property
    def left(self):
        return self.total - self.done


def originals(queryset):
    """The objects of `queryset` first written, marked as such (`first_written`), so that
    the permission policy need not ask again (organizations.owned.is_first_written)."""
    return queryset.exclude(Exists(earlier_translations(queryset.model))).annotate(
        first_written=Value(True)
    )


def language_order(codes):
    return [code for code, _name in settings.LANGUAGES if code in codes]


def attach_language_states(user, items):
    """Set `language_states` ([LanguageState] in the installation's language order) on each
    of `items`, originals of one translatable model, in seven queries for any number."""
    if not items:
        return
    model = type(items[0])
    policy = policy_registry.get_by_type(model)
    keys = {item.translation_key for item in items}
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    OrganizationSettings = apps.get_model("organizations", "OrganizationSettings")
    site_languages = dict(
        OrganizationSettings.objects.filter(
            site_id__in={item.site_id for item in items if item.site_id}
        ).values_list("site_id", "languages")
    )
    versions = {
        (key, locales[locale_id]): pk
        for pk, key, locale_id in model._default_manager.filter(
            translation_key__in=keys
        ).values_list("pk", "translation_key", "locale_id")
    }

    # wagtail-localize's translations, and how many of their source's segments are done.
    translations, sync_sources = {}, {}
    for source_id, key, source_locale_id, target_locale_id in Translation.objects.filter(
        source__object_id__in=keys, enabled=True
    ).values_list("source_id", "source__object_id", "source__locale_id", "target_locale_id"):
        translations[key, locales[target_locale_id]] = source_id
        sync_sources[key, locales[source_locale_id]] = source_id
    segments = list(
        StringSegment.objects.filter(source_id__in=set(translations.values())).values_list(
            "source_id", "string_id", "context_id"
        )
    )
    translated = set(
        StringTranslation.objects.filter(
            translation_of_id__in={string for _source, string, _context in segments},
            locale_id__in={
                pk for pk, code in locales.items() if any(k[1] == code for k in translations)
            },
            has_error=False,
        ).values_list("translation_of_id", "context_id", "locale_id")
    )
    locale_ids = {code: pk for pk, code in locales.items()}

    def progress(source_id, language):
        mine = [(string, context) for source, string, context in segments if source == source_id]
        done = sum(
            (string, context, locale_ids[language]) in translated for string, context in mine
        )
        return len(mine), done

    for item in items:
        original_language = locales[item.locale_id]
        item.translation_source_id = sync_sources.get((item.translation_key, original_language))
        wanted = set(site_languages.get(item.site_id) or dict(settings.LANGUAGES))
        wanted |= {language for key, language in versions if key == item.translation_key}
        states = []
        for language in language_order(wanted):
            version = versions.get((item.translation_key, language))
            if language == original_language:
                url = (
                    snippet_url(model, "edit", item.pk)
                    if policy.user_has_permission_for_instance(user, "change", item)
                    else ""
                )
                states.append(LanguageState(language, ORIGINAL, url))
            elif version is not None:
                state = LanguageState(language, TRANSLATED)
                source_id = translations.get((item.translation_key, language))
                if source_id is not None:
                    state.total, state.done = progress(source_id, language)
                    if state.done < state.total:
                        state.state = IN_PROGRESS
                if policy.may_change_translation(user, item.site_id, language):
                    state.url = snippet_url(model, "edit", version)
                states.append(state)
            else:
                state = LanguageState(language, MISSING)
                if policy.may_request_translation(user, item, [language]):
                    state.url = (
                        reverse(
                            "wagtail_localize:submit_snippet_translation",
                            args=[model._meta.app_label, model._meta.model_name, quote(item.pk)],
                        )
                        + "?"
                        + urlencode({"select_locale": language})
                    )
                states.append(state)
        item.language_states = states


def snippet_url(model, view, pk):
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}",
        args=[quote(pk)],
    )


class LanguagesColumn(Column):
    """Each language of the item and where its translation stands, with a link to act."""

    cell_template_name = "organizations/languages_cell.html"

    def __init__(self, name="languages", **kwargs):
        kwargs.setdefault("label", _("Languages"))
        kwargs.setdefault("accessor", "language_states")
        super().__init__(name, **kwargs)


class TranslatedListingMixin:
    """For a snippet IndexView: one row per item of a translatable model (its original),
    found by its name in any language, with its `language_states` for LanguagesColumn."""

    @cached_property
    def lists_originals(self):
        return issubclass(self.model, TranslatableMixin)

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if not self.lists_originals:
            return queryset
        self.every_version = queryset
        return originals(queryset)

    def search_queryset(self, queryset):
        if not (self.lists_originals and self.is_searching):
            return super().search_queryset(queryset)
        found = super().search_queryset(self.every_version)
        return queryset.filter(translation_key__in={version.translation_key for version in found})

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        if self.lists_originals:
            object_list = page.object_list = list(object_list)
            attach_language_states(self.request.user, object_list)
        return paginator, page, object_list, is_paginated

    def get_list_buttons(self, instance):
        """Wagtail's buttons of a row, less wagtail-localize's: its Translate is in the
        Languages column, and its two queries a row are done here for the whole page."""
        if not self.lists_originals:
            return super().get_list_buttons(instance)
        buttons = self.get_list_more_buttons(instance)
        for hook in hooks.get_hooks("register_snippet_listing_buttons"):
            if hook.__module__ != "wagtail_localize.wagtail_hooks":
                buttons.extend(hook(instance, self.request.user, self.request.path))
        source_id = getattr(instance, "translation_source_id", None)
        if source_id is not None and self.get_edit_url(instance):
            buttons.append(
                Button(
                    _("Sync translated snippets"),
                    reverse("wagtail_localize:update_translations", args=[source_id])
                    + "?"
                    + urlencode({"next": self.request.path}),
                    icon_name="resubmit",
                    priority=106,
                )
            )
        list_buttons, more_buttons = [], []
        for button in buttons:
            if isinstance(button, BaseButton) and not button.allow_in_dropdown:
                list_buttons.append(button)
            elif isinstance(button, MenuItem):
                if button.is_shown(self.request.user):
                    more_buttons.append(Button.from_menu_item(button))
            elif button.show:
                more_buttons.append(button)
        for hook in hooks.get_hooks("construct_snippet_listing_buttons"):
            hook(more_buttons, instance, self.request.user)
        if more_buttons:
            list_buttons.append(
                ButtonWithDropdown(
                    buttons=more_buttons,
                    icon_name="dots-horizontal",
                    attrs={
                        "aria-label": _("More options for '%(title)s'") % {"title": str(instance)}
                    },
                )
            )
        return list_buttons

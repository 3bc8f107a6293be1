"""Listings of translatable snippets (partners, funding notices, news categories): one row
per item, its original (the version first written), with the state of each of its
organization's languages.

Wagtail lists every language version as a row of its own: a partner translated into
Ukrainian and English appeared three times, with nothing to tell the rows apart. Here the
translations are a "Languages" column instead: the original's language, and for each other
language of the organization its state as the translation workflow's status board tells it
(missing, requested, in progress with the segments left, up to date, out of date since a
date), each linking to what the user may do there (edit the translation, or request it
through wagtail-localize's Translate). Search still looks through every language, so a
partner is found by its Ukrainian name.

The states come from the status board's own code (translations.status), which sits above
this app: it registers itself as the `TRANSLATION_STATES_HOOK` hook, called once for a
listing page with its items; a listing page takes a fixed number of queries, however many
items and languages it shows.
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

from core.languages import earlier_translations

# fn(items) -> {(translation key, language code): state}, for originals of one translatable
# model; a state has `state` (a code), `label`, `translation_id` and what the
# translations/includes/state_details.html template shows (translations.status.Cell).
TRANSLATION_STATES_HOOK = "translation_states_of_snippets"

ORIGINAL = "original"


@dataclass
class LanguageState:
    """One language of a listed item: the original, or where its translation stands."""

    language: str
    url: str = ""
    cell: object = None  # the translation's state (TRANSLATION_STATES_HOOK)
    original: bool = False

    @property
    def name(self):
        # In the admin's language ("Ukrainian", "українська", "ukraiński").
        return get_language_info(self.language)["name_translated"]

    @property
    def state(self):
        if self.original:
            return ORIGINAL
        return self.cell.state if self.cell is not None else ""

    @property
    def label(self):
        if self.original:
            return _("original")
        return self.cell.label if self.cell is not None else ""


def originals(queryset):
    """The objects of `queryset` first written, marked as such (`first_written`), so that
    the permission policy need not ask again (organizations.owned.is_first_written)."""
    return queryset.exclude(Exists(earlier_translations(queryset.model))).annotate(
        first_written=Value(True)
    )


def language_order(codes):
    return [code for code, _name in settings.LANGUAGES if code in codes]


def translation_states(items):
    found = {}
    for states_of in hooks.get_hooks(TRANSLATION_STATES_HOOK):
        found.update(states_of(items))
    return found


def attach_language_states(user, items):
    """Set `language_states` ([LanguageState] in the installation's language order) on each
    of `items`, originals of one translatable model, in a fixed number of queries."""
    if not items:
        return
    model = type(items[0])
    policy = policy_registry.get_by_type(model)
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    # By name: this module is imported by the models' own module (organizations.owned).
    OrganizationSettings = apps.get_model("organizations", "OrganizationSettings")
    site_languages = dict(
        OrganizationSettings.objects.filter(
            site_id__in={item.site_id for item in items if item.site_id}
        ).values_list("site_id", "languages")
    )
    states = translation_states(items)

    for item in items:
        original_language = locales[item.locale_id]
        key = item.translation_key
        wanted = set(site_languages.get(item.site_id) or dict(settings.LANGUAGES))
        # A language the organization no longer publishes in, where a translation exists.
        wanted |= {
            language
            for (found_key, language), cell in states.items()
            if found_key == key and cell.translated_pk is not None
        }
        shown = []
        for language in language_order(wanted | {original_language}):
            if language == original_language:
                url = (
                    snippet_url(model, "edit", item.pk)
                    if policy.user_has_permission_for_instance(user, "change", item)
                    else ""
                )
                shown.append(LanguageState(language, url, original=True))
                continue
            cell = states.get((key, language))
            state = LanguageState(language, cell=cell)
            if cell is not None and cell.translated_pk is not None:
                if policy.may_change_translation(user, item.site_id, language):
                    state.url = snippet_url(model, "edit", cell.translated_pk)
            elif policy.may_request_translation(user, item, [language]):
                state.url = (
                    reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, model._meta.model_name, quote(item.pk)],
                    )
                    + "?"
                    + urlencode({"select_locale": language})
                )
            shown.append(state)
        item.language_states = shown
        # What "Sync translated snippets" updates the translations from.
        item.translation_source_id = next(
            (state.cell.source_id for state in shown if getattr(state.cell, "source_id", None)),
            None,
        )


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

"""The translation workflow's admin views: requesting a translation (wagtail-localize's
"Translate", with a note and a due date), the translators' queue and the status board."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views import View
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from organizations.admin_guards import (
    OrganizationSubmitPageTranslationView,
    OrganizationSubmitSnippetTranslationView,
)
from organizations.membership import translating_only_languages, user_site_ids
from organizations.models import OrganizationSettings
from organizations.owned import may
from organizations.translations import Progress, translation_progress

from . import status
from .changes import apply_updates, changes_of
from .forms import TranslationRequestForm
from .models import TranslationRequest
from .requests import organization_of, record_requests, request_companions


class RequestFormMixin:
    """The "Translate" form with a note and a due date; submitting it records a request per
    object and language (translations.requests) besides what wagtail-localize does."""

    def request_languages(self):
        org = organization_of(self.object)
        languages = list(org.languages) if org is not None else None
        if org is not None and not self.request.user.is_superuser:
            translating = translating_only_languages(self.request.user, org.site_id)
            if translating is not None:
                languages = [code for code in languages if code in translating]
        return languages

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        initial = None
        chosen = self.request.GET.get("select_locale")
        if data is None and chosen:
            initial = {"locales": list(Locale.objects.filter(language_code=chosen))}
        return TranslationRequestForm(
            self.object, data, initial=initial, languages=self.request_languages()
        )

    def requested_objects(self, form):
        return [self.object]

    @transaction.atomic
    def form_valid(self, form):
        response = super().form_valid(form)
        requested = {
            "locales": form.cleaned_data["locales"],
            "user": self.request.user,
            "note": form.cleaned_data["note"],
            "due_date": form.cleaned_data["due_date"],
        }
        objects = self.requested_objects(form)
        record_requests(objects=objects, **requested)
        request_companions(objects=objects, **requested)
        return response


class RequestPageTranslationView(RequestFormMixin, OrganizationSubmitPageTranslationView):
    def requested_objects(self, form):
        pages = [self.object]
        if form.cleaned_data.get("include_subtree"):
            pages += list(self.object.get_descendants().specific())
        return pages


class RequestSnippetTranslationView(RequestFormMixin, OrganizationSubmitSnippetTranslationView):
    pass


def staff_organizations(user):
    """The organizations whose translation work the user may see: those they are staff of."""
    found = OrganizationSettings.objects.select_related("site", "site__root_page")
    if user.is_superuser:
        return found.order_by("name")
    return found.filter(site_id__in=user_site_ids(user)).order_by("name")


def chosen_organization(request):
    organizations = list(staff_organizations(request.user))
    if not organizations:
        raise PermissionDenied
    wanted = request.GET.get("organization")
    if wanted:
        for org in organizations:
            if str(org.pk) == wanted:
                return org, organizations
        raise Http404
    return organizations[0], organizations


def edit_url(model, pk):
    """The admin's editor of a page (any page type: `model` is Page) or of a snippet."""
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[pk])


def translate_url(row, cell):
    """Where to act on one cell of the board: the translation, or the request form."""
    if cell.translated_pk is not None:
        return edit_url(row.model, cell.translated_pk)
    if row.model is Page:
        return (
            reverse("wagtail_localize:submit_page_translation", args=[row.pk])
            + f"?select_locale={cell.language}"
        )
    return (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[row.model._meta.app_label, row.model._meta.model_name, row.pk],
        )
        + f"?select_locale={cell.language}"
    )


BOARD_PAGE_SIZE = 50


class BoardView(View):
    """Every page and translatable snippet of one organization × its languages."""

    def get(self, request):
        org, organizations = chosen_organization(request)
        kind = request.GET.get("kind", "")
        rows = status.board(org, pages=kind in ("", "page"), snippets=kind in ("", "snippet"))
        all_totals = status.totals(rows, org.languages)
        sections = sorted({row.section for row in rows if row.section})
        language = request.GET.get("language", "")
        state = request.GET.get("state", "")
        section = request.GET.get("section", "")
        if section:
            rows = [row for row in rows if row.section == section]
        if language in org.languages:
            rows = [row for row in rows if language in row.cells]
        if state in status.STATES:
            rows = [
                row
                for row in rows
                if any(
                    cell.state == state
                    for code, cell in row.cells.items()
                    if not language or code == language
                )
            ]
        languages = [code for code in org.languages if not language or code == language]
        page = Paginator(rows, BOARD_PAGE_SIZE).get_page(request.GET.get("p"))
        table = [
            {
                "row": row,
                "cells": [
                    (
                        code,
                        row.cells.get(code),
                        row.cells.get(code) and translate_url(row, row.cells[code]),
                    )
                    for code in languages
                ],
            }
            for row in page
        ]
        return TemplateResponse(
            request,
            "translations/board.html",
            {
                "organization": org,
                "organizations": organizations,
                "languages": languages,
                "all_languages": org.languages,
                "states": status.STATES,
                "sections": sections,
                "filters": {"language": language, "state": state, "section": section, "kind": kind},
                "table": table,
                "page": page,
                "totals": all_totals,
            },
        )


class QueueView(View):
    """What waits for the user's languages, most urgent first, with how much is left."""

    def get(self, request):
        user = request.user
        requests = TranslationRequest.objects.open().select_related(
            "target_locale", "source_locale", "requested_by", "content_type"
        )
        if not user.is_superuser:
            # Staff see their organizations' requests; a translator, those into their languages.
            mine = Q(pk__in=[])
            for site in user_site_ids(user):
                languages = translating_only_languages(user, site)
                if languages is None:
                    mine |= Q(site_id=site)
                else:
                    mine |= Q(site_id=site, target_locale__language_code__in=languages)
            requests = requests.filter(mine)
        page = Paginator(requests.queue_order(), 25).get_page(request.GET.get("p"))
        items = queue_items(page)
        return TemplateResponse(
            request,
            "translations/queue.html",
            {"page": page, "items": items, "today": timezone.localdate()},
        )


def queue_items(translation_requests):
    """Each request with its progress (as the status board and publishing count it: machine
    output nobody reviewed is left to do) and where to work on it."""
    translation_requests = list(translation_requests)
    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__object_id__in={r.translation_key for r in translation_requests},
            enabled=True,
        ).select_related("source")
    }
    progress = translation_progress(
        (translation.source_id, translation.target_locale_id)
        for translation in translations.values()
    )
    items = []
    for translation_request in translation_requests:
        translation = translations.get(
            (translation_request.translation_key, translation_request.target_locale_id)
        )
        counted = (
            progress[translation.source_id, translation.target_locale_id]
            if translation is not None
            else Progress()
        )
        items.append(queue_item(translation_request, translation, counted))
    return items


def queue_item(translation_request, translation, progress):
    """A request with its progress and where to work on it."""
    model = translation_request.content_type.model_class()
    target = model._default_manager.filter(
        translation_key=translation_request.translation_key,
        locale_id=translation_request.target_locale_id,
    ).first()
    url = edit_url(model, target.pk) if target is not None else None
    return {
        "request": translation_request,
        "total": progress.total,
        "left": progress.left,
        "machine": progress.machine,
        "url": url,
        "translation_id": translation.pk if translation is not None else None,
        "changed": len(changes_of(translation)) if translation is not None else 0,
        "overdue": translation_request.due_date is not None
        and translation_request.due_date < timezone.localdate(),
    }


def may_edit_translation(user, instance):
    """Whether the user may change this translated page or snippet (a translator into its
    language, or the organization's editors)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return may(user, "change", instance)


class ChangesView(View):
    """The passages of the original changed since the translation, beside the
    translation's words for them, to update (translations.changes)."""

    template_name = "translations/changes.html"

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), pk=translation_id
        )
        try:
            self.instance = self.translation.get_target_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not may_edit_translation(request.user, self.instance):
            raise PermissionDenied
        self.changes = changes_of(self.translation)
        return super().dispatch(request)

    def edit_url(self):
        return edit_url(type(self.instance), self.instance.pk)

    def get(self, request):
        return TemplateResponse(
            request,
            self.template_name,
            {
                "translation": self.translation,
                "instance": self.instance,
                "changes": self.changes,
                "edit_url": self.edit_url(),
                "language_name": self.translation.target_locale.get_display_name(),
            },
        )

    def post(self, request):
        # Into the translation's strings, as the translation editor saves them: publishing
        # stays the translator's step. (wagtail-localize's own "save a draft" writes the
        # page's live row, so it is not used here.)
        saved = apply_updates(self.translation, self.changes, request.POST, request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d changed passage updated. Publish the translation when it is ready.",
                "%(count)d changed passages updated. Publish the translation when it is ready.",
                saved,
            )
            % {"count": saved},
        )
        return redirect(self.edit_url())

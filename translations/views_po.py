"""PO files in the admin: the list of an organization's sections and snippet sets × languages,
one file's page (download, upload), and wagtail-localize's per-translation download and
upload routed through the same checks (translations.po)."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation

from organizations.models import OrganizationSettings

from . import po
from .views import chosen_organization


def language_name(code):
    return get_language_info(code)["name_translated"]


def scope_url(scope, name="po_file"):
    if scope.kind == "section":
        return reverse(f"translations:{name}_section", args=[scope.ref, scope.language])
    site_id, label = scope.ref.split(" ")
    return reverse(f"translations:{name}_snippets", args=[site_id, label, scope.language])


def result_message(result):
    parts = [
        ngettext("%(count)d string updated.", "%(count)d strings updated.", result.updated)
        % {"count": result.updated}
    ]
    if result.unchanged:
        parts.append(
            ngettext(
                "%(count)d string was already so.",
                "%(count)d strings were already so.",
                result.unchanged,
            )
            % {"count": result.unchanged}
        )
    if result.skipped:
        parts.append(
            ngettext(
                "%(count)d string skipped (empty, fuzzy or changed in the original since the "
                "download).",
                "%(count)d strings skipped (empty, fuzzy or changed in the original since the "
                "download).",
                result.skipped,
            )
            % {"count": result.skipped}
        )
    return " ".join(parts)


def download_response(scope, user):
    response = HttpResponse(
        str(po.export(scope, user)), content_type="text/x-gettext-translation; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{scope.filename()}"'
    return response


def apply_upload(request, scope):
    """Upload the request's file to the scope; the outcome as a message to the user."""
    uploaded = request.FILES.get("file")
    if uploaded is None:
        messages.error(request, _("Choose a PO file to upload."))
        return
    try:
        result = po.upload(scope, request.user, uploaded.read(po.MAX_UPLOAD_BYTES + 1))
    except po.POFileRefused as refused:
        messages.error(request, _("Nothing was changed. %(reason)s") % {"reason": refused})
        return
    messages.success(request, result_message(result))


class POFilesView(View):
    """An organization's sections and snippet sets, each with a PO file per language."""

    def get(self, request):
        org, organizations = chosen_organization(request)
        languages = [code for code in org.languages if po.may_work_on(request.user, org, code)]
        if not languages:
            raise PermissionDenied
        sections = [
            {
                "page": page,
                "cells": [
                    (
                        code,
                        None
                        if code == page.locale.language_code
                        else scope_url(po.section_scope(org, page, code)),
                    )
                    for code in languages
                ],
            }
            for page in po.section_pages(org)
        ]
        snippets = [
            {
                "model": model,
                "name": model._meta.verbose_name_plural,
                "cells": [
                    (code, scope_url(po.snippet_scope(org, model, code))) for code in languages
                ],
            }
            for model in po.snippet_models()
        ]
        return TemplateResponse(
            request,
            "translations/po_files.html",
            {
                "organization": org,
                "organizations": organizations,
                "languages": languages,
                "sections": sections,
                "snippets": snippets,
            },
        )


class ScopeMixin:
    """One PO file (a section or a snippet set in one language) the user may work on."""

    def get_scope(self, request, language, page_id=None, site_id=None, label=None):
        if page_id is not None:
            page = get_object_or_404(Page, pk=page_id)
            org = OrganizationSettings.for_page(page)
            if org is None or page.locale.language_code == language:
                raise Http404
            scope = po.section_scope(org, page, language)
        else:
            org = OrganizationSettings.objects.filter(site_id=site_id).first()
            model = po.snippet_model(label)
            if org is None or model is None:
                raise Http404
            scope = po.snippet_scope(org, model, language)
        if not po.may_work_on(request.user, org, language):
            raise PermissionDenied
        return scope


class POFileView(ScopeMixin, View):
    """What a PO file holds, its download and the upload form."""

    def get(self, request, language, **kwargs):
        scope = self.get_scope(request, language, **kwargs)
        items = po.items(scope, request.user)
        return TemplateResponse(
            request,
            "translations/po_file.html",
            {
                "scope": scope,
                "organization": scope.organization,
                "language_name": language_name(language),
                "items": items,
                "download_url": scope_url(scope, "po_download"),
                "files_url": reverse("translations:po_files")
                + f"?organization={scope.organization.pk}",
            },
        )

    def post(self, request, language, **kwargs):
        scope = self.get_scope(request, language, **kwargs)
        apply_upload(request, scope)
        return redirect(scope_url(scope))


class PODownloadView(ScopeMixin, View):
    def get(self, request, language, **kwargs):
        return download_response(self.get_scope(request, language, **kwargs), request.user)


def translation_scope_for(request, translation_id):
    """One translation's scope, for those who may change the translated page or snippet
    (wagtail-localize asks only whether one may change snippets of the type)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), id=translation_id
    )
    try:
        scope = po.translation_scope(translation)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not po.may_work_on(request.user, scope.organization, scope.language):
        raise PermissionDenied
    found = po.items(scope, request.user)
    if not found or not found[0].may_change:
        raise PermissionDenied
    return scope


@require_admin_access
def download_translation_pofile(request, translation_id):
    """wagtail-localize's "Download PO file" of the translation editor."""
    return download_response(translation_scope_for(request, translation_id), request.user)


@require_admin_access
@require_POST
def upload_translation_pofile(request, translation_id):
    """wagtail-localize's "Upload PO file" of the translation editor: back to where it was
    sent from, with the outcome as a message."""
    apply_upload(request, translation_scope_for(request, translation_id))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))

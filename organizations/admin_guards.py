"""Admin views that Wagtail and wagtail-localize leave open across organizations.

Out of the box, wagtail-localize checks only the global `submit_translation`
permission, so the staff of one organization could create (and publish) translations
of another's pages, and it asks only whether one may change snippets of a type, so
they could translate another's partners (organization-owned snippets), and a translator
could override an image or document with any id; the page chooser shows any page by id as
the parent of its listing; bulk actions, the page chooser's "chosen" answer,
wagtail-localize's snippet API, the tag suggestions and some reports name other
organizations' pages, snippets, tags, images, documents and staff. These patterns are matched
before Wagtail's own admin URLs and refuse or narrow such requests; the views behind
them are Wagtail's and wagtail-localize's. The page explorer and its filters go through
Wagtail's own page viewset instead (page_admin.py).
"""

from io import BytesIO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser
from django.shortcuts import get_object_or_404
from django.urls import path
from taggit.models import Tag, TagBase
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser, tags
from wagtail.admin.views.bulk_action import index as bulk_action_index
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import CollectionMember, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource
from wagtail_localize.views import edit_translation, snippets_api
from wagtail_localize.views.edit_translation import (
    FieldHasNoEditPanelError,
    TabHelper,
    get_segment_location_info,
)
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .membership import can_reach_page, own_pages
from .owned import OrganizationOwned, may, visible_to
from .page_admin import (
    OrganizationFormPagesListView,
    OrganizationLockedPagesView,
    OrganizationWorkflowTasksView,
    OrganizationWorkflowView,
)
from .page_permissions import translates_into


def may_request_translation(user, page):
    """Who may edit the page, and its organization's translators, who only view it."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or "view" in permissions.permissions


def may_translate_page(user, page, locales):
    """The user may add or edit the page's translation in each locale: as one who may
    edit the source page (and add pages where the translation goes), or as a translator
    into that locale of the page's organization."""
    editing_source = page.permissions_for_user(user).can_edit()
    if not editing_source and not may_request_translation(user, page):
        return False
    for locale in locales:
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            if not existing.permissions_for_user(user).can_edit():
                return False
            continue
        parent = nearest_translated_ancestor(page, locale)
        if parent is None:
            # The organization's home page itself: made by create_organization; only its
            # own staff, checked above.
            if not editing_source:
                return False
            continue
        if editing_source and parent.permissions_for_user(user).can_add_subpage():
            continue
        if not translates_into(user, parent):
            return False
    return True


def nearest_translated_ancestor(page, locale):
    for ancestor in page.get_ancestors().filter(depth__gte=2).order_by("-depth"):
        translation = ancestor.get_translation_or_none(locale)
        if translation is not None:
            return translation
    return None


class OrganizationSubmitPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"]).specific
        if not may_request_translation(request.user, page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if not may_translate_page(self.request.user, self.object, form.cleaned_data["locales"]):
            raise PermissionDenied
        return super().form_valid(form)


def may_change_snippet(user, instance):
    # wagtail-localize asks only whether the user may change snippets of the type, which
    # every organization's staff may; organizations.owned's policy narrows that to their own.
    return may(user, "change", instance)


def may_request_snippet_translation(user, instance, locales=()):
    """Who may change the snippet, and its organization's translators into each of
    `locales` (they may not change the original)."""
    if not isinstance(instance, OrganizationOwned):
        return may_change_snippet(user, instance)
    policy = policy_registry.get_by_type(type(instance))
    return policy.may_request_translation(
        user, instance, [locale.language_code for locale in locales]
    )


class OrganizationSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    def dispatch(self, request, *args, **kwargs):
        if not may_request_snippet_translation(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        if not may_request_snippet_translation(self.request.user, self.object, locales):
            raise PermissionDenied
        return super().form_valid(form)


class OrganizationUpdateTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist as e:
            raise Http404 from e
        if isinstance(instance, Page):
            targets = [t.target_locale for t in source.translations.select_related("target_locale")]
            if not may_translate_page(request.user, instance.specific, targets):
                raise PermissionDenied
        elif not may_change_snippet(request.user, instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def snippet_translation_guarded(view):
    """One of wagtail-localize's views of a translation, refused unless one may change
    the translated snippet (pages are checked by wagtail-localize itself)."""

    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        try:
            instance = translation.get_target_instance()
        except ObjectDoesNotExist as e:
            raise Http404 from e
        if not isinstance(instance, Page) and not may_change_snippet(request.user, instance):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return require_admin_access(guarded)


def put_value(request, name):
    """A field of a PUT request's form body (wagtail-localize sends FormData), read from a
    copy so that the view behind reads the body again."""
    body = BytesIO(request.body)
    if request.content_type == "multipart/form-data":
        data, _files = MultiPartParser(
            request.META, body, request.upload_handlers, request.encoding
        ).parse()
    else:
        data = QueryDict(body.read(), encoding=request.encoding)
    return data.get(name)


CHOOSER_MODELS = {"image_chooser": get_image_model, "document_chooser": get_document_model}


def own_media_override_guarded(view):
    """wagtail-localize's override of an image or document in a translation (a logo, a
    photo in a block), refused unless the translator may choose that image or document:
    their chooser offers only their organization's, a request can name any id."""

    def guarded(request, translation_id, overridable_segment_id):
        if request.method == "PUT":
            translation = get_object_or_404(Translation, id=translation_id)
            segment = get_object_or_404(OverridableSegment, id=overridable_segment_id)
            source = translation.source.get_source_instance()
            try:
                location = get_segment_location_info(
                    source,
                    TabHelper(source),
                    segment.context.path,
                    segment.context.get_field_path(source),
                    widget=True,
                )
            except FieldHasNoEditPanelError:
                location = {}
            model = CHOOSER_MODELS.get(location.get("widget", {}).get("type"))
            if model is not None:
                value = str(put_value(request, "value") or "")
                chosen = model().objects.filter(pk=value).first() if value.isdigit() else None
                if chosen is None or not may_choose(request.user, chosen):
                    raise PermissionDenied
        return view(request, translation_id, overridable_segment_id)

    return guarded


def may_choose(user, media):
    return policy_registry.get(media).user_has_permission_for_instance(user, "choose", media)


class OrganizationSnippetsAPIViewSet(snippets_api.SnippetViewSet):
    # wagtail-localize's editor asks this for the name and edit link of a snippet chosen in
    # a block; it answered with any object by id, and listed all. Keep to those one may
    # choose: one's own organization's, and the shared partner directory.
    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        if issubclass(queryset.model, OrganizationOwned):
            return visible_to(user, queryset)
        policy = policy_registry.get_by_type(queryset.model)
        return policy.instances_user_has_any_permission_for(user, ["view", "choose", "change"])


class OrganizationTranslationsReportView(TranslationsReportView):
    # wagtail-localize's report lists every translation of the installation, with the
    # titles of other organizations' pages; keep those of one's own pages.
    def get_queryset(self):
        # Newest first (wagtail-localize leaves the report unordered, so its pages could
        # repeat or skip translations).
        queryset = super().get_queryset().order_by("-pk")
        if self.request.user.is_superuser:
            return queryset
        keys = own_pages(self.request.user).values("translation_key")
        return queryset.filter(source__object_id__in=keys)


def browse_pages(request, parent_page_id=None):
    if parent_page_id is not None:
        parent = get_object_or_404(Page, id=parent_page_id)
        if not can_reach_page(request.user, parent):
            raise Http404
    elif request.GET.get("page_type") and not request.user.is_superuser:
        # Asked for a page type, Wagtail opens at the common ancestor of all pages of that
        # type, which is another organization's page when only it has any; start from the
        # common ancestor of one's own.
        try:
            page_models = chooser.page_models_from_string(request.GET["page_type"])
        except (ValueError, LookupError) as e:
            raise Http404 from e
        pages = own_pages(request.user).type(*page_models)
        if pages.exists():
            parent_page_id = pages.first_common_ancestor().pk
        else:
            parent_page_id = Page.get_first_root_node().pk
    return chooser.BrowseView.as_view()(request, parent_page_id=parent_page_id)


def chosen_pages(request):
    # Wagtail answers with the title and URL of whatever page ids it is given.
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    request.GET = request.GET.copy()
    request.GET.setlist(
        "id",
        [str(pk) for pk in own_pages(request.user).filter(pk__in=ids).values_list("pk", flat=True)],
    )
    return chooser.ChosenMultipleView.as_view()(request)


def visible_objects(user, model):
    """The objects of `model` the user may see in the admin, or None if not scoped here."""
    if user.is_superuser:
        return None
    if issubclass(model, Page):
        return own_pages(user)
    if issubclass(model, OrganizationOwned):
        # Snippets: one's own organization's funding notices and news categories, and the
        # whole of a directory every organization chooses from (partners).
        return visible_to(user, model._default_manager.all())
    if issubclass(model, CollectionMember):
        # Images and documents: those in the collections one holds any permission on.
        collections = policy_registry.get_by_type(model).collections_user_has_any_permission_for(
            user, ["add", "change", "delete", "choose"]
        )
        return model.objects.filter(collection__in=collections)
    return None


class OwnMediaAPIMixin:
    """Wagtail's admin API lists every image or document of the installation, with its
    address, to any member of staff; wagtail-localize's editor asks it about the images
    and documents of a translation. Keep to those one may see in the admin."""

    def get_queryset(self):
        queryset = super().get_queryset()
        visible = visible_objects(self.request.user, queryset.model)
        return queryset if visible is None else queryset.filter(pk__in=visible.values("pk"))


class OwnImagesAdminAPIViewSet(OwnMediaAPIMixin, ImagesAdminAPIViewSet):
    pass


class OwnDocumentsAdminAPIViewSet(OwnMediaAPIMixin, DocumentsAdminAPIViewSet):
    pass


def bulk_action(request, app_label, model_name, action):
    # Wagtail's bulk action forms list by title the chosen objects one may not act on,
    # whoever they belong to; leave other organizations' objects out of the choice.
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as e:
        raise Http404 from e
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    visible = visible_objects(request.user, model)
    if action_class is not None and visible is not None:
        ids = request.GET.getlist("id")
        if "all" in ids:
            ids = action_class(request, model).get_all_objects_in_listing_query(
                request.GET.get("childOf")
            )
        ids = [str(pk) for pk in ids if str(pk).isdigit()]
        request.GET = request.GET.copy()
        request.GET.setlist(
            "id", [str(pk) for pk in visible.filter(pk__in=ids).values_list("pk", flat=True)]
        )
    return bulk_action_index(request, app_label, model_name, action)


def tag_autocomplete(request, app_name=None, model_name=None):
    # Wagtail suggests every tag of the installation that starts with the letters typed:
    # those of other organizations' articles (drafts too), images and documents. Suggest
    # those used on what one may see in the admin.
    if request.user.is_superuser:
        return tags.autocomplete(request, app_name, model_name)
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as e:
            raise Http404 from e
        tag_model = content_type.model_class()
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    else:
        tag_model = Tag
    term = request.GET.get("term")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        tag_model.objects.filter(
            name__istartswith=term, pk__in=tags_in_use(request.user, tag_model)
        )
        .order_by("name")
        .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def tags_in_use(user, tag_model):
    """Ids of the tags of `tag_model` used on objects the user may see in the admin: pages
    (through a tagged-item model such as news.ArticlePageTag), images and documents
    (through taggit's generic TaggedItem). Tags of objects not scoped here are left out."""
    ids = set()
    for relation in tag_model._meta.related_objects:
        through, tag_field = relation.related_model, relation.field.name
        if not (relation.one_to_many and hasattr(through, "content_object")):
            continue
        target = through._meta.get_field("content_object")
        if target.is_relation and target.related_model is not None:
            visible = visible_objects(user, target.related_model)
            if visible is not None:
                used = through.objects.filter(content_object__in=visible.values("pk"))
                ids.update(used.values_list(tag_field, flat=True))
            continue
        # A generic relation: the tagged objects are of any type, named by content type.
        for type_id in through.objects.values_list("content_type", flat=True).distinct():
            model = ContentType.objects.get_for_id(type_id).model_class()
            visible = visible_objects(user, model) if model is not None else None
            if visible is None:
                continue
            used = through.objects.filter(
                content_type_id=type_id, object_id__in=visible.values("pk")
            )
            ids.update(used.values_list(tag_field, flat=True))
    return ids


def page_types_usage(request, results=False):
    # The report counts and names the last edited page of each type across the whole
    # installation: every organization's pages. Only superusers see the whole.
    if not request.user.is_superuser:
        raise PermissionDenied
    return PageTypesUsageReportView.as_view(results_only=results)(request)


class OrganizationSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail offers everyone who ever logged an action on any page as a "User"
        # choice (other organizations' staff); offer those of the entries one may see.
        return get_users_for_filter(self.request.user)


class OrganizationLogEntriesView(LogEntriesView):
    filterset_class = OrganizationSiteHistoryFilterSet


# wagtail-localize's "Translate" (submit) and "Sync translated pages" (update) views are
# routed by translations.urls, whose views extend the guarded ones above with the translation
# request (a note, a due date) and with machine translation's failures reported, and so are
# its PO file download and upload (translations.views_po: the checks of any PO upload).
urlpatterns = [
    path(
        "admin/localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        snippet_translation_guarded(edit_translation.edit_string_translation),
    ),
    path(
        "admin/localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        snippet_translation_guarded(own_media_override_guarded(edit_translation.edit_override)),
    ),
    path(
        "admin/localize/translate/<int:translation_id>/machine_translate/",
        snippet_translation_guarded(edit_translation.machine_translate),
    ),
    path(
        "admin/localize/translate/<int:translation_id>/disable/",
        snippet_translation_guarded(edit_translation.stop_translation),
    ),
    path(
        "admin/localize/reports/translations/",
        require_admin_access(OrganizationTranslationsReportView.as_view()),
    ),
    path(
        "admin/localize/reports/translations/results/",
        require_admin_access(OrganizationTranslationsReportView.as_view(results_only=True)),
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/",
        require_admin_access(OrganizationSnippetsAPIViewSet.as_view({"get": "list"})),
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        require_admin_access(OrganizationSnippetsAPIViewSet.as_view({"get": "retrieve"})),
    ),
    path("admin/tag-autocomplete/", require_admin_access(tag_autocomplete)),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(tag_autocomplete),
    ),
    path("admin/choose-page/", require_admin_access(browse_pages)),
    path("admin/choose-page/<int:parent_page_id>/", require_admin_access(browse_pages)),
    path("admin/choose-page/chosen-multiple/", require_admin_access(chosen_pages)),
    # wagtail.contrib.forms has no viewset to give its listing filters of one's own.
    path("admin/forms/", require_admin_access(OrganizationFormPagesListView.as_view())),
    path(
        "admin/forms/results/",
        require_admin_access(OrganizationFormPagesListView.as_view(results_only=True)),
    ),
    path(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        require_admin_access(bulk_action),
    ),
    path("admin/reports/page-types-usage/", require_admin_access(page_types_usage)),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(page_types_usage),
        {"results": True},
    ),
    # Wagtail's reports offer everyone who locked a page or asked for a review, and every
    # workflow and task, as filter choices: the other organizations' staff and names.
    *[
        path(f"admin/reports/{prefix}/{suffix}", require_admin_access(view(**options)))
        for prefix, view in [
            ("locked", OrganizationLockedPagesView.as_view),
            ("workflow", OrganizationWorkflowView.as_view),
            ("workflow_tasks", OrganizationWorkflowTasksView.as_view),
        ]
        for suffix, options in [("", {}), ("results/", {"results_only": True})]
    ],
    path("admin/reports/site-history/", require_admin_access(OrganizationLogEntriesView.as_view())),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(OrganizationLogEntriesView.as_view(results_only=True)),
    ),
]

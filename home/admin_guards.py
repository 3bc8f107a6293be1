"""Admin views that Wagtail and wagtail-localize leave open across organizations.

Out of the box, wagtail-localize checks only the global `submit_translation`
permission, so the staff of one organization could create (and publish) translations
of another's pages; and the page chooser shows any page by id as the parent of its
listing. These patterns are matched before Wagtail's own admin URLs and refuse such
requests; the views behind them are Wagtail's and wagtail-localize's.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import can_reach_page


def may_translate_page(user, page, locales):
    """The user may edit the source page and add or edit its translation in each locale."""
    if not page.permissions_for_user(user).can_edit():
        return False
    for locale in locales:
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            if not existing.permissions_for_user(user).can_edit():
                return False
            continue
        parent = nearest_translated_ancestor(page, locale)
        if parent is None:
            # The organization's home page itself: only its own staff, checked above.
            continue
        if not parent.permissions_for_user(user).can_add_subpage():
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
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if not may_translate_page(self.request.user, self.object, form.cleaned_data["locales"]):
            raise PermissionDenied
        return super().form_valid(form)


class OrganizationUpdateTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            targets = [t.target_locale for t in source.translations.select_related("target_locale")]
            if not may_translate_page(request.user, instance.specific, targets):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def browse_pages(request, parent_page_id=None):
    if parent_page_id is not None:
        parent = get_object_or_404(Page, id=parent_page_id)
        if not can_reach_page(request.user, parent):
            raise Http404
    return chooser.BrowseView.as_view()(request, parent_page_id=parent_page_id)


urlpatterns = [
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(OrganizationSubmitPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(OrganizationUpdateTranslationsView.as_view()),
    ),
    path("admin/choose-page/<int:parent_page_id>/", require_admin_access(browse_pages)),
]

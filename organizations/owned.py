"""Things an organization owns besides pages: snippets such as funding notices.

An owned model has a `site` (the organization). Its staff get the model's permissions
from create_organization, and `OrganizationPermissionPolicy` narrows every one of
them to the organization's own objects; `OrganizationSnippetViewSet` does the same for
the listing, the chooser and the views of one object (edit, delete, history), and
`OrganizationOwnedForm` files new objects under one's own organization. A model may set
`shared_for_choosing = True` to let every organization choose (but not change) any of
its objects, as the partner directory does.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import Exists
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.search import index
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    SnippetViewSet,
    UsageView,
)

from core.languages import earlier_translations

from .forms import OwnMediaMixin
from .membership import translating_only_languages, user_site_ids, user_sites
from .snippet_listing import TranslatedListingMixin

READ_ACTIONS = {"view", "choose"}

# What the listing and chooser of a named owned snippet search and filter on.
NAMED_SNIPPET_SEARCH_FIELDS = [
    index.SearchField("name"),
    index.AutocompleteField("name"),
    index.FilterField("locale"),
    index.FilterField("site"),
]


class OrganizationOwned(models.Model):
    """Belongs to one organization; seen and changed only by its staff."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    shared_for_choosing = False

    class Meta:
        abstract = True


class OrganizationOwnedForm(OwnMediaMixin, WagtailAdminModelForm):
    """Files the object under one of the user's own organizations.

    With only one organization to choose from, the field is left out and the object
    goes to that organization whatever the request says.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None or self.for_user is None:
            return
        sites = user_sites(self.for_user).order_by("site_name")
        if len(sites) == 1:
            del self.fields["site"]
            if not self.instance.site_id:
                self.instance.site = sites[0]
        else:
            field.queryset = sites

    def organization(self):
        site = self.cleaned_data.get("site") or getattr(self.instance, "site", None)
        # The site's OrganizationSettings, through its one-to-one reverse relation.
        return getattr(site, "organizationsettings", None) if site else None


class OrganizationPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, on the user's own organizations' objects only."""

    def _may(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser:
            return True
        if action in READ_ACTIONS and self.model.shared_for_choosing:
            return True
        if instance.site_id not in user_site_ids(user):
            return False
        if action in READ_ACTIONS:
            return True
        languages = translating_only_languages(user, instance.site_id)
        if languages is None:
            return True
        # A translator changes translations into their languages, nothing else.
        return (
            action == "change"
            and hasattr(instance, "translation_key")
            and not is_first_written(instance)
            and instance.locale.language_code in languages
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self._may(user, action, instance)

    def may_change_translation(self, user, site_id, language):
        """Whether the user may change a translation (not an original) into `language` of
        one of the organization's objects, known without loading it (snippet listings)."""
        if not self.user_has_permission(user, "change"):
            return False
        if user.is_superuser:
            return True
        if site_id not in user_site_ids(user):
            return False
        languages = translating_only_languages(user, site_id)
        return languages is None or language in languages

    def may_request_translation(self, user, instance, languages=()):
        """Who may change the object, and its organization's translators into each of
        `languages` (they may not change the original), may ask for its translation."""
        if not user.has_perm("wagtail_localize.submit_translation"):
            return False
        if self._may(user, "change", instance):
            return True
        if instance.site_id not in user_site_ids(user):
            return False
        translating = translating_only_languages(user, instance.site_id)
        return translating is not None and all(language in translating for language in languages)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self._may(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        objects = self.model._default_manager.all()
        if user.is_superuser:
            return objects
        if self.model.shared_for_choosing and set(actions) <= READ_ACTIONS:
            return objects
        sites = user_site_ids(user)
        if set(actions) & READ_ACTIONS:
            return objects.filter(site_id__in=sites)
        translating = {site: translating_only_languages(user, site) for site in sites}
        full = [site for site, languages in translating.items() if languages is None]
        found = objects.filter(site_id__in=full)
        if "change" in actions and hasattr(self.model, "translation_key"):
            earlier = earlier_translations(self.model)
            for site, languages in translating.items():
                if languages is not None:
                    found |= objects.filter(
                        Exists(earlier), site_id=site, locale__language_code__in=languages
                    )
        return found

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def is_first_written(instance):
    """Whether the object is its item's original (the version first written), not one of
    its translations. A snippet listing marks its rows (`first_written`), sparing a query
    per row."""
    known = getattr(instance, "first_written", None)
    if known is not None:
        return known
    return not (
        type(instance)
        ._default_manager.filter(translation_key=instance.translation_key, pk__lt=instance.pk)
        .exists()
    )


def visible_to(user, queryset):
    """What of `queryset` the user may see: their organizations' objects, or all if shared."""
    if user.is_superuser or queryset.model.shared_for_choosing:
        return queryset
    return queryset.filter(site_id__in=user_site_ids(user))


class OwnedChooseMixin:
    def get_object_list(self):
        objects = visible_to(self.request.user, super().get_object_list())
        if hasattr(objects.model, "locale"):
            # Each row says its language (Wagtail's locale column), without a query each.
            objects = objects.select_related("locale")
        return objects


class OwnedChooseView(OwnedChooseMixin, ChooseView):
    pass


class OwnedChooseResultsView(OwnedChooseMixin, ChooseResultsView):
    pass


class OwnedChosenView(SnippetChosenView):
    def get_object(self, pk):
        found = visible_to(self.request.user, self.model_class.objects.filter(pk=pk)).first()
        if found is None:
            raise ObjectDoesNotExist
        return found


class OwnedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_to(self.request.user, super().get_objects(pks))


class OrganizationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = OwnedChooseView
    choose_results_view_class = OwnedChooseResultsView
    chosen_view_class = OwnedChosenView
    chosen_multiple_view_class = OwnedChosenMultipleView


def may(user, action, instance):
    """Whether the user may do `action` (change, delete…) on this one object."""
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, action, instance)


class OwnIndexView(TranslatedListingMixin, IndexView):
    """The listing links to editing, copying and deleting only what the user may do so to;
    a translatable model's lists each item once, with its languages
    (organizations.snippet_listing)."""

    def get_edit_url(self, instance):
        if may(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_copy_url(self, instance):
        if may(self.request.user, "change", instance):
            return super().get_copy_url(instance)
        return None

    def get_delete_url(self, instance):
        if may(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None


class OwnObjectMixin:
    """A view of one object, refused unless the user may do `object_action` on it.

    Wagtail's snippet edit, delete and history views check the model permission only,
    which every organization's staff hold.
    """

    object_action = "change"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not may(self.request.user, self.object_action, instance):
            raise PermissionDenied
        return instance


class OwnEditView(OwnObjectMixin, EditView):
    pass


class OwnDeleteView(OwnObjectMixin, DeleteView):
    object_action = "delete"


class OwnHistoryView(OwnObjectMixin, HistoryView):
    # Who changed what and when: the owner's staff and their work.
    pass


class OwnUsageView(OwnObjectMixin, UsageView):
    # Where an object is used names the pages that use it, in any organization.
    pass


class OwnCopyView(OwnObjectMixin, CopyView):
    # The copy form comes filled in with the original's content.
    pass


class OrganizationSnippetViewSet(SnippetViewSet):
    """A snippet listing and chooser that show staff only what they may see."""

    chooser_viewset_class = OrganizationChooserViewSet
    index_view_class = OwnIndexView
    edit_view_class = OwnEditView
    delete_view_class = OwnDeleteView
    history_view_class = OwnHistoryView
    usage_view_class = OwnUsageView
    copy_view_class = OwnCopyView

    permission_policy_class = OrganizationPermissionPolicy

    def register_permissions(self):
        # Registered rather than set on the viewset, so that whatever else asks Wagtail's
        # registry for the model's policy (bulk actions, the usage view, wagtail-localize's
        # guards in organizations.admin_guards) gets the organization-aware one too.
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(
                self.model, self.permission_policy_class(self.model), exact_class=True
            )
        super().register_permissions()

    def get_queryset(self, request):
        return visible_to(request.user, self.model._default_manager.all())

"""The partner directory in the admin (in the Organization menu, see home/wagtail_hooks.py),
and its chooser, which adds a partner without leaving the page being edited."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import SnippetCreateView

from organizations.membership import translating_only_languages, user_sites
from organizations.owned import (
    OrganizationChooserViewSet,
    OrganizationOwnedForm,
    OrganizationSnippetViewSet,
    OwnedChooseResultsView,
    OwnedChooseView,
)
from organizations.snippet_listing import LanguagesColumn

from .models import Partner


class PartnerCreationForm(OrganizationOwnedForm):
    """A new partner from the chooser: its name, website and description. It belongs to the
    editor's organization (with several, the one chosen among those they edit for); the logo
    is added in Partners, since a chooser cannot open another."""

    website = forms.URLField(
        label=capfirst(Partner._meta.get_field("website").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Partner
        fields = ["site", "name", "website", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None:
            return
        # Not for an organization the user only translates for: translators add nothing.
        own = [
            site.pk
            for site in user_sites(self.for_user)
            if self.for_user.is_superuser
            or translating_only_languages(self.for_user, site.pk) is None
        ]
        field.queryset = field.queryset.filter(pk__in=own)


class CreationForUserMixin:
    """The creation form knows who fills it in, to file the partner under their organization."""

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "for_user": self.request.user}


class PartnerChooseView(CreationForUserMixin, OwnedChooseView):
    pass


class PartnerChooseResultsView(CreationForUserMixin, OwnedChooseResultsView):
    pass


class PartnerCreateView(CreationForUserMixin, SnippetCreateView):
    pass


class PartnerChooserViewSet(OrganizationChooserViewSet):
    choose_view_class = PartnerChooseView
    choose_results_view_class = PartnerChooseResultsView
    create_view_class = PartnerCreateView
    creation_form_class = PartnerCreationForm
    creation_tab_label = _("New partner")
    create_action_label = _("Add the partner")


class PartnerViewSet(OrganizationSnippetViewSet):
    """The partner directory: every organization's staff choose from it, owners change it."""

    model = Partner
    icon = "site"
    chooser_viewset_class = PartnerChooserViewSet
    list_display = [
        "name",
        LanguagesColumn(),
        Column("organization_name", label=_("Organization")),
    ]
    # The listing and the chooser search the name, as Partner.search_fields index it.

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("site")

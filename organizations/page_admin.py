"""The admin's page listings, through Wagtail's page viewset: one's own organizations only.

Wagtail lists only the pages a user holds permissions on, but the explorer shows any page by
id as the parent of its listing (title, status, translations), and the listings' filters
offer every site, page owner and editor of the installation as choices: the other
organizations' names and staff. `OrganizationPageViewSet` replaces Wagtail's page viewset
(registered with `register_admin_viewset` in wagtail_hooks.py) with a listing that sends a
user asking for a page outside their organizations to their start page, and filters whose
choices are their own organizations' sites and people. The form pages listing of
wagtail.contrib.forms has no viewset; its view is subclassed the same way and routed in
admin_guards.py.
"""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin.views.pages.listing import (
    ExplorableIndexView,
    GenericPageFilterSet,
    PageFilterSet,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.contrib.forms.views import FormPageFilterSet, FormPagesListView
from wagtail.models import Page, PageLogEntry, Site, Task, Workflow, WorkflowState

from .membership import can_reach_page, own_pages


def own_sites(request):
    return Site.objects.filter(root_page__in=own_pages(request.user))


def own_page_owners(request):
    return get_user_model().objects.filter(
        pk__in=own_pages(request.user).order_by().values("owner_id")
    )


def own_page_editors(request):
    return get_user_model().objects.filter(
        pk__in=PageLogEntry.objects.filter(action="wagtail.edit", page__in=own_pages(request.user))
        .order_by()
        .values("user_id")
    )


class OwnChoices:
    """A page listing's filters offer only the user's organizations' sites and people.

    A FilterSet copies its filters for each instance, so this narrows this listing only.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["site"].queryset = own_sites
        self.filters["owner"].queryset = own_page_owners
        self.filters["edited_by"].queryset = own_page_editors


class OrganizationPageFilterSet(OwnChoices, PageFilterSet):
    pass


class OrganizationGenericPageFilterSet(OwnChoices, GenericPageFilterSet):
    pass


class OrganizationFormPageFilterSet(OwnChoices, FormPageFilterSet):
    pass


class OrganizationExplorableIndexView(ExplorableIndexView):
    def get(self, request, parent_page_id=None):
        # Wagtail sends a user asking for a page outside their explorable root to that root;
        # with pages in several organizations' trees that root is the tree's root, so send
        # them to their start page here when the page is not in one of their organizations.
        if parent_page_id is not None:
            parent = get_object_or_404(Page, id=parent_page_id)
            if not can_reach_page(request.user, parent):
                if self.results_only:
                    raise Http404
                return redirect("wagtailadmin_explore_root")
        return super().get(request, parent_page_id)


class OrganizationPageViewSet(PageViewSet):
    """Wagtail's page viewset for every page type, with the listings above."""

    model = Page
    index_view_class = OrganizationExplorableIndexView
    filterset_class = OrganizationGenericPageFilterSet


class OrganizationFormPagesListView(FormPagesListView):
    filterset_class = OrganizationFormPageFilterSet


# --- Reports on pages: their filters name only one's own organizations' people and workflows


def own_page_lockers(request):
    return get_user_model().objects.filter(
        pk__in=own_pages(request.user).filter(locked=True).order_by().values("locked_by_id")
    )


def own_workflow_requesters(request):
    # Workflow states refer to pages by a string object id (a generic relation).
    page_ids = [str(pk) for pk in own_pages(request.user).values_list("pk", flat=True)]
    return get_user_model().objects.filter(
        pk__in=WorkflowState.objects.filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id__in=page_ids,
        ).values("requested_by_id")
    )


def own_workflows(request):
    if request.user.is_superuser:
        return Workflow.objects.all()
    return Workflow.objects.filter(workflow_pages__page__in=own_pages(request.user)).distinct()


def own_tasks(request):
    if request.user.is_superuser:
        return Task.objects.all()
    return Task.objects.filter(workflow_tasks__workflow__in=own_workflows(request)).distinct()


class OrganizationLockedPagesReportFilterSet(LockedPagesReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locked_by"].queryset = own_page_lockers


class OrganizationWorkflowReportFilterSet(WorkflowReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["requested_by"].queryset = own_workflow_requesters
        self.filters["workflow"].queryset = own_workflows


class OrganizationWorkflowTasksReportFilterSet(WorkflowTasksReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["workflow"].queryset = own_workflows
        self.filters["task"].queryset = own_tasks


class OrganizationLockedPagesView(LockedPagesView):
    filterset_class = OrganizationLockedPagesReportFilterSet


class OrganizationWorkflowView(WorkflowView):
    filterset_class = OrganizationWorkflowReportFilterSet


class OrganizationWorkflowTasksView(WorkflowTasksView):
    filterset_class = OrganizationWorkflowTasksReportFilterSet

"""Every admin address is either this project's own view (a guard, a viewset of ours) or on
the reviewed list below, with the reason it cannot show or change another organization's
things. A Wagtail or wagtail-localize upgrade that adds an admin view fails here until
someone has looked at it, instead of quietly opening a hole.
"""

import re

from django.urls import URLPattern, URLResolver, clear_url_caches, get_resolver, path, resolve
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from organizations import admin_guards
from organizations.page_admin import OrganizationExplorableIndexView, OrganizationPageViewSet
from tests.utils import PROJECT_APPS
from translations import urls as translation_urls

ADMIN_ONLY = (
    "needs a model permission that no organization group holds (users, groups, sites, "
    "locales, redirects, collections, workflows and tasks): administrators only; "
    "test_admin_only_addresses_refuse_organization_staff tries the listings"
)
PAGE_PERMISSIONS = (
    "Wagtail checks the user's page permissions on the page or its parent; organization "
    "groups hold them only on their own organization's home pages "
    "(tests/home/test_admin_isolation.py)"
)
EXPLORER = (
    "routed by Wagtail's page viewset registry to OrganizationPageViewSet's index view "
    "(organizations.page_admin; test_the_page_viewset_is_the_organizations_one)"
)
COLLECTIONS = (
    "images and documents go through Wagtail's collection permission policy; organization "
    "groups hold permissions only on their own organization's collection "
    "(tests/home/test_admin_isolation.py)"
)
OWNED_SNIPPET_FORM = (
    "creates an organization-owned snippet through OrganizationOwnedForm, which files it "
    "under one of the user's own organizations (tests/partners, tests/home/test_funding_notices)"
)
NO_ORGANIZATION_DATA = "shows nothing any organization owns"
MADE_BY_ARTICLES = (
    "nobody adds a news tag (news.viewsets.MadeByArticlesPolicy refuses 'add' to every user, "
    "administrators included): tags come from the articles "
    "(tests/news/test_news_tags.py, test_staff_list_each_tag_once_with_its_languages_and_add_none)"
)
SETTINGS = (
    "Wagtail's site settings permission policy: organization groups hold the settings "
    "permission on their own organization's site only (test_admin_isolation settings tests)"
)
FORMS = (
    "Wagtail lets the user see the submissions of form pages they may edit "
    "(get_forms_for_user: page permissions); no page type of this project is a form page"
)
EDIT_PERMISSION = "the view checks that the user may edit the object it names"
PAGE_REPORT = (
    "lists the pages Wagtail's page permission policy gives the user; its only filter "
    "choices are page types"
)

REVIEWED = {
    **dict.fromkeys(
        [
            *(f"wagtailusers_users:{v}" for v in ["add", "copy", "delete", "edit", "history"]),
            *(f"wagtailusers_users:{v}" for v in ["history_results", "index", "index_results"]),
            "wagtailusers_users:usage",
            *(
                f"wagtailusers_groups:{v}"
                for v in ["add", "delete", "edit", "history", "history_results"]
            ),
            *(f"wagtailusers_groups:{v}" for v in ["index", "index_results", "usage"]),
            *(
                f"wagtailsites:{v}"
                for v in ["add", "copy", "delete", "edit", "history", "history_results"]
            ),
            *(f"wagtailsites:{v}" for v in ["index", "index_results", "usage"]),
            *(
                f"wagtaillocales:{v}"
                for v in ["add", "copy", "delete", "edit", "history", "history_results"]
            ),
            *(f"wagtaillocales:{v}" for v in ["index", "index_results", "usage"]),
            *(f"wagtailredirects:{v}" for v in ["add", "delete", "edit", "index", "index_results"]),
            "wagtailredirects:process_import",
            "wagtailredirects:start_import",
            *(
                f"wagtailadmin_collections:{v}"
                for v in ["add", "delete", "edit", "index", "set_privacy"]
            ),
            *(
                f"wagtailadmin_workflows:{v}"
                for v in [
                    "add",
                    "add_task",
                    "disable",
                    "disable_task",
                    "edit",
                    "edit_task",
                    "enable",
                    "enable_task",
                    "index",
                    "index_results",
                    "remove",
                    "select_task_type",
                    "task_chooser",
                    "task_chooser_create",
                    "task_chooser_results",
                    "task_chosen",
                    "task_index",
                    "task_index_results",
                    "usage",
                    "usage_results",
                ]
            ),
        ],
        ADMIN_ONLY,
    ),
    **dict.fromkeys(
        [
            *(
                f"wagtailadmin_pages:{v}"
                for v in [
                    "add",
                    "add_subpage",
                    "choose_parent",
                    "collect_workflow_action_data",
                    "confirm_workflow_cancellation",
                    "convert_alias",
                    "copy",
                    "delete",
                    "edit",
                    "history",
                    "history_results",
                    "lock",
                    "move",
                    "move_confirm",
                    "preview_on_add",
                    "preview_on_edit",
                    "revisions_compare",
                    "revisions_index",
                    "revisions_revert",
                    "revisions_unschedule",
                    "revisions_view",
                    "search",
                    "search_results",
                    "set_page_position",
                    "set_privacy",
                    "type_use",
                    "type_use_results",
                    "unlock",
                    "unpublish",
                    "usage",
                    "view_draft",
                    "workflow_action",
                    "workflow_history",
                    "workflow_history_detail",
                    "workflow_preview",
                ]
            ),
            "wagtail_localize:convert_to_alias",
            "wagtail_localize:preview_translation",
            "wagtailadmin_choose_page_search",
        ],
        PAGE_PERMISSIONS,
    ),
    **dict.fromkeys(
        ["wagtailadmin_explore", "wagtailadmin_explore_results", "wagtailadmin_explore_root"],
        EXPLORER,
    ),
    **dict.fromkeys(
        [
            *(
                f"wagtailimages:{v}"
                for v in [
                    "add",
                    "add_multiple",
                    "create_multiple_from_uploaded_image",
                    "delete",
                    "delete_multiple",
                    "delete_upload_multiple",
                    "edit",
                    "edit_multiple",
                    "image_usage",
                    "index",
                    "index_results",
                    "preview",
                    "url_generator",
                    "url_generator_output",
                ]
            ),
            *(
                f"wagtailimages_chooser:{v}"
                for v in [
                    "choose",
                    "choose_results",
                    "chosen",
                    "chosen_multiple",
                    "create",
                    "select_format",
                ]
            ),
            *(
                f"wagtaildocs:{v}"
                for v in [
                    "add",
                    "add_multiple",
                    "create_multiple_from_uploaded_document",
                    "delete",
                    "delete_multiple",
                    "delete_upload_multiple",
                    "document_usage",
                    "edit",
                    "edit_multiple",
                    "index",
                    "index_results",
                ]
            ),
            *(
                f"wagtaildocs_chooser:{v}"
                for v in ["choose", "choose_results", "chosen", "chosen_multiple", "create"]
            ),
        ],
        COLLECTIONS,
    ),
    **dict.fromkeys(
        [
            "wagtailsnippets_news_newscategory:add",
            "wagtailsnippets_organizations_fundingnotice:add",
            "wagtailsnippets_partners_partner:add",
            "wagtailsnippets_search_searchpromotion:add",
            "wagtailsnippetchoosers_news_newscategory:create",
            "wagtailsnippetchoosers_organizations_fundingnotice:create",
            "wagtailsnippetchoosers_search_searchpromotion:create",
        ],
        OWNED_SNIPPET_FORM,
    ),
    **dict.fromkeys(
        ["wagtailsnippets_news_newstag:add", "wagtailsnippetchoosers_news_newstag:create"],
        MADE_BY_ARTICLES,
    ),
    **dict.fromkeys(
        [
            "wagtailadmin_account",
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_password_reset",
            "wagtailadmin_password_reset_complete",
            "wagtailadmin_password_reset_confirm",
            "wagtailadmin_password_reset_done",
            "wagtailadmin_home",
            "wagtailadmin_javascript_catalog",
            "wagtail_localize:javascript_catalog",
            "wagtailadmin_sprite",
            "wagtailadmin_dismissibles",
            "wagtailadmin_error_test",
            "wagtailadmin_block_preview",
            "wagtailadmin_choose_page_anchor_link",
            "wagtailadmin_choose_page_email_link",
            "wagtailadmin_choose_page_external_link",
            "wagtailadmin_choose_page_phone_link",
            "wagtailembeds:chooser",
            "wagtailembeds:chooser_upload",
            "wagtailsnippets:index",
            # Unnamed: Wagtail's catch-all 404 of the admin and Django's test 404.
            "admin/^.*/$",
            "admin/test404/",
        ],
        NO_ORGANIZATION_DATA,
    ),
    "wagtailsettings:edit": SETTINGS,
    "wagtailsettings:preview_on_edit": SETTINGS,
    "wagtailforms:list_submissions": FORMS,
    "wagtailforms:list_submissions_results": FORMS,
    "wagtailforms:delete_submissions": FORMS,
    "wagtailadmin_editing_sessions:ping": EDIT_PERMISSION,
    "wagtailadmin_editing_sessions:release": "releases the user's own editing session",
    "wagtailadmin_reports:aging_pages": PAGE_REPORT,
    "wagtailadmin_reports:aging_pages_results": PAGE_REPORT,
}


def admin_urls(patterns=None, prefix="", namespace=None):
    """(name or route, route) of every URL pattern under admin/, in the installation."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            spaced = ":".join(filter(None, [namespace, inner])) if inner else namespace
            yield from admin_urls(pattern.url_patterns, route, spaced)
        elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name or route, route


def sample_path(route):
    """A path the route matches, with made-up values for its parameters."""
    path = re.sub(r"<int:\w+>", "1", route)
    path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", "1", path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


# Our views behind require_admin_access, matched before Wagtail's own.
GUARDS = {
    pattern.callback for pattern in [*admin_guards.urlpatterns, *translation_urls.urlpatterns]
}


def is_ours(route):
    """Whether the address is answered by one of this project's own views."""
    callback = resolve(sample_path(route)).func
    if callback in GUARDS:
        return True
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return view_class.__module__.split(".")[0] in PROJECT_APPS
    # A function view of ours behind a decorator (require_admin_access), or a guard of ours
    # around one of Wagtail's.
    wrapped = [callback]
    while hasattr(wrapped[-1], "__wrapped__"):
        wrapped.append(wrapped[-1].__wrapped__)
    return any(function.__module__.split(".")[0] in PROJECT_APPS for function in wrapped)


def unreviewed_and_stale():
    not_ours = {name for name, route in admin_urls() if not is_ours(route)}
    return sorted(not_ours - set(REVIEWED)), sorted(set(REVIEWED) - not_ours)


def test_every_admin_address_is_ours_or_reviewed():
    unreviewed, stale = unreviewed_and_stale()
    assert unreviewed == [], "admin views nobody has reviewed for organization isolation"
    # An entry for a view that is gone, or that a guard of ours now answers, goes too.
    assert stale == [], "reviewed entries for views that are gone or now ours"


def test_the_review_sees_a_new_view(monkeypatch):
    """The positive control: an address added under admin/ is reported until reviewed."""
    from config import urls

    added = path("admin/new-view/", lambda request: None, name="new_view")
    monkeypatch.setattr(urls, "urlpatterns", [*urls.urlpatterns, added])
    clear_url_caches()
    try:
        assert unreviewed_and_stale()[0] == ["new_view"]
    finally:
        monkeypatch.undo()
        clear_url_caches()


def test_the_page_viewset_is_the_organizations_one():
    viewset = page_viewset_registry.get_by_type(Page)
    assert isinstance(viewset, OrganizationPageViewSet)
    assert issubclass(viewset.index_view_class, OrganizationExplorableIndexView)


def test_admin_only_addresses_refuse_organization_staff(client, editor_a, moderator_a):
    listings = [
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/redirects/",
        "/admin/collections/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
    ]
    for user in (editor_a, moderator_a):
        client.force_login(user)
        for url in listings:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert response.url in ("/admin/", "/admin/login/"), url

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_guards import OwnDocumentsAdminAPIViewSet, OwnImagesAdminAPIViewSet
from .admin_language import relabel_translations_report
from .forms import EMAIL_DOMAINS_CHANGED, ChangeFormatter
from .membership import within_own_organizations
from .owned import OrganizationOwned, may
from .page_admin import OrganizationPageViewSet
from .translations import check_page_editor_publish, check_translation_editor_publish


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Registered after Wagtail's own (order -1), so it serves every page type's listing.
    return OrganizationPageViewSet()


@hooks.register("construct_page_chooser_queryset")
def only_own_organizations_pages_in_chooser(pages, request):
    # Wagtail's page chooser lists every page of the installation; an organization's
    # staff may link only to their own. (Explorer and admin search are already limited
    # to the pages a user holds permissions on.)
    return pages.filter(within_own_organizations(request.user))


@hooks.register("construct_admin_api", order=100)
def only_own_media_in_admin_api(router):
    # After wagtail.images and wagtail.documents have registered theirs (order 0).
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)


@hooks.register("register_log_actions")
def register_registration_address_actions(actions):
    @actions.register_action(EMAIL_DOMAINS_CHANGED)
    class EmailDomainsChanged(ChangeFormatter):
        label = _("Change the e-mail domains that get registrations")
        message = _(
            "E-mail domains that get registrations changed from “%(before)s” to “%(after)s”"
        )


@hooks.register("construct_reports_menu")
def hide_installation_wide_reports(request, menu_items):
    # "Page types usage" describes every organization's pages, so organizations.admin_guards
    # lets only superusers open it; don't offer it to anyone else.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("construct_reports_menu")
def translate_report_labels_per_request(request, menu_items):
    relabel_translations_report(menu_items)


@hooks.register("construct_snippet_listing_buttons")
def translate_only_own_organizations_snippets(buttons, snippet, user):
    # wagtail-localize offers "Translate" and "Sync translated snippets" on every
    # translatable snippet of the listing; organizations.admin_guards refuses them on the shared
    # ones (the partner directory) of other organizations, so don't offer them there.
    if isinstance(snippet, OrganizationOwned) and not may(user, "change", snippet):
        localize = reverse("wagtailadmin_home") + "localize/"
        buttons[:] = [button for button in buttons if not button.url.startswith(localize)]


# Before wagtail-localize's own hooks (order 0), which serve its translation editor.
@hooks.register("before_edit_page", order=-10)
def refuse_incomplete_page_translation(request, page):
    return check_translation_editor_publish(request, page)


@hooks.register("before_edit_snippet", order=-10)
def refuse_incomplete_snippet_translation(request, instance):
    if getattr(instance, "translation_key", None) is None:
        return None
    return check_translation_editor_publish(request, instance)


@hooks.register("before_publish_page")
def refuse_incomplete_manual_translation(request, page):
    return check_page_editor_publish(request, page)

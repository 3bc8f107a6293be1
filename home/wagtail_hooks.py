from wagtail import hooks

from .permissions import within_own_organizations


@hooks.register("construct_page_chooser_queryset")
def only_own_organizations_pages_in_chooser(pages, request):
    # Wagtail's page chooser lists every page of the installation; an organization's
    # staff may link only to their own. (Explorer and admin search are already limited
    # to the pages a user holds permissions on.)
    return pages.filter(within_own_organizations(request.user))

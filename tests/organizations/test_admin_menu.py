"""Partners, funding notices and news categories sit under one "Organization" menu item."""

from django.test import RequestFactory
from django.utils import translation
from wagtail.admin.menu import admin_menu

from tests.utils import make_staff


def menu_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with translation.override("en"):
        return {
            str(item.label): [
                str(sub.label)
                for sub in getattr(item, "menu", None).menu_items_for_request(request)
            ]
            if getattr(item, "menu", None)
            else []
            for item in admin_menu.menu_items_for_request(request)
        }


def test_organization_menu_groups_what_staff_keep_for_their_organization(editor_a):
    menu = menu_for(editor_a)

    assert menu["Organization"] == ["Partners", "Funding notices", "News categories", "News tags"]
    assert not {"Partners", "Funding notices", "News categories", "News tags"} & set(menu)


def test_registrations_staff_get_no_organization_menu(org_a):
    assert "Organization" not in menu_for(make_staff(org_a, "registrations"))

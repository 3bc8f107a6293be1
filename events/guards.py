"""Events that keep their registrations: an event people registered for (or a page above
one) is neither deleted nor moved to another organization, whichever way it is asked for.

The one guard: `refusal_to_delete` and `refusal_to_move` say why not (or None), and every
way Wagtail offers to delete or move a page asks them before anything changes: the delete
and move views (before_delete_page, before_move_page), bulk actions (before_bulk_action),
in events.wagtail_hooks, and the admin API's actions, in events.admin_api.
"""

import operator
from functools import reduce

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail import hooks

from organizations.models import OrganizationSettings

from .models import Registration


def registrations_under(pages):
    """Registrations of events among the pages or below them."""
    if not pages:
        return Registration.objects.none()
    return Registration.objects.filter(
        reduce(operator.or_, (Q(event__path__startswith=page.path) for page in pages))
    )


def cascaded(page, action):
    """The page with the translations and aliases Wagtail acts on along with it."""
    pages = {page}
    for fn in hooks.get_hooks("construct_translated_pages_to_cascade_actions"):
        more = fn([page], action)
        if isinstance(more, dict):
            for extra in more.values():
                pages.update(extra)
    return list(pages)


def refusal_to_delete(page):
    """Why the page may not be deleted, or None if it may."""
    if not registrations_under(cascaded(page, "delete")).exists():
        return None
    return _(
        "“%(title)s” cannot be deleted: people have registered for it (or for an event "
        "below it), and their registrations are kept until the organization's retention "
        "period ends. Unpublish it instead."
    ) % {"title": page.get_admin_display_title()}


def refusal_to_move(page, parent_after):
    """Why the page may not be moved under `parent_after`, or None if it may.

    Moving a page elsewhere in its own site is harmless; into another organization's site
    it would hand the people registered for its events to that organization.
    """
    if not registrations_under(cascaded(page, "move")).exists():
        return None
    source = OrganizationSettings.for_page(page)
    target = OrganizationSettings.for_page(parent_after)
    if source is not None and target is not None and source.pk == target.pk:
        return None
    return _(
        "“%(title)s” cannot be moved to another organization: people have registered "
        "for it, and their data stays with the organization they registered with."
    ) % {"title": page.get_admin_display_title()}

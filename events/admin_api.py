"""Wagtail's admin API (/admin/api/main/pages/), with its delete and move actions asking
events.guards first, as the admin's views do: refused with 403 and the reason, before
anything changes. (Wagtail's own actions ask no hook: deleting an event with registrations
failed halfway with a 500, and deleting the events index above it went through.)"""

from rest_framework.exceptions import PermissionDenied
from wagtail.admin.api.actions.delete import DeletePageAPIAction
from wagtail.admin.api.actions.move import MovePageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet

from .guards import refusal_to_delete, refusal_to_move

CHILD_POSITIONS = ("first-child", "last-child", "sorted-child")


def refuse(refusal):
    if refusal is not None:
        raise PermissionDenied(refusal)


class GuardedDeletePageAPIAction(DeletePageAPIAction):
    def execute(self, instance, data):
        # Wagtail's permission check first: whoever may not delete the page learns nothing
        # of its registrations.
        self._action_from_data(instance, data).check()
        refuse(refusal_to_delete(instance))
        return super().execute(instance, data)


class GuardedMovePageAPIAction(MovePageAPIAction):
    def execute(self, instance, data):
        action = self._action_from_data(instance, data)
        # As wagtail.actions.move_page.MovePageAction.execute finds the new parent.
        parent_after = (
            action.target if action.pos in CHILD_POSITIONS else action.target.get_parent()
        )
        action.check(parent_after)
        refuse(refusal_to_move(instance, parent_after))
        return super().execute(instance, data)


class GuardedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {
        **PagesAdminAPIViewSet.actions,
        "delete": GuardedDeletePageAPIAction,
        "move": GuardedMovePageAPIAction,
    }

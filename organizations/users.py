"""The admin's user form lists the groups by organization.

Every group belongs to one organization (`<Organization> editors`, `… moderators`, …;
organizations.provisioning makes them): the form shows each organization's groups together
under its name, so that an administrator adding a person sees whose staff they join.
"""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from .models import OrganizationGroup, OrganizationSettings


def groups_by_organization():
    """[(organization name, [(group id, group name), …]), …], then the groups of no
    organization (an administrator's own) under "Other groups"."""
    groups = list(Group.objects.order_by("name").values_list("pk", "name"))
    site_of_group = dict(OrganizationGroup.objects.values_list("group_id", "site_id"))
    choices = []
    for site_id, name in OrganizationSettings.objects.order_by("name").values_list(
        "site_id", "name"
    ):
        own = [(pk, group) for pk, group in groups if site_of_group.get(pk) == site_id]
        if own:
            choices.append((name, own))
            groups = [(pk, group) for pk, group in groups if site_of_group.get(pk) != site_id]
    if groups:
        choices.append((_("Other groups"), groups))
    return choices


class GroupsByOrganization:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("groups")
        if field is not None:
            field.queryset = Group.objects.order_by("name")
            field.choices = groups_by_organization()


class OrganizationUserCreationForm(GroupsByOrganization, UserCreationForm):
    pass


class OrganizationUserEditForm(GroupsByOrganization, UserEditForm):
    pass


class OrganizationUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return OrganizationUserEditForm if for_update else OrganizationUserCreationForm

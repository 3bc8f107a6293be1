"""Funding notices in the admin (in the Organization menu, see home/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _

from .models import FundingNotice
from .owned import OrganizationSnippetViewSet
from .snippet_listing import LanguagesColumn


class FundingNoticeViewSet(OrganizationSnippetViewSet):
    """An organization's funding notices: only its own staff see and change them."""

    model = FundingNotice
    icon = "doc-full"
    menu_label = _("Funding notices")
    list_display = ["name", LanguagesColumn()]

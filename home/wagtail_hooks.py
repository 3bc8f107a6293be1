from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from news.viewsets import NewsCategoryViewSet, NewsTagViewSet
from organizations.viewsets import FundingNoticeViewSet
from partners.viewsets import PartnerViewSet


class OrganizationMenu(SnippetViewSetGroup):
    """What staff keep for their organization besides pages, under one admin menu item."""

    menu_label = _("Organization")
    menu_icon = "group"
    menu_order = 300
    items = (PartnerViewSet, FundingNoticeViewSet, NewsCategoryViewSet, NewsTagViewSet)


register_snippet(OrganizationMenu)

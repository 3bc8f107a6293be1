from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Reading what an organization's visitors searched for: held on the organization's site by
# its editors, moderators and translators.
SEARCH_TERMS_PERMISSION = "search.view_searchtermday"

PROMOTION_PERMISSIONS = [
    f"search.{action}_searchpromotion" for action in ("add", "change", "delete", "view")
]


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    # Granted by organizations.provisioning to the organization's groups. The promotions'
    # permission policy (organizations.owned) keeps each to the organization's own; a
    # translator only sees them.
    organization_permissions = {
        "global": {
            "editors": PROMOTION_PERMISSIONS,
            "moderators": PROMOTION_PERMISSIONS,
            "translators": ["search.view_searchpromotion"],
        },
        "site": {
            role: [SEARCH_TERMS_PERMISSION] for role in ("editors", "moderators", "translators")
        },
    }

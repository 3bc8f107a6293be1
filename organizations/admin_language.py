"""The admin in each user's own language (pl, uk or en), and never in Polish by accident.

Wagtail picks the admin language per request from the user's profile. Two things put
Polish in front of English and Ukrainian users all the same:

- Wagtail's `ChooserViewSet` sets the chooser labels with a plain `gettext` in the class
  body (wagtail/admin/viewsets/chooser.py, Wagtail 8.0): they were translated once, when
  the module was imported, into the language active then, this installation's default.
  Every chooser modal (images, documents, snippets) said "Wybierz" and "Szukaj". Lazy
  strings are translated when the modal is rendered.
- Django completes a language's catalogue with the default language's (LANGUAGE_CODE):
  the ~300 strings that Wagtail's and wagtail-localize's Ukrainian catalogues lack
  ("Search…", "Copy URL"…) were shown in Polish. Without that fallback they are shown
  as Wagtail wrote them, in English, which a Ukrainian-speaking translator more likely
  reads. The project's own strings are translated into every language (the test suite
  checks it), so only those of the libraries are concerned, on the site as in the admin.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext, trans_real

# gettext_lazy under a name that makemessages does not collect: these are Wagtail's own
# strings, translated by Wagtail's catalogues, not copied into the project's.
wagtails_lazy_string = lazy(gettext, str)

# The labels as Wagtail's ChooserViewSet defines them, with Wagtail's msgids.
CHOOSER_LABELS = {
    "choose_one_text": wagtails_lazy_string("Choose"),
    "choose_another_text": wagtails_lazy_string("Choose another"),
    "edit_item_text": wagtails_lazy_string("Edit"),
    "search_tab_label": wagtails_lazy_string("Search"),
    "create_action_label": wagtails_lazy_string("Create"),
}


def translate_chooser_labels_per_request():
    """Give Wagtail's chooser viewsets lazy labels; called before any viewset is made
    (OrganizationsConfig.ready runs before the snippets app registers its choosers)."""
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    for name, label in CHOOSER_LABELS.items():
        setattr(ChooserViewSet, name, label)


def _no_default_language_fallback(self, localedirs=None):
    """A string missing from a language's catalogue stays in the original (English)."""


def stop_falling_back_to_the_default_language():
    trans_real.DjangoTranslation._add_fallback = _no_default_language_fallback
    # Catalogues loaded before this (by imports in earlier apps' ready()) are loaded again.
    trans_real._translations = {}
    trans_real._default = None


def relabel_translations_report(menu_items):
    """wagtail-localize labels its Reports → Translations item with a plain `gettext` when
    Wagtail first builds the Reports menu, once per process: in the language of whoever
    opened the admin first after a restart, for everyone after. Lazy, it follows each user."""
    from django.urls import reverse

    url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == url:
            item.label = wagtails_lazy_string("Translations")

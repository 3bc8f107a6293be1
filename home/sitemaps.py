"""`/sitemap.xml` of an organization's site: every live public page in each of its languages.

Wagtail's own sitemap walks the site's root page, which is the Polish home page; the
Ukrainian and English trees are its translations, beside it rather than under it.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from organizations.languages import organization_for_request


class OrganizationSitemap(Sitemap):
    def items(self):
        organization = organization_for_request(self.request)
        if organization is None:
            return []
        roots = organization.root_pages().filter(locale__language_code__in=organization.languages)
        in_trees = Q(pk__in=[])
        for root in roots:
            in_trees |= Q(path__startswith=root.path)
        pages = list(
            Page.objects.filter(in_trees).live().public().select_related("locale").order_by("path")
        )
        # Each page lists its translations (hreflang), found among the pages themselves.
        self._translations = defaultdict(list)
        for page in pages:
            self._translations[page.translation_key].append(page)
        return pages

    def _urls(self, page_number, protocol, domain):
        urls = []
        for page in self.paginator.page(page_number).object_list:
            translations = self._translations[page.translation_key]
            for url in page.get_sitemap_urls(self.request):
                if len(translations) > 1:
                    url["alternates"] = [
                        {
                            "lang_code": translation.locale.language_code,
                            "location": translation.get_full_url(self.request),
                        }
                        for translation in translations
                    ]
                urls.append(url)
        last_modified = [url["lastmod"] for url in urls]
        if last_modified and None not in last_modified:
            self.latest_lastmod = max(last_modified)
        return urls

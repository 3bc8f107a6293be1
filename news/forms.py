"""The article form: what an editor may point an article at."""

from django.utils.translation import gettext_lazy as _

from organizations.page_forms import OrganizationPageForm


class ArticlePageForm(OrganizationPageForm):
    """Refuse another organization's category or articles typed in by id.

    The choosers offer only one's own; a form accepts any id.
    """

    def clean(self):
        cleaned_data = super().clean()
        org = self.organization()
        if org is None:
            return cleaned_data
        category = cleaned_data.get("category")
        if category is not None:
            if category.site_id != org.site_id:
                self.add_error("category", _("Choose a category of this organization."))
            elif self.instance.locale_id and category.locale_id != self.instance.locale_id:
                self.add_error("category", _("Choose a category in the article's language."))
        self._check_related_articles(org)
        return cleaned_data

    def _check_related_articles(self, org):
        links = self.formsets.get("related_article_links")
        if links is None or not links.is_valid():
            return
        for form in links.forms:
            article = form.cleaned_data.get("article")
            if article is None or form.cleaned_data.get("DELETE"):
                continue
            if not org.owns_page(article):
                form.add_error("article", _("Choose an article of this organization."))
            elif self.instance.pk and article.pk == self.instance.pk:
                form.add_error("article", _("Choose another article than this one."))

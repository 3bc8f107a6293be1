"""The <head> meta that search engines and link previews read, and the share bar."""

from django import template
from wagtail.models import Page

from core.languages import live_translations
from core.seo import page_meta, share_links

register = template.Library()


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_head_meta(context):
    """Canonical URL, Open Graph, Twitter card, hreflang alternates and JSON-LD."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return {"meta": None}
    organization = context.get("organization")
    return {
        "meta": page_meta(request, page, organization, live_translations(request, page)),
    }


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_bar(context, page):
    """Share links, "copy link" and the device's own share sheet for `page`."""
    request = context.get("request")
    url = page.get_full_url(request)
    return {"url": url, "title": page.title, "links": share_links(url, page.title)}


@register.inclusion_tag("includes/page_tools.html", takes_context=True)
def page_tools(context, page):
    """PDF | Print | Share, above an article or content page."""
    pdf_url = None
    if getattr(page, "pdf_available", False):
        pdf_url = page.get_url(context.get("request")) + "pdf/"
    return {"page": page, "pdf_url": pdf_url}

"""Header, navigation, language switcher and breadcrumbs of an organization's site."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from core.languages import live_translations
from organizations.languages import organization_home

register = template.Library()


def _swap_language(path, code):
    """`/pl/o-nas/` → `/uk/o-nas/`; a path without a language gets one."""
    parts = path.split("/", 2)
    known = {c for c, _n in settings.LANGUAGES}
    if len(parts) > 1 and parts[1] in known:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{code}/{rest}"
    return f"/{code}{path}"


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The organization's home page in the current language (or Polish)."""
    return organization_home(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = localized_home(context)
    items = list(home.get_children().live().in_menu().only("title", "url_path")) if home else []
    current = context.get("page")
    return {
        "request": context.get("request"),
        "home": home,
        "items": items,
        "current_path": current.url_path if current is not None else "",
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    org = context.get("organization")
    page = context.get("page")
    codes = org.languages if org is not None else [settings.LANGUAGE_CODE]
    translated = {
        code: translation.get_url(request)
        for code, translation in live_translations(request, page).items()
    }
    path = request.get_full_path() if request is not None else "/"
    links = []
    for code, name in settings.LANGUAGES:
        if code not in codes:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": translated.get(code) or _swap_language(path, code),
                "current": code == get_language(),
            }
        )
    return {"links": links}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    ancestors = list(page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "depth"))
    return {"crumbs": ancestors, "page": page, "request": context.get("request")}

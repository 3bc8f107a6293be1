"""What a page tells search engines and social networks, and how visitors share it.

The canonical URL, Open Graph and Twitter card meta, the page's other languages
(hreflang) and its schema.org JSON-LD; the share links under articles and content pages.
Share links are plain addresses: nothing is loaded from a network until a visitor
clicks one.
"""

import json
from urllib.parse import quote, urlencode

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from core.images import fits

# Open Graph wants territory-qualified locales.
OG_LOCALES = {"pl": "pl_PL", "uk": "uk_UA", "en": "en_GB"}

# 1.91:1, the size Facebook, LinkedIn and X show large; the logo fits inside instead.
SHARE_IMAGE_FILTER = "fill-1200x630-c100"
LOGO_FILTER = "max-1200x630"

# The characters that would let a title close the <script> element or open a comment.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as the body of a <script type="application/ld+json"> element, safely."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def share_image(page, organization):
    """The picture a shared link shows: the page's own photo, else the organization's logo.

    Returns (rendition, is_photo) or (None, False). An image beyond the pixel limit, or
    whose original file is missing from the storage, is passed over (core.images.fits).
    """
    photo = getattr(page, "hero_image", None)
    rendition = _rendition(photo, SHARE_IMAGE_FILTER)
    if rendition is not None:
        return rendition, True
    logo = getattr(organization, "logo", None) if organization else None
    return _rendition(logo, LOGO_FILTER), False


def _rendition(image, spec):
    """The image's rendition, or None: no image, too large, or its original file lost."""
    if image is None or not fits(image):
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        return None


def publisher(request, organization):
    """The organization as a schema.org Organization: who publishes the site's pages."""
    if not organization:
        return None
    data = {
        "@type": "Organization",
        "name": organization.display_name,
        "url": organization.site.root_url + "/",
    }
    logo = _rendition(organization.logo, LOGO_FILTER)
    if logo is not None:
        data["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(logo.url),
            "width": logo.width,
            "height": logo.height,
        }
    return data


def page_meta(request, page, organization, translations):
    """Everything the <head> says about `page` to crawlers and link previews.

    `translations` maps language codes to the page's live translations (the page included).
    """
    canonical = page.get_full_url(request)
    description = page.search_description or getattr(page, "intro", "") or ""
    language = page.locale.language_code
    image, is_photo = share_image(page, organization)
    image_url = request.build_absolute_uri(image.url) if image else ""
    languages = organization.languages if organization else [language]
    alternates = [
        (code, translation.get_full_url(request))
        for code, translation in translations.items()
        if code in languages
    ]
    meta = {
        "canonical": canonical,
        "title": page.seo_title or page.title,
        "description": description[:300],
        "site_name": organization.display_name if organization else "",
        "type": "article" if hasattr(page, "structured_data") else "website",
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [OG_LOCALES.get(code, code) for code, _url in alternates]
        if len(alternates) > 1
        else [],
        "alternates": alternates if len(alternates) > 1 else [],
        "default_alternate": dict(alternates).get("pl") if len(alternates) > 1 else None,
        "image": image,
        "image_url": image_url,
        "image_alt": getattr(page, "hero_alt_text", "") if is_photo else "",
        "card": "summary_large_image" if is_photo else "summary",
        "json_ld": None,
    }
    if hasattr(page, "structured_data"):
        data = page.structured_data(
            canonical=canonical,
            image_url=image_url,
            publisher=publisher(request, organization),
        )
        meta["json_ld"] = json_ld(data)
    if hasattr(page, "date"):
        meta["published"] = page.date.isoformat()
    return meta


def share_links(url, title):
    """(key, label, address) of each place a visitor can share `url` to."""
    text = f"{title} {url}"
    return [
        (
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ("x", "X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        (
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
        (
            "telegram",
            "Telegram",
            "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        ),
        (
            "email",
            _("E-mail"),
            # mailto: wants %20 for spaces, not the + of form encoding.
            f"mailto:?subject={quote(title)}&body={quote(text)}",
        ),
    ]

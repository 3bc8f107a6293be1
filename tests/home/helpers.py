"""Helpers for the tests of the admin and the pages: media of an organization, what the admin
shows or refuses, a page body as the admin posts it, the body's markup, funding notices."""

import io
import json
import re
from collections import Counter
from html.parser import HTMLParser
from uuid import uuid4

from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from organizations.models import FundingNotice

Image = get_image_model()


Document = get_document_model()


def make_image(org, title):
    return Image.objects.create(
        title=title, file=get_test_image_file(filename=f"{org.slug}.png"), collection=org.collection
    )


LOGO_RED = (200, 16, 46)


def make_logo(org, size=(400, 200), colour=LOGO_RED):
    """A plain 2:1 logo in the organization's collection, set as its logo."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    logo = Image.objects.create(
        title="Logo", file=ImageFile(buffer, name="logo.png"), collection=org.collection
    )
    org.logo = logo
    org.save()
    return logo


def make_document(org, title):
    return Document.objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 raport", name=f"{org.slug}.pdf"),
        collection=org.collection,
    )


def login(client, user):
    client.force_login(user)
    return client


def text_of(response):
    """What the user is shown: the HTML, or a chooser's JSON with its text unescaped."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def assert_shows(response, *texts):
    assert response.status_code == 200
    shown = text_of(response)
    for text in texts:
        assert text in shown


def assert_hides(response, *texts):
    shown = text_of(response)
    for text in texts:
        assert text not in shown


def assert_refused(response):
    """Refused as Wagtail refuses: to the dashboard with an error, or 403/404.

    A 404 under /admin/ arrives as a redirect to /pl/admin/…: LocaleMiddleware tries the
    default language's prefix, where Wagtail serves (and 404s) public pages.
    """
    if response.status_code == 302:
        location = response["Location"]
        if location == reverse("wagtailadmin_home"):
            errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
            assert errors, "sent to the dashboard without an error message"
        else:
            assert location.startswith("/pl/admin/"), f"unexpected redirect to {location}"
            assert response.client.get(location).status_code == 404
    else:
        assert response.status_code in (403, 404)


def named(user, first_name, last_name):
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


class Markup(HTMLParser):
    """Just enough of an HTML checker: unclosed tags, ids, links, images and headings."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    VOID |= {"track", "wbr", "path", "circle"}  # drawn shapes inside inline SVG icons

    def __init__(self, html):
        super().__init__()
        self.open, self.problems, self.ids, self.tags = [], [], Counter(), []
        self.feed(html)
        self.close()
        self.problems += [f"<{tag}> never closed" for tag in self.open]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else ''}>")
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
        else:
            self.open.pop()

    def urls(self):
        """(tag, attribute, address) of everything the browser would load or follow."""
        return [
            (tag, name, value)
            for tag, attrs in self.tags
            for name, value in attrs.items()
            if name in ("src", "href", "srcset", "poster", "action", "formaction", "data")
        ]

    def headings(self):
        return [int(tag[1]) for tag, _attrs in self.tags if re.fullmatch(r"h[1-6]", tag)]


def form_fields(prefix, value):
    """A block value as the admin's StreamField editor posts it."""
    if isinstance(value, dict):
        fields = {}
        for key, child in value.items():
            fields.update(form_fields(f"{prefix}-{key}", child))
        return fields
    if isinstance(value, list):
        fields = {f"{prefix}-count": str(len(value))}
        for index, child in enumerate(value):
            fields.update(form_fields(f"{prefix}-{index}-value", child))
            fields.update(
                {
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                    f"{prefix}-{index}-id": str(uuid4()),
                }
            )
        return fields
    if isinstance(value, bool):
        return {prefix: "on"} if value else {}
    return {prefix: "" if value is None else str(value)}


def body_form(page, *stream):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "comments": inline_formset([]),
        }
    )
    data["body-count"] = str(len(stream))
    for index, (block_type, value) in enumerate(stream):
        data.update(
            {
                f"body-{index}-type": block_type,
                f"body-{index}-deleted": "",
                f"body-{index}-order": str(index),
                f"body-{index}-id": str(uuid4()),
            }
        )
        data.update(form_fields(f"body-{index}-value", value))
    return data


def page_state(page):
    page = Page.objects.get(pk=page.pk).specific
    return {
        "latest_revision": page.latest_revision_id,
        "revisions": page.revisions.count(),
        "body": page.get_latest_revision_as_object().body.get_prep_value(),
    }


def edit(client, user, page, *stream):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), body_form(page, *stream))


def body_errors(response):
    error = response.context["form"].errors.as_data()["body"][0]
    return [str(message) for message in error.non_block_errors], sorted(error.block_errors)


DISCLAIMER = "<p>Projekt współfinansowany ze środków Unii Europejskiej.</p>"


def make_notice(org, name="FAMI", disclaimer=DISCLAIMER, language="pl"):
    return FundingNotice.objects.create(
        site=org.site,
        locale=Locale.objects.get(language_code=language),
        name=name,
        disclaimer=disclaimer,
        logos=[("logo", {"image": None, "alt_text": "Dofinansowane przez Unię Europejską"})],
    )


def make_photo(org, title, colour="#c69c7a"):
    """A plain coloured 1600×900 "photo", so that a screenshot shows where photos go."""
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(filename="photo.png", colour=colour, size=(1600, 900)),
        collection=org.collection,
    )


def showcase(org):
    """Every page type of an organization with something in it: a home page with its photo
    and calls to action, articles with and without photos, events online and in person, one
    with a registration form, and partners with and without a logo on the home page.
    {"home" | "news" | "article" | "events" | "event": path}."""
    from partners.blocks import Role
    from tests.events.helpers import (
        add_event,
        add_integration_talk,
        event_index,
        in_days,
        path_of,
    )
    from tests.news.helpers import add_article, news_index
    from tests.partners.helpers import make_logo, make_partner, strip

    home = org.site.root_page.specific
    home.intro = "Pomagamy osobom, które znalazły w Toruniu nowy dom."
    home.hero_image = make_photo(org, "Spotkanie", "#7a9cc6")
    # A strip mixing a logo with a partner that has none: one baseline for both.
    logo = make_partner(org, "Fundacja Stocznia", logo=make_logo(org, "Stocznia"))
    named = make_partner(org, "Centrum Wielokulturowe w Toruniu, partner od lat")
    home.body = [("partner_strip", strip(logo, named, role=Role.PARTNERS))]
    home.save_revision().publish()
    org.newsletter_url = "https://example.org/newsletter"
    org.donate_url = "https://example.org/wesprzyj"
    org.save()
    photo = make_photo(org, "Forum")
    news = news_index(org)
    article = add_article(
        news,
        "Forum integracji w Toruniu",
        "2026-11-20",
        intro="Ponad sto osób rozmawiało o tym, jak mieszkać razem.",
        hero_image=photo,
        hero_alt_text="Uczestnicy forum przy stołach",
        hero_credit="Piotr Rojewski",
    )
    for day in range(1, 5):
        add_article(news, f"Wiadomość {day}", f"2026-11-0{day}", intro="Krótko o tym, co nowego.")
    events = event_index(org)
    event = add_integration_talk(events, hero_image=photo, hero_alt_text="Sala kawiarni")
    add_event(events, "Webinar: legalizacja pobytu", in_days(3, 17, 0), format="online")
    add_event(events, "Spacer po Starówce", in_days(40, 11, 0), city="Toruń")
    return {
        "home": "/pl/",
        "news": "/pl/aktualnosci/",
        "article": path_of(article),
        "events": "/pl/wydarzenia/",
        "event": path_of(event),
    }

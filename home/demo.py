"""The demo organizations, built from the texts in home/demo_content/ (one TOML file per
organization and language; see home/demo_content/README.md).

`manage.py demo` runs this; it is idempotent: a second run keeps what is there, `--force`
removes the demo organizations and builds them again. Everything goes through the APIs an
editor's actions use: create_organization, pages added and published through revisions,
snippets saved, and translations through wagtail-localize (string by string), exactly as a
translator's work would, so the translation editor shows them as translated.

Dates are counted from the day of the build (`[dates]` in each organization's file), and
the texts name them through placeholders ({meeting}, {forum:dm}), written out in each
language, so that a text never names another day than its event's.

The logos and illustrations are drawn here with Pillow (simple shapes in the
organization's colours; the partners' logos a shape and their name set in the project's
Noto Sans): nothing is downloaded and no image is kept in the repository.
"""

import datetime
import html
import json
import math
import random
import re
import time
import tomllib
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import formats, translation
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Site, Workflow

from core.dates import WARSAW
from core.lettering import draw_text, text_width
from events.models import EventIndexPage, EventPage
from news.models import ArticlePage, NewsCategory, NewsIndexPage
from news.tags import NewsTag
from organizations.models import FundingNotice, OrganizationGroup, OrganizationSettings, locale_for
from organizations.provisioning import (
    create_organization,
    group_name,
    translate_and_publish,
    workflow_name,
)
from organizations.standard_pages import ABOUT, CONTACT, PRIVACY_POLICY
from partners.models import Partner

from .models import ContentPage

CONTENT = Path(__file__).resolve().parent / "demo_content"
# The organizations in the order they are made: the first is the default site (localhost).
DEMO_SLUGS = ["m6", "konsorcjum", "innaprzestrzen"]
DEMO_ROLES = ["editors", "moderators", "translators", "registrations"]

# Where the [about], [contact] and [privacy] texts of a file go: the [placeholders] of the
# standard pages create_organization made.
STANDARD_FILLS = {
    "about": (ABOUT, {"mission": 1, "team": 3, "registration": 5}),
    "contact": (CONTACT, {"office": 1, "languages": 3}),
    "privacy": (PRIVACY_POLICY, {"controller": 1, "retention": 5}),
}

# Illustrations: small, quickly made JPEGs; the logo a PNG monogram.
ILLUSTRATION_SIZE = (1200, 675)
LOGO_SIZE = 512
# The partners' wordmarks: PNGs twice the height the strips show them at (4.5rem), each in
# one of these colours (all ≥ 4.5:1 on white), picked by the partner.
WORDMARK_MARK = 128
WORDMARK_COLOURS = ("#1d4e89", "#8a3b12", "#0f6b4f", "#5b2a86", "#9b1c31", "#2f4858", "#6b4e00")


def load_content(slug, language):
    path = CONTENT / f"{slug}.{language}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as file:
        return tomllib.load(file)


DEMO_ORGANIZATIONS = [load_content(slug, "pl")["organization"] for slug in DEMO_SLUGS]


def demo_usernames():
    names = [settings.DEMO_ADMIN_USERNAME]
    for org in DEMO_ORGANIZATIONS:
        names += [demo_username(org["slug"], role) for role in DEMO_ROLES]
    return names


def demo_username(slug, role):
    return f"{slug}-{role.rstrip('s')}"


# Dates ----------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
DATE_FORMATS = {"": "j E Y", "dm": "j E", "year": "Y", "day": "j"}


def demo_dates(definition, today=None):
    """The organization's named days, counted from `today` (Warsaw time)."""
    today = today or datetime.datetime.now(WARSAW).date()
    return {
        name: today + datetime.timedelta(days=offset)
        for name, offset in definition.get("dates", {}).items()
    }


def _day(value, dates, today):
    if isinstance(value, str):
        return dates[value]
    return today + datetime.timedelta(days=value)


def _substitute(value, language, dates):
    """The data with every {date} placeholder written out in `language`."""
    if isinstance(value, str):

        def replace(match):
            name, style = match.group(1), match.group(2) or ""
            if name not in dates:
                return match.group(0)
            with translation.override(language):
                return formats.date_format(dates[name], DATE_FORMATS[style])

        return PLACEHOLDER.sub(replace, value)
    if isinstance(value, dict):
        return {key: _substitute(item, language, dates) for key, item in value.items()}
    if isinstance(value, list):
        return [_substitute(item, language, dates) for item in value]
    return value


# Text ----------------------------------------------------------------------------------

BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text):
    return BOLD.sub(r"<b>\1</b>", html.escape(" ".join(text.split()), quote=False))


def _segments(text):
    """The paragraphs and list items of a `text` block, as wagtail-localize splits them:
    [(tag, inner HTML)]; lines starting with "- " are list items."""
    found = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.strip().splitlines()]
        if lines and all(line.startswith("- ") for line in lines):
            found += [("li", _inline(line[2:])) for line in lines]
        else:
            found.append(("p", _inline(" ".join(lines))))
    return found


def _rich_text(text):
    out, in_list = [], False
    for tag, inner in _segments(text):
        if tag == "li" and not in_list:
            out.append("<ul>")
        if tag != "li" and in_list:
            out.append("</ul>")
        in_list = tag == "li"
        out.append(f"<{tag}>{inner}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _pairs(original, translated, language, found, rich=False):
    """{Polish string: {language: translation}} for every string `translated` gives, found
    where the two structures agree; rich text paragraph by paragraph."""
    if isinstance(original, str) and isinstance(translated, str):
        if rich:
            for (_t1, source), (_t2, target) in zip(
                _segments(original), _segments(translated), strict=False
            ):
                found.setdefault(source, {})[language] = target
        else:
            source = " ".join(original.split())
            for key in {source, html.escape(source, quote=False), html.escape(source)}:
                found.setdefault(key, {})[language] = " ".join(translated.split())
    elif isinstance(original, dict) and isinstance(translated, dict):
        for key, item in original.items():
            if key in translated:
                _pairs(item, translated[key], language, found, rich=key in RICH_KEYS)
    elif isinstance(original, list) and isinstance(translated, list):
        for one, other in zip(original, translated, strict=False):
            _pairs(one, other, language, found, rich=rich)
    return found


# Keys whose strings are rich text (paragraphs, lists, **bold**).
RICH_KEYS = {"text", "notice", "disclaimer"}


# Images ----------------------------------------------------------------------------------


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(one, other, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(one, other, strict=True))


def draw_illustration(seed, primary, accent, motif):
    """A simple geometric illustration in the organization's colours."""
    width, height = ILLUSTRATION_SIZE
    rng = random.Random(seed)
    primary, accent = _rgb(primary), _rgb(accent)
    white = (255, 255, 255)
    canvas = PillowImage.new("RGB", ILLUSTRATION_SIZE, _mix(primary, white, 0.85))
    draw = ImageDraw.Draw(canvas)
    palette = [primary, accent, _mix(primary, white, 0.5), _mix(accent, white, 0.45), white]
    if motif == "circles":  # people around a table, seen from above
        draw.ellipse((width * 0.3, height * 0.2, width * 0.7, height * 0.8), fill=palette[2])
        for index in range(10):
            angle = index / 10 * 6.283
            x = width / 2 + width * 0.27 * __import__("math").cos(angle)
            y = height / 2 + height * 0.4 * __import__("math").sin(angle)
            r = rng.randint(38, 52)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=palette[index % 2])
    elif motif == "city":  # a skyline
        x = 0
        while x < width:
            w = rng.randint(70, 160)
            h = rng.randint(int(height * 0.25), int(height * 0.8))
            draw.rectangle((x, height - h, x + w, height), fill=rng.choice(palette[:4]))
            for wy in range(height - h + 24, height - 30, 44):
                for wx in range(x + 14, x + w - 24, 34):
                    draw.rectangle((wx, wy, wx + 14, wy + 20), fill=white)
            x += w + rng.randint(0, 12)
        draw.ellipse((width * 0.75, 50, width * 0.75 + 120, 170), fill=palette[3])
    elif motif == "paths":  # roads that meet
        for index in range(7):
            y0, y1 = rng.randint(0, height), rng.randint(0, height)
            draw.line((0, y0, width, y1), fill=palette[index % 4], width=rng.randint(18, 44))
        for _ in range(6):
            x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(30, 70)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=white, outline=primary, width=10)
    else:  # "shapes": squares, circles and triangles
        for _ in range(26):
            x, y = rng.randint(-60, width), rng.randint(-60, height)
            size = rng.randint(50, 190)
            colour = rng.choice(palette)
            kind = rng.randint(0, 2)
            if kind == 0:
                draw.rectangle((x, y, x + size, y + size), fill=colour)
            elif kind == 1:
                draw.ellipse((x, y, x + size, y + size), fill=colour)
            else:
                draw.polygon([(x, y + size), (x + size / 2, y), (x + size, y + size)], fill=colour)
    buffer = BytesIO()
    canvas.save(buffer, format="JPEG", quality=80)
    return buffer


def draw_logo(initials, primary, accent):
    """A monogram: the initials on a disc of the primary colour, with an accent arc."""
    size = LOGO_SIZE
    canvas = PillowImage.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((16, 16, size - 16, size - 16), fill=_rgb(primary))
    draw.arc((40, 40, size - 40, size - 40), 200, 340, fill=_rgb(accent), width=28)
    font = ImageFont.load_default(size=int(size * 0.36))
    draw.text((size / 2, size * 0.54), initials, fill="white", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=False)
    return buffer


def _lines(text, width):
    """`text` in lines of at most about `width` characters, cut between words; a last word
    of one or two letters stays with the line before."""
    lines = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > 1 and len(lines[-1]) <= 2:
        lines[-2:] = [" ".join(lines[-2:])]
    return lines


def _wordmark_layout(text):
    """(lines, font size) of a wordmark's name: the fewest lines (at most three), then the
    largest type, that keep the logo within the strips' box of 12rem by 4.5rem (8:3); else
    the narrowest layout."""
    layouts = {}
    for size in (44, 40, 36, 32):
        for width in range(24, 9, -1):
            lines = _lines(text, width)
            if len(lines) <= 3:
                wide = 2 * 12 + WORDMARK_MARK + 28 + max(text_width(line, size) for line in lines)
                high = 2 * 12 + max(WORDMARK_MARK, round(size * 1.2) * len(lines))
                key = (len(lines), -size)
                layouts[key] = min(
                    layouts.get(key, (wide / high, lines, size)), (wide / high, lines, size)
                )
    fitting = [layouts[key] for key in sorted(layouts) if layouts[key][0] <= 8 / 3]
    _ratio, lines, size = fitting[0] if fitting else min(layouts.values())
    return lines, size


def draw_wordmark(text, seed):
    """A partner's logo for the demo: a simple mark with the name's initials beside the
    name set in type, in one colour picked by `seed`, on a transparent background."""
    rng = random.Random(seed)
    colour = _rgb(rng.choice(WORDMARK_COLOURS))
    lines, size = _wordmark_layout(text)
    leading = round(size * 1.2)
    pad, gap, mark = 12, 28, WORDMARK_MARK
    text_height = leading * len(lines)
    width = pad + mark + gap + max(math.ceil(text_width(line, size)) for line in lines) + pad
    height = max(mark, text_height) + 2 * pad
    canvas = PillowImage.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(canvas)
    top = (height - mark) / 2
    left, right, bottom = pad, pad + mark, top + mark
    centre = (pad + mark / 2, top + mark / 2)
    shape = rng.randrange(4)
    if shape == 0:
        draw.ellipse((left, top, right, bottom), fill=colour)
    elif shape == 1:
        draw.rounded_rectangle((left, top, right, bottom), radius=mark // 5, fill=colour)
    elif shape == 2:
        diamond = [(centre[0], top), (right, centre[1]), (centre[0], bottom), (left, centre[1])]
        draw.polygon(diamond, fill=colour)
    else:  # a ring in a square, without letters
        draw.rectangle((left, top, right, bottom), fill=colour)
        for inset, fill in ((0.2, "white"), (0.32, colour)):
            margin = mark * inset
            draw.ellipse((left + margin, top + margin, right - margin, bottom - margin), fill=fill)
    if shape != 3:
        # The initials of the words that begin with a capital: "Urząd m.st. Warszawy": UW.
        capitals = [word[0] for word in text.split() if word[:1].isupper()] or [text[:1]]
        letters = "".join(capitals[:2]).upper()
        draw_text(draw, centre, letters, 52 if len(letters) > 1 else 64, "white", anchor="mm")
    y = (height - text_height) / 2 + leading / 2
    for line in lines:
        draw_text(draw, (pad + mark + gap, y), line, size, colour, anchor="lm")
        y += leading
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer


def _image(org, key, title, description, buffer, extension):
    return Image.objects.create(
        title=title,
        description=description[:255],
        file=ImageFile(buffer, name=f"{org.slug}-{key}.{extension}"),
        collection=org.collection,
    )


# Building ---------------------------------------------------------------------------------


@contextmanager
def _index_once():
    """Each object put in the search index and Wagtail's reference index once, at the end,
    instead of at each of its saves (a page is saved when added, when its revision is
    published and when translated): the same indexes, made in a fraction of the time."""
    from modelsearch import signal_handlers as search_signals
    from wagtail import signal_handlers as wagtail_signals

    pending = {}

    def collector(task):
        class Deferred:
            @staticmethod
            def enqueue(*args):
                pending.setdefault((task, args), None)

        return Deferred

    search_task = search_signals.insert_or_update_object_task
    reference_task = wagtail_signals.update_reference_index_task
    with (
        mock.patch.object(search_signals, "insert_or_update_object_task", collector(search_task)),
        mock.patch.object(
            wagtail_signals, "update_reference_index_task", collector(reference_task)
        ),
    ):
        yield
    from django.apps import apps

    for task, (app_label, model_name, pk) in pending:
        if apps.get_model(app_label, model_name)._default_manager.filter(pk=pk).exists():
            task.call(app_label, model_name, pk)


def build_demo(stdout=None, port=80, force=False):
    """Create the demo organizations, their pages, translations and users; return the
    seconds it took."""
    started = time.monotonic()
    write = stdout.write if stdout else (lambda _msg: None)
    User = get_user_model()
    password = make_password(settings.DEMO_ADMIN_PASSWORD)
    admin, _created = User.objects.get_or_create(
        username=settings.DEMO_ADMIN_USERNAME,
        defaults={
            "is_superuser": True,
            "is_staff": True,
            "email": "admin@localhost",
            "password": password,
        },
    )
    if force:
        for slug in reversed(DEMO_SLUGS):
            remove_demo_organization(slug)
    with _index_once():
        for slug in DEMO_SLUGS:
            content = {language: load_content(slug, language) for language in ("pl", "uk", "en")}
            definition = content["pl"]["organization"]
            result = create_organization(
                name=definition["name"],
                slug=definition["slug"],
                hostname=definition["hostname"],
                languages=definition["languages"],
                port=port,
                user=admin,
            )
            org = result.settings
            if org.site.port != port:
                # The port the demo is served on, so that every absolute link carries it.
                Site.objects.filter(pk=org.site.pk).update(port=port)
            if result.created:
                _Builder(org, content, admin).build()
                write(f"Created demo organization {org.name} ({org.site.hostname}).")
            else:
                write(f"Demo organization {org.name} already exists; kept as it is.")
            for role in DEMO_ROLES:
                # The demo's translator translates into Ukrainian.
                language = "uk" if role == "translators" else ""
                _demo_user(slug, role, group_name(org.name, role, language), password)
    seconds = time.monotonic() - started
    write(f"Demo built in {seconds:.1f} s.")
    return seconds


def remove_demo_organization(slug):
    """Everything a demo organization has: its pages in every language, site, settings,
    snippets, images, groups, workflow and demo users."""
    org = OrganizationSettings.objects.filter(slug=slug).select_related("site").first()
    get_user_model().objects.filter(
        username__in=[demo_username(slug, role) for role in DEMO_ROLES]
    ).delete()
    if org is None:
        return
    site, collection, name = org.site, org.collection, org.name
    root = site.root_page
    for model in (Partner, NewsCategory, FundingNotice):
        model.objects.filter(site=site).delete()
    Group.objects.filter(
        pk__in=OrganizationGroup.objects.filter(site=site).values("group")
    ).delete()
    homes = list(Page.objects.filter(translation_key=root.translation_key))
    org.delete()
    site.delete()
    for home in homes:
        home.delete()
    Workflow.objects.filter(name=workflow_name(name)).delete()
    if collection is not None:
        for image in Image.objects.filter(collection=collection):
            image.delete()
        Collection.objects.filter(pk=collection.pk).delete()


def _demo_user(slug, role, group, password):
    """A demo user in `group`, with the demo password (`password`: its hash, made once;
    hashing it anew for each user takes a good part of a second)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=demo_username(slug, role),
        defaults={"email": f"{demo_username(slug, role)}@localhost", "password": password},
    )
    if created:
        user.groups.add(Group.objects.get(name=group))
    return user


class _Builder:
    """One organization's content, from its files."""

    def __init__(self, org, content, user):
        self.org, self.user = org, user
        self.today = datetime.datetime.now(WARSAW).date()
        self.dates = demo_dates(content["pl"], self.today)
        self.pl = _substitute(content["pl"], "pl", self.dates)
        self.translated = {
            language: _substitute(content[language], language, self.dates)
            for language in org.languages
            if language != "pl"
        }
        self.definition = self.pl["organization"]
        self.home = org.site.root_page.specific
        self.images, self.partners, self.funding, self.categories = {}, {}, {}, {}
        self.pages = {}

    # Translations through wagtail-localize, with the texts of the other files.
    def texts(self, *path):
        """{Polish: {language: text}} for the part of the files at `path`."""
        found = {}
        original = self._at(self.pl, path)
        for language, data in self.translated.items():
            _pairs(original, self._at(data, path), language, found)
        return found

    @staticmethod
    def _at(data, path):
        """The part of a file at `path`; in a list of items (articles, events), the item
        with that slug (the other languages' files key them by slug)."""
        for key in path:
            if isinstance(data, list):
                data = next((item for item in data if item.get("slug") == key), {})
            else:
                data = data.get(key, {}) if isinstance(data, dict) else {}
        return data

    def translate(self, obj, *paths, extra=None):
        locales = [locale_for(code) for code in self.translated]
        if not locales:
            return
        texts = {}
        for path in paths:
            for source, targets in self.texts(*path).items():
                texts.setdefault(source, {}).update(targets)
        for source, targets in (extra or {}).items():
            texts.setdefault(source, {}).update(targets)
        translate_and_publish(obj, locales, self.user, texts)

    def publish(self, page):
        page.save_revision(user=self.user).publish(user=self.user)

    # The organization
    def build(self):
        org, definition = self.org, self.definition
        for field in (
            "short_name",
            "primary_colour",
            "accent_colour",
            "contact_email",
            "phone",
            "address",
            "facebook_url",
            "instagram_url",
            "linkedin_url",
            "youtube_url",
            "newsletter_url",
            "donate_url",
        ):
            if field in definition:
                setattr(org, field, definition[field])
        org.footer_text = definition["footer_text"]
        for language, data in self.translated.items():
            setattr(org, f"footer_text_{language}", data["organization"]["footer_text"])
        org.logo = _image(
            org,
            "logo",
            f"{org.name} – logo",
            definition["logo_alt"],
            draw_logo(definition["initials"], org.primary_colour, org.accent_colour),
            "png",
        )
        for key, spec in self.pl.get("images", {}).items():
            self.images[key] = _image(
                org,
                key,
                spec["title"],
                spec["alt"],
                draw_illustration(
                    f"{org.slug}-{key}", org.primary_colour, org.accent_colour, spec["motif"]
                ),
                "jpg",
            )
        with transaction.atomic():
            self.build_snippets()
            org.save()
        self.build_standard_pages()
        news = NewsIndexPage.objects.child_of(self.home).first()
        events = EventIndexPage.objects.child_of(self.home).first()
        for index in (news, events):
            with transaction.atomic():
                index.show_in_menus = True
                self.publish(index)
                self.translate(index)
        # Each page with its translations in one transaction: one commit instead of dozens.
        for spec in self.pl.get("events", []):
            with transaction.atomic():
                self.build_event(events, spec)
        for spec in self.pl.get("articles", []):
            with transaction.atomic():
                self.build_article(news, spec)
        with transaction.atomic():
            self.build_tags()
        # Last, as its blocks point at the events and articles.
        self.build_home()

    def build_snippets(self):
        site, locale = self.org.site, self.home.locale
        for key, spec in self.pl.get("categories", {}).items():
            category = NewsCategory.objects.create(
                site=site, locale=locale, name=spec["name"], slug=key
            )
            self.translate(category, ("categories", key))
            self.categories[key] = category
        for key, spec in self.pl.get("partners", {}).items():
            logo = None
            if spec["name"] == self.org.name:
                logo = self.org.logo  # the organization itself, as organizer or partner
            elif spec.get("logo", True):
                logo = _image(
                    self.org,
                    f"partner-{key}",
                    f"{spec['name']} – logo",
                    spec["name"],
                    draw_wordmark(spec.get("wordmark", spec["name"]), f"{self.org.slug}-{key}"),
                    "png",
                )
            partner = Partner.objects.create(
                site=site,
                locale=locale,
                name=spec["name"],
                logo=logo,
                website=spec.get("website", ""),
                description=spec.get("description", ""),
            )
            self.translate(partner, ("partners", key))
            self.partners[key] = partner
        for key, spec in self.pl.get("funding", {}).items():
            notice = FundingNotice.objects.create(
                site=site,
                locale=locale,
                name=spec["name"],
                disclaimer=_rich_text(spec["disclaimer"]),
            )
            self.translate(notice, ("funding", key))
            self.funding[key] = notice
        if self.pl["organization"].get("funding_notice"):
            self.org.funding_notice = self.funding[self.pl["organization"]["funding_notice"]]

    # Body blocks, from [[… .body]] tables: the first key names the block.
    def blocks(self, items):
        return [self.block(item) for item in items]

    def block(self, item):
        if "heading" in item:
            return (
                "heading",
                {"text": item["heading"], "level": item.get("level", "h2"), "anchor": ""},
            )
        if "text" in item:
            return ("rich_text", _rich_text(item["text"]))
        if "quote" in item:
            return (
                "quote",
                {
                    "text": " ".join(item["quote"].split()),
                    "attribution": item.get("author", ""),
                    "role": item.get("role", ""),
                },
            )
        if "notice" in item:
            return (
                "notice",
                {
                    "title": item.get("title", ""),
                    "body": _rich_text(item["notice"]),
                    "level": item.get("level", "info"),
                },
            )
        if "people" in item:
            return ("people", {"heading": item.get("people_heading", ""), "people": item["people"]})
        if "partners" in item:
            return ("partner_strip", self.strip(item))
        if "funding" in item:
            return ("funding_notice", {"notice": self.funding[item["funding"]]})
        if "button" in item:
            return (
                "call_to_action",
                {
                    "text": item["button"],
                    "page": self.pages.get(item.get("page")),
                    "external_url": item.get("url", ""),
                    "style": item.get("style", "primary"),
                },
            )
        if "event_box" in item:
            return ("event_info_box", {"event": self.pages[item["event_box"]], "heading": ""})
        if "image" in item:
            image = self.images[item["image"]]
            return (
                "image",
                {
                    "image": image,
                    "alt_text": image.description,
                    "decorative": False,
                    "caption": item.get("caption", ""),
                    "credit": item.get("credit", ""),
                },
            )
        if "contact" in item:
            return (
                "contact",
                {
                    "name": item["contact"],
                    "role": item.get("role", ""),
                    "email": item.get("email", ""),
                    "phone": item.get("phone", ""),
                },
            )
        raise ValueError(f"Unknown demo block: {sorted(item)}")

    def strip(self, item):
        return {
            "role": item.get("role", ""),
            "custom_heading": item.get("strip_heading", ""),
            "partners": [self.partners[key] for key in item["partners"]],
            "show_details": False,
        }

    def hero(self, page, spec):
        """The page's illustration, with what it shows and who made it."""
        key = spec.get("image")
        if not key:
            return {}
        image = self.images[key]
        page.hero_image = image
        if hasattr(page, "hero_alt_text"):
            page.hero_alt_text = image.description
            page.hero_caption = spec.get("caption", self.definition["illustration_caption"])
            page.hero_credit = spec.get("credit", "")
        # The alt text, and the caption when it is the organization's usual one.
        texts = self.texts("images", key)
        if "caption" not in spec:
            caption = self.definition["illustration_caption"]
            for language, data in self.translated.items():
                translated = data["organization"].get("illustration_caption")
                if translated:
                    texts.setdefault(caption, {})[language] = translated
        return texts

    def build_home(self):
        home, spec = self.home, self.pl["home"]
        home.intro = " ".join(spec["intro"].split())
        extra = self.hero(home, spec)
        home.body = self.blocks(spec.get("body", []))
        home.featured_page = self.pages[spec["featured"]] if "featured" in spec else None
        self.publish(home)
        self.translate(home, ("home",), extra=extra)

    def build_standard_pages(self):
        for section, (standard, places) in STANDARD_FILLS.items():
            page = ContentPage.objects.child_of(self.home).get(slug=standard.slug)
            fills = {
                standard.body[index][1]: self.pl[section][name]
                for name, index in places.items()
                if name in self.pl.get(section, {})
            }
            # Block by block, keeping each block's id: wagtail-localize knows the texts left
            # as they were by those ids, with the translations create_organization gave them.
            blocks = [dict(block) for block in page.body.raw_data]
            for block in blocks:
                if block["type"] == "rich_text":
                    for placeholder, text in fills.items():
                        block["value"] = block["value"].replace(placeholder, _inline(text))
            page.body = json.dumps(blocks)
            with transaction.atomic():
                self.publish(page)
                self.translate(page, (section,))

    def build_event(self, index, spec):
        first = _day(spec["day"], self.dates, self.today)
        last = _day(spec.get("last_day", spec["day"]), self.dates, self.today)
        all_day = "time" not in spec
        start_time = datetime.time.min if all_day else datetime.time.fromisoformat(spec["time"])
        end_time = (
            datetime.time(23, 59, 59)
            if all_day
            else datetime.time.fromisoformat(spec.get("end_time", spec["time"]))
        )
        event = EventPage(
            title=spec["title"],
            slug=spec["slug"],
            start=datetime.datetime.combine(first, start_time, tzinfo=WARSAW),
            end=datetime.datetime.combine(last, end_time, tzinfo=WARSAW),
            all_day=all_day,
            format=spec.get("format", "in_person"),
            venue_name=spec.get("venue", ""),
            street_address=spec.get("street", ""),
            postal_code=spec.get("postal_code", ""),
            city=spec.get("city", ""),
            meeting_url=spec.get("meeting_url", ""),
            languages=spec.get("languages", ["pl"]),
            interpretation=spec.get("interpretation", False),
            registration_mode=spec.get("registration", "none"),
            registration_url=spec.get("registration_url", ""),
            capacity=spec.get("capacity"),
            waiting_list=spec.get("waiting_list", False),
            intro=" ".join(spec["intro"].split()),
            body=self.blocks(spec.get("body", [])),
            partners=[("partner_strip", self.strip(item)) for item in spec.get("strips", [])],
            contact=[
                (
                    "contact",
                    {
                        "name": self.org.name,
                        "role": "",
                        "email": self.org.contact_email,
                        "phone": self.org.phone,
                    },
                )
            ],
        )
        extra = self.hero(event, spec)
        index.add_child(instance=event)
        self.publish(event)
        self.pages[spec["slug"]] = event
        if spec["slug"] in self._translations("events"):
            self.translate(event, ("events", spec["slug"]), extra=extra)

    def build_tags(self):
        """The news tags publishing the articles made, named as the Polish file's `[tags]`
        says and translated as the other files' say (keyed by the articles' tag names)."""
        names = self.pl.get("tags", {})
        locales = [locale_for(code) for code in self.translated]
        for tag in NewsTag.objects.filter(
            site=self.org.site, locale=self.home.locale
        ).select_related("tag"):
            written = tag.tag.name
            if names.get(written, tag.name) != tag.name:
                tag.name = names[written]
                tag.save()
            texts = {
                language: data["tags"][written]
                for language, data in self.translated.items()
                if written in data.get("tags", {})
            }
            if texts and locales:
                translate_and_publish(tag, locales, self.user, {tag.name: texts})

    def _translations(self, kind):
        found = set()
        for data in self.translated.values():
            found |= set(data.get(kind, {}))
        return found

    def build_article(self, index, spec):
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            date=_day(spec["date"], self.dates, self.today),
            category=self.categories.get(spec.get("category")),
            intro=" ".join(spec["intro"].split()),
            body=self.blocks(spec.get("body", [])),
        )
        extra = self.hero(article, spec)
        index.add_child(instance=article)
        if spec.get("tags"):
            article.tags.add(*spec["tags"])
        self.publish(article)
        self.pages[spec["slug"]] = article
        if spec["slug"] in self._translations("articles"):
            self.translate(article, ("articles", spec["slug"]), extra=extra)

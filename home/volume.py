"""Volume content for measuring (`manage.py create_volume_content`, `make bench`): many
organizations, each with thousands of articles and hundreds of events in Polish, some of
them translated into Ukrainian and English.

Organizations are made by create_organization, as `manage.py create_organization` makes
them. Articles and events are the same models an editor's publishing makes (pages in the
tree with a revision that is live, tags, categories, photos, a body of blocks), written in
bulk: a thousand pages in a few queries instead of a few thousand, so that 10,000 articles
take about a minute, not an hour. What publishing does besides writing rows, this does
once at the end: the search index of the new pages, the page cache made stale, and
PostgreSQL's statistics (ANALYZE: a plan made for 100 articles is slow for 10,000).
Wagtail's reference index ("usage" in the admin) is not filled for them.

Idempotent: a second run adds only what is missing up to the numbers asked for;
`force` removes the volume organizations first.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision
from wagtail.search.backends import get_search_backend

from core import page_cache
from core.dates import WARSAW
from events.models import EventIndexPage, EventPage, Registration
from news.models import ArticlePage, NewsCategory, NewsIndexPage
from organizations.models import OrganizationSettings
from organizations.provisioning import create_organization

from .demo import draw_illustration, remove_demo_organization

LANGUAGES = ["pl", "uk", "en"]
SLUG = "volume-{}"
# Pages written per bulk insert (and per transaction).
BATCH = 500

TITLES = {
    "pl": [
        "Spotkanie o integracji migrantów w {city}",
        "Warsztaty dla osób z doświadczeniem uchodźstwa",
        "Konsultacje prawne w sprawie legalizacji pobytu",
        "Kawiarnia społeczna zaprasza wolontariuszy",
        "Forum współpracy organizacji pozarządowych",
    ],
    "uk": [
        "Зустріч щодо інтеграції мігрантів у {city}",
        "Майстер-класи для людей з досвідом біженства",
        "Юридичні консультації щодо легалізації перебування",
        "Соціальна кав'ярня запрошує волонтерів",
        "Форум співпраці громадських організацій",
    ],
    "en": [
        "A meeting on integrating migrants in {city}",
        "Workshops for people with refugee experience",
        "Legal advice on residence permits",
        "The social café invites volunteers",
        "A forum of cooperating non-governmental organizations",
    ],
}
PARAGRAPHS = {
    "pl": [
        "Diagnoza problemów i wspólne wypracowanie mechanizmów integracyjnych dla osób "
        "z doświadczeniem migracji, które mieszkają w naszym mieście.",
        "Ograniczona liczba miejsc. Obowiązuje rejestracja. Spotkanie jest bezpłatne, "
        "zapewniamy tłumaczenie na język ukraiński.",
        "Dziękujemy partnerom, wolontariuszkom i wolontariuszom za pomoc w organizacji.",
    ],
    "uk": [
        "Діагностика проблем і спільне напрацювання механізмів інтеграції для людей "
        "з досвідом міграції, які живуть у нашому місті.",
        "Кількість місць обмежена. Потрібна реєстрація. Зустріч безкоштовна, "
        "забезпечуємо переклад українською мовою.",
        "Дякуємо партнерам, волонтеркам і волонтерам за допомогу в організації.",
    ],
    "en": [
        "Finding the problems together and working out ways of integration for people "
        "with experience of migration who live in our city.",
        "Places are limited. Registration is required. The meeting is free of charge, "
        "with interpretation into Ukrainian.",
        "We thank our partners and volunteers for their help.",
    ],
}
QUOTE = {
    "pl": "Międzysektorowe fora migracyjne są praktyczną zachętą do współpracy.",
    "uk": "Міжсекторальні міграційні форуми є практичним заохоченням до співпраці.",
    "en": "Cross-sector migration forums are a practical encouragement to cooperate.",
}
ARTICLE_SLUG = {"pl": "artykul-{}", "uk": "stattia-{}", "en": "article-{}"}
EVENT_SLUG = {"pl": "wydarzenie-{}", "uk": "podiia-{}", "en": "event-{}"}
CATEGORIES = [
    {"pl": "Aktualności", "uk": "Новини", "en": "News"},
    {"pl": "Zaproszenia", "uk": "Запрошення", "en": "Invitations"},
    {"pl": "Relacje", "uk": "Звіти", "en": "Reports"},
    {"pl": "Projekty", "uk": "Проєкти", "en": "Projects"},
]
CATEGORY_SLUGS = ["aktualnosci", "zaproszenia", "relacje", "projekty"]
TAGS = ["forum", "Toruń", "integracja", "wolontariat", "prawo", "język polski", "dzieci"]
CITIES = ["Toruń", "Lublin", "Warszawa", "Kraków", "Gdańsk"]
MOTIFS = ["circles", "city", "paths", "shapes"]
PHOTOS_PER_ORGANIZATION = 3


def batched(numbers):
    """`numbers` (a range) in ranges of at most BATCH."""
    for start in range(0, len(numbers), BATCH):
        yield numbers[start : start + BATCH]


def volume_slugs(count):
    return [SLUG.format(number) for number in range(1, count + 1)]


def build_volume(
    *,
    organizations=5,
    articles=10000,
    events=None,
    translated=0.2,
    port=80,
    force=False,
    write=lambda message: None,
):
    """Make sure there are `organizations` volume organizations with `articles` articles and
    `events` events among them (spread evenly), a share `translated` of them also in
    Ukrainian and English. Returns {"articles": made, "events": made} of this run."""
    events = articles // 10 if events is None else events
    if force:
        remove_volume_organizations()
    made = {"articles": 0, "events": 0}
    touched = []
    for number, slug in enumerate(volume_slugs(organizations), start=1):
        org = _organization(number, slug, port)
        share_of_articles = _share(articles, organizations, number)
        share_of_events = _share(events, organizations, number)
        builder = _VolumeBuilder(org, number, translated)
        added = builder.add_articles(share_of_articles) + builder.add_events(share_of_events)
        made["articles"] += builder.made["articles"]
        made["events"] += builder.made["events"]
        if added:
            touched.append(org.site)
            write(
                f"{org.name}: {builder.made['articles']} articles and "
                f"{builder.made['events']} events added."
            )
    if touched:
        _after_bulk_writes(touched)
    return made


def _share(total, parts, number):
    """The number-th (1-based) of `parts` near-equal shares of `total`."""
    return total // parts + (1 if number <= total % parts else 0)


def _organization(number, slug, port):
    result = create_organization(
        name=f"Fundacja Testowa {number}",
        slug=slug,
        hostname=f"{slug}.localhost",
        languages=LANGUAGES,
        port=port,
    )
    org = result.settings
    if result.created:
        # As the demo's organizations show them: news and events in the menu.
        for home in org.root_pages():
            for model in (NewsIndexPage, EventIndexPage):
                for index in model.objects.child_of(home):
                    index.show_in_menus = True
                    index.save_revision().publish()
    return org


def remove_volume_organizations():
    """The volume organizations and everything they have, registrations included."""
    for org in OrganizationSettings.objects.filter(slug__startswith=SLUG.format("")):
        homes = org.root_pages()
        event_ids = EventPage.objects.none()
        for home in homes:
            event_ids = event_ids | EventPage.objects.descendant_of(home)
        Registration.objects.filter(event__in=event_ids.values("pk")).delete()
        remove_demo_organization(org.slug)


def _after_bulk_writes(sites):
    """What publishing each page would have done, once: their sites' cached pages made
    stale, and the database's statistics brought up to date."""
    page_cache.bump(*[key for site in sites for key in page_cache.host_keys(site)])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class _VolumeBuilder:
    """One volume organization's articles and events, added in bulk."""

    def __init__(self, org, number, translated):
        self.org, self.number, self.translated = org, number, translated
        self.city = CITIES[(number - 1) % len(CITIES)]
        self.today = timezone.localdate(timezone=WARSAW)
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        self.made = {"articles": 0, "events": 0}
        self._photos = None
        self._categories = None
        self._tags = None

    # What every page shares

    def index(self, model, language):
        home = self.org.root_pages().get(locale__language_code=language)
        return model.objects.child_of(home).get()

    def translated_at(self, number):
        """Whether the number-th page (1-based) is also in Ukrainian and English: evenly
        spread, `translated` of them."""
        every = round(1 / self.translated) if self.translated else 0
        return bool(every) and number % every == 0

    def photos(self):
        if self._photos is None:
            photos = list(Image.objects.filter(collection=self.org.collection).order_by("pk"))
            for index in range(len(photos), PHOTOS_PER_ORGANIZATION):
                buffer = draw_illustration(
                    f"{self.org.slug}-{index}",
                    self.org.primary_colour or "#1f4e79",
                    self.org.accent_colour or "#f2a900",
                    MOTIFS[index % len(MOTIFS)],
                )
                photos.append(
                    Image.objects.create(
                        title=f"{self.org.name} – zdjęcie {index + 1}",
                        description="Ludzie przy stole podczas spotkania.",
                        file=ImageFile(buffer, name=f"{self.org.slug}-{index}.jpg"),
                        collection=self.org.collection,
                    )
                )
            self._photos = photos
        return self._photos

    def tags(self):
        if self._tags is None:
            self._tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
        return self._tags

    def categories(self):
        """{language: [category, …]}, the same categories in each language."""
        if self._categories is None:
            found = {code: [] for code in LANGUAGES}
            for names, slug in zip(CATEGORIES, CATEGORY_SLUGS, strict=True):
                original, _created = NewsCategory.objects.get_or_create(
                    site=self.org.site,
                    locale=self.locales["pl"],
                    slug=slug,
                    defaults={"name": names["pl"]},
                )
                found["pl"].append(original)
                for code in LANGUAGES[1:]:
                    category, _created = NewsCategory.objects.get_or_create(
                        site=self.org.site,
                        locale=self.locales[code],
                        translation_key=original.translation_key,
                        defaults={"name": names[code], "slug": slug},
                    )
                    found[code].append(category)
            self._categories = found
        return self._categories

    def body(self, language, number):
        paragraphs = PARAGRAPHS[language]
        return [
            ("rich_text", "".join(f"<p>{text}</p>" for text in paragraphs[:2])),
            ("quote", {"text": QUOTE[language], "attribution": "Anna Kowalska", "role": ""}),
            ("rich_text", f"<p>{paragraphs[number % len(paragraphs)]}</p>"),
        ]

    def title(self, language, number):
        titles = TITLES[language]
        return f"{titles[number % len(titles)].format(city=self.city)} ({number})"

    # Articles

    def add_articles(self, count):
        index = self.index(NewsIndexPage, "pl")
        have = ArticlePage.objects.child_of(index).count()
        numbers = range(have + 1, count + 1)
        for batch in batched(numbers):
            with transaction.atomic():
                self._add_articles(batch)
        self.made["articles"] = len(numbers)
        return len(numbers)

    def _add_articles(self, numbers):
        categories, photos = self.categories(), self.photos()
        originals = []
        for number in numbers:
            kind = number % len(CATEGORIES)
            originals.append(
                self.article("pl", number, categories["pl"][kind], photos[number % len(photos)])
            )
        add_children_in_bulk(self.index(NewsIndexPage, "pl"), originals)
        for language in LANGUAGES[1:]:
            copies = [
                self.article(
                    language,
                    number,
                    categories[language][number % len(CATEGORIES)],
                    original.hero_image,
                    translation_key=original.translation_key,
                )
                for number, original in zip(numbers, originals, strict=True)
                if self.translated_at(number)
            ]
            if copies:
                add_children_in_bulk(self.index(NewsIndexPage, language), copies)

    def article(self, language, number, category, photo, translation_key=None):
        article = ArticlePage(
            title=self.title(language, number),
            slug=ARTICLE_SLUG[language].format(number),
            locale=self.locales[language],
            translation_key=translation_key or uuid.uuid4(),
            date=self.today - datetime.timedelta(days=number),
            category=category,
            intro=PARAGRAPHS[language][0],
            body=self.body(language, number),
            hero_image=photo,
            hero_alt_text="Ludzie przy stole podczas spotkania.",
            hero_credit="Piotr Rojewski",
        )
        tags = self.tags()
        article.tags.add(*[tags[(number + shift) % len(tags)] for shift in (0, 3)])
        return article

    # Events

    def add_events(self, count):
        index = self.index(EventIndexPage, "pl")
        have = EventPage.objects.child_of(index).count()
        numbers = range(have + 1, count + 1)
        for batch in batched(numbers):
            with transaction.atomic():
                self._add_events(batch, count)
        self.made["events"] = len(numbers)
        return len(numbers)

    def _add_events(self, numbers, count):
        photos = self.photos()
        originals = [
            self.event("pl", number, count, photos[number % len(photos)]) for number in numbers
        ]
        add_children_in_bulk(self.index(EventIndexPage, "pl"), originals)
        for language in LANGUAGES[1:]:
            copies = [
                self.event(
                    language,
                    number,
                    count,
                    original.hero_image,
                    translation_key=original.translation_key,
                )
                for number, original in zip(numbers, originals, strict=True)
                if self.translated_at(number)
            ]
            if copies:
                add_children_in_bulk(self.index(EventIndexPage, language), copies)

    def event(self, language, number, count, photo, translation_key=None):
        """Half of them past, half to come, two days apart; one in four takes
        registrations on the site (30 places), one in four on another site."""
        day = self.today + datetime.timedelta(days=2 * (number - count // 2))
        start = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=WARSAW)
        registration = ["none", "form", "none", "link"][number % 4]
        return EventPage(
            title=self.title(language, number),
            slug=EVENT_SLUG[language].format(number),
            locale=self.locales[language],
            translation_key=translation_key or uuid.uuid4(),
            start=start,
            end=start + datetime.timedelta(hours=6),
            venue_name="kawiarnia społeczna PERS",
            street_address="ul. Mostowa 6",
            postal_code="87-100",
            city=self.city,
            languages=["pl", "uk"],
            registration_mode=registration,
            registration_url="https://example.org/rejestracja" if registration == "link" else "",
            capacity=30 if registration == "form" else None,
            intro=PARAGRAPHS[language][0],
            body=self.body(language, number),
            hero_image=photo,
            hero_alt_text="Ludzie przy stole podczas spotkania.",
        )


def add_children_in_bulk(parent, pages):
    """`pages` (unsaved, all of one page type, with their tags and other child objects in
    memory) added under `parent` and published, as `add_child` and publishing a revision
    would leave them, in a few queries a batch.

    The rows of wagtailcore_page go in with one bulk insert; the page type's own rows
    (multi-table inheritance, which bulk_create refuses) are saved one by one as Django's
    fixture loading does (`save_base(raw=True)`: that table only, no search or cache
    signal handling); then the child objects and each page's live revision, serialized
    before the insert, as the page is in memory. Their search index entries are written
    last, in bulk.
    """
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    relations = get_all_child_relations(model)
    children = []
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        children.append(
            [
                (relation, list(getattr(page, relation.get_accessor_name()).all()))
                for relation in relations
            ]
        )
    contents = [page.serializable_data() for page in pages]
    Page.objects.bulk_create(pages, batch_size=BATCH)
    for page in pages:
        page.page_ptr_id = page.id
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    by_model = {}
    for page, page_children in zip(pages, children, strict=True):
        for relation, objects in page_children:
            for child in objects:
                setattr(child, relation.field.attname, page.pk)
                by_model.setdefault(relation.related_model, []).append(child)
    for child_model, objects in by_model.items():
        child_model.objects.bulk_create(objects, batch_size=BATCH)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for page, content in zip(pages, contents, strict=True):
        content["pk"] = page.pk
        revisions.append(
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=now,
                object_str=page.title,
                content=content,
            )
        )
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH)
    get_search_backend().add_bulk(model, pages)
    return pages

"""`manage.py demo`: the three demo organizations a newcomer gets from `make run`, built from
home/demo_content/ on an empty database: every page of every organization in every
language renders and every internal link on it leads somewhere; the facts of the seed texts
(shared/seeds/) are there; absolute links carry the port the demo is served on; a wrong
address gets the organization's own 404; every public page is valid HTML as the Nu HTML
Checker (the W3C validator) sees it, and everything a visitor reads under /uk/ is Ukrainian
or marked as the Polish it is.

One build of the demo serves the whole module (`demo_database`, tests/conftest.py): the
tests that read it live together so that it is built once per test worker."""

import re
from html import unescape
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

from core.dates import WARSAW
from events.models import EventPage
from home.demo import DEMO_ORGANIZATIONS, load_content
from home.models import ContentPage, HomePage
from news.models import ArticlePage
from organizations.models import OrganizationSettings
from pages.blocks import BodyBlock
from partners.models import Partner
from tests.events.helpers import form_data
from tests.utils import add_child_page, html_errors, unmarked_polish, visit

# The tests read one build of the demo; their own changes roll back.
pytestmark = pytest.mark.django_db

PORT = 8123
HOSTS = {definition["slug"]: definition["hostname"] for definition in DEMO_ORGANIZATIONS}

# The distinctive facts of each seed text, as the Polish page shows them.
SEED_FACTS = {
    # shared/seeds/studio-m6-event.txt
    ("m6", "/pl/wydarzenia/porozmawiajmy-o-integracji/"): [
        "Porozmawiajmy o integracji",
        "Dlaczego takie spotkanie?",
        "SZKOLIMY NGO",
        "Ograniczona liczba miejsc stacjonarnych. Obowiązuje rejestracja.",
        "kawiarnia społeczna PERS",
        "ul. Mostowa 6",
        "Toruń",
        "9:30",
        "15:30",
        "Rozmowy poprowadzi Pracownia Zrównoważonego Rozwoju.",
        "Stowarzyszenie Homo Faber",
        # The partners by role.
        "Patronat",
        "Fundacja Stocznia",
        "Fundacja Batorego (akcja „Masz Głos”)",
        "Fundacja NESST",
        "Patronat honorowy",
        "Konsul Honorowy Ukrainy w Bydgoszczy Krzysztof Sikora",
        "Partnerzy",
        "Ashoka w Polsce i Fundusz Tutaj",
        "Fundacja Emic",
        "Fundacja KOSMOS (Centrum Integracji ŁĄCZNIK)",
        "Fundacja Dobra dla Dobra",
        "Partnerzy Projektu Szkolimy NGO",
        "Ośrodek Wsparcia Ekonomii Społecznej w Toruniu",
        "Regionalny Ośrodek Polityki Społecznej w Toruniu",
        "Współpraca informacyjna",
        "Gmina Miasta Toruń",
    ],
    # shared/seeds/konsorcjum-forum-report.txt
    ("konsorcjum", "/pl/aktualnosci/za-nami-iii-forum-wspolpracy-i-integracji/"): [
        "Za nami III Forum Współpracy i Integracji!",
        "Zdjęcie: Piotr Rojewski",
        "Solidarność, godność, empatia",
        "Unii Metropolii Polskich oraz NGO Forum Razem",
        "Nic co nas dotyczy, nie może się zadziać bez nas.",
        "Monika Matus z Lekarzy bez Granic",
        "prof. Witold Klaus oraz dr Magdalena Nazimek-Rakoczy",
        "Anna Dąbrowska moderowała dyskusję",
        "Samorządy i organizacje społeczne zmieniają świat",
        "Naszymi gośćmi byli",
        "Joanna Sosnowska",
        "Mateusz Płoskonka",
        "Urząd Miasta Krakowa",
        "Piotr Choroś",
        "Biuro Partycypacji Społecznej",
        "Joanna Warchał-Beneschi",
        "9 organizacji",
        "Katarzyna Kordziak-Kacprzak",
        "Dziękujemy Jolancie Steciuk oraz Aleksandrze Fertlińskiej",
        "Kalinie Kabat",
        "Aktualności",
        "Udostępnij",
        "Drukuj",
        "PDF",
    ],
    # shared/seeds/inna-przestrzen-forum.txt, the announcement
    ("innaprzestrzen", "/pl/aktualnosci/forum-w-lublinie-startujemy-jutro/"): [
        "Forum w Lublinie – startujemy jutro!",
        "Witek Hebanowski",
        "Anna Dąbrowska",
        "Homo Faber",
        "Międzysektorowe fora migracyjne są praktyczną zachętą",
        "Grupy robocze",
        "edukacja dzieci cudzoziemskich",
        "oferta polskich miast dla studentów z zagranicy",
        "rynek pracy (legalny i nielegalny)",
        "Chatka Żaka",
        "blisko 70 osób",
        "Stowarzyszenie Interkulturalni pl",
        "Krakowa, Lublina i Warszawy",
        "honorowym patronatem Prezydenta Miasta Lublin",
        "Patronat honorowy",
        "www.PolitykiMigracyjne.pl",
        "współfinansowany przez Szwajcarię",
        "Europejskiego Funduszu na rzecz Integracji Obywateli Państw Trzecich",
        "Komisja Europejska nie ponosi odpowiedzialności",
        "Zapisz się do newslettera",
        "Wspieraj Fundację Inna Przestrzeń",
    ],
    # … and the forum as an event
    ("innaprzestrzen", "/pl/wydarzenia/forum-lokalnych-polityk-migracyjnych/"): [
        "II Forum ds. Lokalnych Polityk Migracyjnych",
        "Chatka Żaka",
        "Prezydent Miasta Lublin",
        "Stowarzyszenie Homo Faber",
        "współfinansowany przez Szwajcarię",
        "Wyłączna odpowiedzialność spoczywa na autorze.",
    ],
}


@pytest.fixture(scope="module")
def rendered(demo_database, django_db_blocker):
    """Every live page of every demo organization in every language, rendered once for the
    module's tests: {(hostname, path): response}."""
    with django_db_blocker.unblock():
        found = {}
        for slug in HOSTS:
            org = organization(slug)
            for page in live_pages(org):
                path = page.get_url_parts()[2]
                found[(org.site.hostname, path)] = visit(org, path)
        return found


def run_demo(*args):
    out = StringIO()
    call_command("demo", "--port", str(PORT), *args, stdout=out)
    return out.getvalue()


def organization(slug):
    return OrganizationSettings.objects.select_related("site").get(slug=slug)


def live_pages(org):
    for root in org.root_pages():
        yield from Page.objects.live().public().descendant_of(root, inclusive=True).specific()


def text(response):
    return unescape(response.content.decode())


def test_demo_builds_three_organizations_on_their_own_hostnames_and_prints_logins(
    demo_database,
):
    output = demo_database.output

    assert [definition["slug"] for definition in DEMO_ORGANIZATIONS] == [
        "m6",
        "konsorcjum",
        "innaprzestrzen",
    ]
    for definition in DEMO_ORGANIZATIONS:
        site = Site.objects.get(hostname=definition["hostname"])
        assert site.port == PORT
        org = OrganizationSettings.objects.get(site=site)
        assert org.logo.width >= 256
        assert org.logo.description  # the logo's alt text
        assert org.primary_colour == definition["primary_colour"]
        assert org.privacy_policy_page is not None
        home = site.root_page.specific
        assert home.hero_image is not None
        # The featured item named in the file, an article or event of the organization.
        content = load_content(definition["slug"], "pl")
        assert home.featured_page.slug == content["home"]["featured"]
        assert home.featured_page.specific_class in (ArticlePage, EventPage)
        # Every partner with its drawn logo in the organization's collection, but those the
        # file shows by name.
        for key, spec in content["partners"].items():
            partner = Partner.objects.get(site=site, locale=home.locale, name=spec["name"])
            if spec.get("logo", True):
                assert partner.logo.collection_id == org.collection_id, key
                assert partner.logo.file.name.endswith(".png")
                assert partner.logo.height >= 144  # twice the strips' 4.5rem
            else:
                assert partner.logo is None, key
        translations = HomePage.objects.filter(translation_key=home.translation_key).live()
        assert sorted(translations.values_list("locale__language_code", flat=True)) == sorted(
            definition["languages"]
        )
        for translated_home in translations:
            menu = translated_home.get_children().live().in_menu()
            assert menu.count() == 4  # news, events, about us, contact
        assert f"http://{definition['hostname']}:{PORT}/" in output
        assert f"{definition['slug']}-editor / " in output
        assert f"{definition['slug']}-registration / " in output
    assert "admin / " in output
    assert re.search(r"Demo built in \d+\.\d s\.", output)
    # localhost serves Studio M6, the first organization made on an empty database (here
    # the test organizations may have come first).
    default = Site.objects.get(is_default_site=True)
    if default.hostname in HOSTS.values():
        assert default.hostname == HOSTS["m6"]
    assert HOSTS["innaprzestrzen"] == "innaprzestrzen.localhost"
    inna = organization("innaprzestrzen")
    assert inna.languages == ["pl", "uk"]
    assert inna.newsletter_url
    assert inna.donate_url
    assert inna.funding_notice is not None

    # The standard pages create_organization made are filled in and published, not doubled,
    # and their translations went through wagtail-localize with the translated text.
    about_uk = ContentPage.objects.get(
        slug="pro-nas", locale__language_code="uk", url_path__startswith="/m6"
    )
    assert about_uk.live
    assert "Роками ми підтримуємо громадські організації" in str(about_uk.body)
    # The accessibility statement stays a draft, as create_organization made it.
    published = ContentPage.objects.filter(
        url_path__regex=r"^/(m6|konsorcjum|innaprzestrzen)"
    ).live()
    assert published.count() == 3 * (3 + 3 + 2)  # about, contact, privacy in each language
    for page in published:
        assert "[" not in str(page.body), f"{page.title} keeps a placeholder"


def test_each_organization_has_articles_and_events_past_and_upcoming_with_images(
    demo_database,
):
    from django.utils import timezone

    now = timezone.now()
    titles = []
    for slug in HOSTS:
        prefix = f"/{slug}/"
        articles = ArticlePage.objects.filter(
            url_path__startswith=prefix, locale__language_code="pl"
        )
        events = EventPage.objects.filter(url_path__startswith=prefix, locale__language_code="pl")
        assert articles.live().count() >= 8
        assert events.live().count() >= 6
        assert events.filter(start__gt=now).exists()
        assert events.filter(end__lt=now).exists()
        illustrated = [page for page in [*articles, *events] if page.hero_image_id]
        assert len(illustrated) > (articles.count() + events.count()) / 2
        assert all(page.hero_alt_text for page in illustrated)
        assert articles.exclude(category=None).count() == articles.count()
        titles += list(articles.values_list("title", flat=True))
    # No article shared between organizations.
    assert len(titles) == len(set(titles))


def test_texts_name_the_days_of_their_events(demo_database):
    """No "14 grudnia 2023" on an event dated this year: the texts name the event's days."""
    from django.utils import formats, translation

    meeting = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    with translation.override("pl"):
        day = formats.date_format(meeting.start.date(), "j E Y")
    assert f"zaprasza {day} r." in meeting.intro
    assert "2023" not in meeting.intro
    forum = EventPage.objects.get(slug="forum-lokalnych-polityk-migracyjnych")
    announcement = ArticlePage.objects.get(slug="forum-w-lublinie-startujemy-jutro")
    # "Startujemy jutro!": the announcement is dated the day before the forum.
    assert (forum.start.astimezone(WARSAW).date() - announcement.date).days == 1
    assert "2014" not in str(announcement.body) + announcement.intro


def test_a_second_run_keeps_the_content_and_adds_nothing_twice(
    demo_database, django_capture_on_commit_callbacks
):
    about = ContentPage.objects.filter(slug="o-nas", locale__language_code="pl").first()
    about.title = "O nas – zmienione"
    about.save_revision().publish()
    models = (Page, ArticlePage, EventPage, OrganizationSettings, Site)
    counts = [model.objects.count() for model in models]
    from wagtail.images.models import Image

    images = Image.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        output = run_demo()

    assert "already exists; kept as it is" in output
    assert [model.objects.count() for model in models] == counts
    assert Image.objects.count() == images
    about.refresh_from_db()
    assert about.title == "O nas – zmienione"


def test_every_page_of_every_organization_renders_and_its_internal_links_resolve(demo, rendered):
    """Every live page in every language, and every address on the organization's site
    they link to: none is an error or "not found". Of the lists' filters (?category=…,
    ?page=…) one address per kind of filter is enough."""
    link = re.compile(r'href="([^"#]*)[^"]*"')
    targets = {}
    for (host, path), response in rendered.items():
        assert response.status_code == 200, f"{host}{path}"
        own = re.compile(rf"^https?://{re.escape(host)}(:\d+)?(?=/)")
        for href in link.findall(response.content.decode()):
            href = unescape(own.sub("", href))
            if not href.startswith("/") or href.startswith("//"):
                continue
            # Files (static, media) and PDFs are checked elsewhere.
            if href.startswith(("/static/", "/media/")) or href.rstrip("/").endswith("pdf"):
                continue
            target, _, query = href.partition("?")
            keys = tuple(sorted(part.split("=")[0] for part in query.split("&") if part))
            targets.setdefault((host, target, keys), href)
    broken, checked = [], 0
    for (host, _target, _keys), href in sorted(targets.items()):
        if (host, href) in rendered:
            continue
        checked += 1
        status = Client().get(href, HTTP_HOST=host).status_code
        if status >= 400:
            broken.append(f"{host}{href}: {status}")
    assert len(rendered) >= 3 * 30
    assert {host for host, _path in rendered} == set(HOSTS.values())
    assert checked > 30
    assert broken == []


def test_every_seed_fact_is_on_its_page(demo_database):
    missing = []
    for (slug, path), facts in SEED_FACTS.items():
        response = Client().get(path, HTTP_HOST=HOSTS[slug])
        assert response.status_code == 200, path
        html = text(response)
        missing += [f"{slug}{path}: {fact}" for fact in facts if fact not in html]
    assert missing == []


def test_the_seed_pages_are_translated_and_read_in_the_visitors_language(demo_database):
    cases = [
        (
            "m6",
            "uk",
            "/uk/podii/pohovorimo-pro-intehratsiiu/",
            ["Чому така зустріч?", "Майстерня сталого розвитку"],
        ),
        (
            "m6",
            "en",
            "/en/events/lets-talk-about-integration/",
            ["Why this meeting?", "Stocznia Foundation"],
        ),
        (
            "konsorcjum",
            "uk",
            "/uk/novyny/vidbuvsia-iii-forum-spivpratsi-ta-intehratsii/",
            [
                "Нашими гостями були",
                "Матеуш Плосконка",
                "Дякуємо Йоланті Стецюк",
                # The news tags, translated by the Ukrainian file.
                'rel="tag">форум</a>',
                'rel="tag">адвокація</a>',
            ],
        ),
        (
            "konsorcjum",
            "en",
            "/en/news/the-3rd-forum-of-cooperation-and-integration-is-behind-us/",
            [
                "Our guests were",
                "Photo: Piotr Rojewski",
                "We thank Jolanta Steciuk",
                'rel="tag">advocacy</a>',
            ],
        ),
        (
            "innaprzestrzen",
            "uk",
            "/uk/novyny/forum-u-liublini-pochynaiemo-zavtra/",
            ["Вітек Хебановський", "Робочі групи", "співфінансується Швейцарією"],
        ),
    ]
    missing = []
    for slug, _language, path, facts in cases:
        response = Client().get(path, HTTP_HOST=HOSTS[slug])
        assert response.status_code == 200, path
        html = text(response)
        missing += [f"{path}: {fact}" for fact in facts if fact not in html]
    assert missing == []
    # Inna Przestrzeń publishes in Polish and Ukrainian only.
    response = Client().get("/en/", HTTP_HOST=HOSTS["innaprzestrzen"])
    assert response.status_code in (302, 404)


def test_a_page_left_untranslated_shows_the_fallback(demo_database):
    article = ArticlePage.objects.get(slug="podsumowanie-letniej-szkoly")
    assert ArticlePage.objects.filter(translation_key=article.translation_key).count() == 1
    client = Client(HTTP_HOST=HOSTS["m6"])

    news = client.get("/uk/novyny/").content.decode()
    assert 'href="/uk/novyny/podsumowanie-letniej-szkoly/" lang="pl"' in news
    assert "(польською)" in news
    response = client.get("/en/news/podsumowanie-letniej-szkoly/")
    assert response.status_code == 200
    assert "This page is not yet translated into your language." in response.content.decode()
    # A positive control: a translated article has no such notice.
    translated = client.get("/en/news/registration-open-for-lets-talk-about-integration/")
    assert "not yet translated" not in translated.content.decode()


def test_absolute_links_carry_the_port_the_demo_is_served_on(
    demo_database, django_capture_on_commit_callbacks
):
    host = f"{HOSTS['m6']}:{PORT}"
    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    # "View live" in the admin, canonical and share links, the sitemap.
    assert event.full_url == f"http://{host}/pl/wydarzenia/porozmawiajmy-o-integracji/"
    client = Client(HTTP_HOST=host)
    html = client.get(event.url).content.decode()
    assert f'rel="canonical" href="http://{host}/pl/wydarzenia/porozmawiajmy-o-integracji/"' in html
    assert "http://m6.localhost/" not in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://{host}/pl/" in sitemap
    assert "http://m6.localhost/" not in sitemap
    # The calendar feed.
    ics = client.get("/pl/wydarzenia/ics/")
    assert ics.status_code == 200
    assert f"http://{host}/pl/wydarzenia/porozmawiajmy-o-integracji/" in ics.content.decode()
    # The cancel link in the registration e-mail (sent by a task after the commit).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + "register/", form_data())
    assert response.status_code in (200, 302, 303)
    bodies = "".join(message.body for message in mail.outbox)
    assert f"http://{host}/pl/wydarzenia/porozmawiajmy-o-integracji/" in bodies
    assert "http://m6.localhost/" not in bodies


def test_a_wrong_address_gets_the_organizations_own_404(demo_database):
    for slug, host in HOSTS.items():
        response = Client().get("/pl/nie-ma-takiej-strony/", HTTP_HOST=f"{host}:{PORT}")
        assert response.status_code == 404
        html = text(response)
        assert organization(slug).name in html
        assert "URLconf" not in html  # not Django's debug page


@pytest.fixture
def demo(demo_database, db):
    # One build of the demo with real commits, as under `make run` (tests/conftest.py).
    return [organization(slug) for slug in HOSTS]


def every_block_page(org):
    body = [(name, block.get_preview_value()) for name, block in BodyBlock().child_blocks.items()]
    page = ContentPage(title="Każdy blok", slug="kazdy-blok", intro="Wszystkie bloki.", body=body)
    return add_child_page(org.site.root_page, page)


def test_every_public_page_is_valid_html(demo, rendered):
    documents = {
        f"{host}{path}": response.content.decode() for (host, path), response in rendered.items()
    }

    def fetch(org, path, expected=200, method="get", **data):
        response = (
            visit(org, path)
            if method == "get"
            else Client().post(path, data, HTTP_HOST=org.site.hostname)
        )
        assert response.status_code == expected, f"{org.site.hostname}{path}"
        documents[f"{org.site.hostname}{path}"] = response.content.decode()

    for org in demo:
        fetch(org, every_block_page(org).get_url_parts()[2])
        fetch(org, "/pl/szukaj/?q=forum")
        fetch(org, "/uk/poshuk/?q=форум")
        fetch(org, "/pl/nie-ma-takiej-strony/", expected=404)
    event = EventPage.objects.live().filter(registration_mode="form").first()
    org = OrganizationSettings.for_page(event)
    fetch(org, event.get_url_parts()[2] + "register/", method="post", email="nie-adres")

    page_types = {type(page).__name__ for org in demo for page in live_pages(org)}
    assert {"HomePage", "ContentPage", "NewsIndexPage", "ArticlePage"} <= page_types
    assert {"EventIndexPage", "EventPage"} <= page_types
    assert len(documents) > 90
    assert html_errors(documents) == []


def test_the_checker_finds_errors():
    """The check above can fail: the checker reports what is wrong, and where."""
    broken = '<!DOCTYPE html><html lang="pl"><head><title>x</title></head><body><p><div>x</div></p><img src="a.png"></body></html>'

    errors = html_errors({"broken": broken})

    assert any(error.startswith("broken:1: No “p” element in scope") for error in errors)
    assert any("“img” element must have an “alt” attribute" in error for error in errors)


def test_the_checker_finds_polish_outside_lang_pl():
    html = (
        '<main><p>Новини</p><p lang="pl">Aktualności <b>ważne</b></p>'
        '<p>Źródło</p><img alt="Zdjęcie"><script>var x = "ą";</script></main>'
    )

    assert unmarked_polish(html) == ["Źródło", "<img alt='Zdjęcie'>"]


def test_every_demo_ukrainian_page_is_ukrainian_or_marked_polish(rendered):
    """The organization's own name (e.g. "Fundacja Inna Przestrzeń"), a proper name the same
    in every language, is marked as Polish in the header and the footer; only the document's
    <title>, text that no element inside can mark, is left as it is."""
    names = re.compile("|".join(re.escape(d["name"]) for d in DEMO_ORGANIZATIONS))
    found = {}
    pages = 0
    for (host, path), response in rendered.items():
        if not path.startswith("/uk/"):
            continue
        pages += 1
        html = re.sub(
            r"<title>.*?</title>",
            lambda title: names.sub("", title.group(0)),
            response.content.decode(),
            flags=re.DOTALL,
        )
        polish = unmarked_polish(html)
        if polish:
            found[f"{host}{path}"] = polish

    assert pages >= 30
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_content_files_agree_with_each_other():
    """Every translated item names an item of the Polish file, and Inna Przestrzeń has no
    English file (it publishes in Polish and Ukrainian)."""
    for definition in DEMO_ORGANIZATIONS:
        polish = load_content(definition["slug"], "pl")
        for language in ("uk", "en"):
            translated = load_content(definition["slug"], language)
            assert bool(translated) == (language in definition["languages"])
            for kind in ("articles", "events"):
                slugs = {item["slug"] for item in polish[kind]}
                assert set(translated.get(kind, {})) <= slugs


def test_make_run_serves_the_demo_with_debug_off_static_and_media_files_included():
    """`make run` uses config.settings.demo: a wrong address gets the product's 404, not
    Django's debug page; WhiteNoise serves the static files without collectstatic."""
    from django.conf import settings

    from config.settings import demo as run_settings

    assert run_settings.DEBUG is False
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in run_settings.MIDDLEWARE
    assert run_settings.WHITENOISE_USE_FINDERS
    assert run_settings.SERVE_MEDIA
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    assert "run: export DJANGO_SETTINGS_MODULE = config.settings.demo" in makefile
    assert "manage.py demo --port $(PORT)" in makefile

"""`make bench`: the site as production runs it, under load, in one table.

A PostgreSQL database of its own (`bench`, copied from a migrated `bench_template`), Redis,
and gunicorn with config.settings.production (2 sync workers, --preload, DEBUG off, the page
cache in Redis, a secret made for the run); wrk drives it from this machine. At each scale
(100 articles, then 10,000, in five organizations, a fifth of them also in Ukrainian and
English, made by `manage.py create_volume_content`) every page type is measured with the
page cache off (a server started with PAGE_CACHE_SECONDS=0) and on, beside a static file
served by the same server (WhiteNoise: the ceiling), with its SQL queries counted through
Django's test client. At the last scale: an editor publishing an article in three languages
through the admin, 200 registrations sent at once for an event with fewer places, the memory
of a worker, and a second server on the same database and Redis (a publish on one shows on
the other, registrations through both never overbook, sessions and rate limits shared).

Numbers are measured, never asserted. wrk, the servers and the database share the machine:
on a machine shared with other work, run it twice and read the load average printed above
the table. Knobs (environment variables):

    BENCH_SCALES=100,10000      articles in all at each step
    BENCH_ORGANIZATIONS=5
    BENCH_SECONDS=4             each wrk run, after a 1 s warm-up
    BENCH_CONNECTIONS=8         wrk's open connections (one thread)
    BENCH_REGISTRATIONS=200     sent at once, for BENCH_PLACES=50 places
    BENCH_WORKERS=2             gunicorn sync workers
    BENCH_PORT=8100             server A (server B: the next port)
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench
    BENCH_REDIS_URL=redis://127.0.0.1:6379/0   (keys under BENCH_CACHE_PREFIX=bench)

Run with `make bench`, or `.venv/bin/python -m tests.benchmarks.serve`.
"""

import datetime
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

import django

from tests.benchmarks.servers import (
    PORTS,
    PROXY_HEADERS,
    SITE_PORT,
    WORK_DIR,
    WORKERS,
    Server,
    environment,
    fresh_database,
    knob,
    manage,
    wrk,
)

os.environ.update(environment())
django.setup()

# Django is set up: the models can be imported.
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.files.storage import storages  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.choices import RegistrationStatus  # noqa: E402
from events.models import EventIndexPage, EventPage, Registration  # noqa: E402
from news.models import ArticlePage  # noqa: E402
from organizations.models import OrganizationSettings  # noqa: E402
from tests.benchmarks.visitors import (  # noqa: E402
    Visitor,
    log_in,
    publish,
    register_at_once,
    registration_form,
)

SCALES = [int(scale) for scale in knob("SCALES", "100,10000").split(",")]
ORGANIZATIONS = knob("ORGANIZATIONS", 5)
SECONDS = knob("SECONDS", 4)
CONNECTIONS = knob("CONNECTIONS", 8)
REGISTRATIONS = knob("REGISTRATIONS", 200)
PLACES = knob("PLACES", 50)
HOST = "volume-1.localhost"
BROWSER = {**PROXY_HEADERS, "Accept-Language": "pl", "Accept-Encoding": "gzip, deflate, br"}
ADMIN = "bench-admin"
PASSWORD = secrets.token_urlsafe(24)

# (label, what `paths()` calls it, whether the page cache may keep it, or why not)
PAGES = [
    ("static file (ceiling)", "static", True),
    ("home", "home", True),
    ("article", "article", True),
    ("news index", "news", True),
    ("event page", "event", True),
    ("event page with a registration form", "event_form", "never: CSRF form"),
    ("event index", "events", True),
    ("search", "search", "never: counts searches"),
    ("sitemap", "sitemap", True),
    ("RSS feed", "feed", True),
]
GROWS_WITH_ARTICLES = {"news", "events", "search", "sitemap"}


def say(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def path_of(page):
    return page.get_url_parts()[2]


# What is measured


def volume_home():
    return OrganizationSettings.objects.get(slug="volume-1").site.root_page


def bench_event(slug, title, capacity):
    """An event of volume-1 in a month, with a registration form and `capacity` places,
    added and published as an editor would."""
    home = volume_home()
    index = EventIndexPage.objects.child_of(home).get()
    event = EventPage.objects.child_of(index).filter(slug=slug).first()
    if event is None:
        start = timezone.now() + datetime.timedelta(days=30)
        event = EventPage(
            title=title,
            slug=slug,
            start=start,
            end=start + datetime.timedelta(hours=3),
            registration_mode="form",
            capacity=capacity,
            intro="Spotkanie z rejestracją.",
        )
        index.add_child(instance=event)
        event.save_revision().publish()
    return event


def paths():
    """The address of each page type on volume-1's site, in Polish."""
    home = volume_home()
    pl = {"path__startswith": home.path}
    event = (
        EventPage.objects.live().filter(registration_mode="none", **pl).upcoming().first()
        or EventPage.objects.live().filter(registration_mode="none", **pl).first()
    )
    return {
        # A storage made now: it reads the manifest collectstatic has just written.
        "static": storages.create_storage(settings.STORAGES["staticfiles"]).url("css/site.css"),
        "home": path_of(home),
        "article": path_of(ArticlePage.objects.live().filter(**pl).order_by("-date").first()),
        "news": path_of(ArticlePage.objects.filter(**pl).first().get_parent()),
        "event": path_of(event),
        "event_form": path_of(bench_event("bench-rejestracja", "Rejestracja (bench)", PLACES)),
        "events": path_of(event.get_parent()),
        "search": "/pl/szukaj/?q=integracja",
        "sitemap": "/sitemap.xml",
        "feed": path_of(ArticlePage.objects.filter(**pl).first().get_parent()) + "feed/rss/",
    }


def queries(path):
    """SQL queries of a page rendered without the page cache, its caches warm."""
    client = Client()
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(path, HTTP_HOST=HOST, secure=True)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_HOST=HOST, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(captured)


@dataclass
class Measured:
    load: object
    size: int  # bytes of the answer as sent (compressed when the browser accepts it)
    state: str  # X-Page-Cache
    alone: float  # seconds of one request alone (median of three)
    spread: tuple = ()  # of the static file: the lowest and highest of its measurements


def measure(server, path, cached):
    visitor = Visitor(server.port, HOST)
    visitor.get(path, **BROWSER)  # stored, when it may be
    answer = visitor.get(path, **BROWSER)
    if answer.status != 200:
        raise RuntimeError(f"{path} answered {answer.status}")
    state = answer.headers.get("X-Page-Cache", "")
    if cached and state != "hit" and "static" not in path:
        raise RuntimeError(f"{path} was not served from the page cache ({state!r})")
    wrk(server.port, HOST, path, 1, CONNECTIONS, BROWSER)  # warm-up
    load = wrk(server.port, HOST, path, SECONDS, CONNECTIONS, BROWSER)
    # One request with nothing else going on: the page's own time, without the queue.
    alone = statistics.median(visitor.get(path, **BROWSER).seconds for _ in range(3))
    return Measured(load, len(answer.body), state, alone)


def session(server, found, keys, cached, ceilings=1):
    """Each page of `keys` measured on the server, and the static file `ceilings` times,
    spread over the session: their median is the ceiling, as the machine's other work comes
    and goes."""
    measured, static = {}, []
    for number, key in enumerate(keys):
        if number % max(1, len(keys) // ceilings) == 0 and len(static) < ceilings:
            static.append(measure(server, found["static"], cached))
        measured[key] = measure(server, found[key], cached)
    static.sort(key=lambda each: each.load.requests_per_second)
    measured["static"] = static[len(static) // 2]
    if len(static) > 1:
        measured["static"].spread = (static[0], static[-1])
    return measured


def first_request(server, path):
    """How long the first visitor waits once the server listens."""
    return Visitor(server.port, HOST).get(path, **BROWSER).seconds


# The table


@dataclass
class Scale:
    articles: int
    built_in: float = 0
    queries: dict = field(default_factory=dict)
    uncached: dict = field(default_factory=dict)
    cached: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)  # (row, "uncached"/"cached"): text


def cell(measured, ceiling):
    load = measured.load
    if not load.requests:
        return f"none done in {SECONDS} s; one alone {measured.alone:.1f} s"
    text = f"{load.requests_per_second:,.0f}/s"
    if measured.spread:
        low, high = (each.load.requests_per_second for each in measured.spread)
        text += f" ({low:,.0f}–{high:,.0f})"
    text += (
        f" · {load.p50:.1f} / {load.p99:.0f} ms · "
        f"{load.requests_per_second / ceiling.load.requests_per_second:.0%}"
    )
    if load.errors or load.failed:
        text += f" · **{load.errors} errors, {load.failed} failed**"
    return text


def table(scales):
    head = ["page", "queries", "KB sent"]
    for scale in scales:
        head += [f"{scale.articles:,} articles, uncached", f"{scale.articles:,}, cached"]
    head.append(f"one request alone, uncached: {scales[0].articles:,} → {scales[-1].articles:,}")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, key, cacheable in PAGES:
        row = [
            label,
            " / ".join(str(scale.queries.get(key, "–")) for scale in scales),
            f"{scales[-1].cached.get(key, scales[-1].uncached[key]).size / 1024:.1f}",
        ]
        for scale in scales:
            row.append(cell(scale.uncached[key], scale.uncached["static"]))
            row.append(
                cell(scale.cached[key], scale.cached["static"])
                if key in scale.cached
                else str(cacheable)
            )
        first, last = scales[0].uncached[key].alone, scales[-1].uncached[key].alone
        row.append(
            f"{first * 1000:.0f} → {last * 1000:.0f} ms, {last / first:.2f}×"
            if key in GROWS_WITH_ARTICLES
            else ""
        )
        lines.append("| " + " | ".join(row) + " |")
    notes = []
    for scale in scales:
        for row, _column in scale.notes:
            if row not in notes:
                notes.append(row)
    for note in notes:
        row = [note, "", ""]
        for scale in scales:
            row += [scale.notes.get((note, "uncached"), ""), scale.notes.get((note, "cached"), "")]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


# The steps


def check_tools():
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `make bench` installs it (Debian package wrk).")
    try:
        cache.set("bench-probe", 1, 5)
    except Exception as error:  # noqa: BLE001 - whatever the client raises, say what to do
        sys.exit(f"Redis does not answer at {os.environ['REDIS_URL']}: {error}")


def at_scale(scale, first, last):
    say(f"{scale.articles:,} articles: making the content")
    started = time.monotonic()
    manage(
        "create_volume_content",
        f"--organizations={ORGANIZATIONS}",
        f"--articles={scale.articles}",
        f"--port={SITE_PORT}",
    )
    scale.built_in = time.monotonic() - started
    added = "made" if first else "added"
    scale.notes[("volume content (create_volume_content)", "uncached")] = (
        f"{added} in {scale.built_in:.0f} s"
    )
    connection.close()
    found = paths()
    for _label, key, _cacheable in PAGES:
        if key != "static":
            scale.queries[key] = queries(found[key])
    say(f"{scale.articles:,} articles: page cache off")
    with Server(PORTS[0], 0) as server:
        scale.notes[("server start; first request after it", "uncached")] = (
            f"{server.started_in:.1f} s; {first_request(server, found['home']) * 1000:.0f} ms"
        )
        pages = [key for _label, key, _cacheable in PAGES if key != "static"]
        scale.uncached = session(server, found, pages, cached=False)
    say(f"{scale.articles:,} articles: page cache on")
    with Server(PORTS[0], 300) as server:
        scale.notes[("server start; first request after it", "cached")] = (
            f"{server.started_in:.1f} s; {first_request(server, found['home']) * 1000:.0f} ms"
        )
        pages = [key for _label, key, cacheable in PAGES if cacheable is True and key != "static"]
        scale.cached = session(server, found, pages, cached=True, ceilings=3)
        memory = server.memory()
        scale.notes[("memory of a worker (RSS; PSS)", "cached")] = (
            f"{memory.rss:.0f} MiB; {memory.pss:.0f} MiB"
        )
        if last:
            editing_and_registering(scale, server, found)


def article_in_three_languages(number):
    home = volume_home()
    original = ArticlePage.objects.filter(path__startswith=home.path, slug=f"artykul-{number}")
    original = original.get()
    return [original, *original.get_translations().order_by("locale__language_code")]


def editing_and_registering(scale, server, found):
    note = scale.notes
    editor = Visitor(server.port, HOST, number=9000)
    log_in(editor, ADMIN, PASSWORD)

    say("publishing an article in three languages through the admin")
    seconds = []
    for page in article_in_three_languages(5):
        answer = publish(editor, page, intro=f"{page.intro} (bench)")
        if answer.status != 302:
            raise RuntimeError(f"Publishing {page.url_path} answered {answer.status}")
        seconds.append(answer.seconds)
    note[("publish an article in pl, uk, en (admin, each)", "cached")] = (
        f"{sum(seconds):.2f} s ({' + '.join(f'{s:.2f}' for s in seconds)})"
    )

    say(f"{REGISTRATIONS} registrations at once for {PLACES} places")
    event = bench_event("bench-rejestracja", "Rejestracja (bench)", PLACES)
    visitors = [Visitor(server.port, HOST, number) for number in range(REGISTRATIONS)]
    sent = register_at_once(visitors, found["event_form"])
    note[(f"{REGISTRATIONS} registrations at once, {PLACES} places", "cached")] = registered(
        event, sent
    )

    say("a second server on the same database and Redis")
    with Server(PORTS[1], 300) as other:
        two_servers(scale, server, other, editor)


def registered(event, sent):
    confirmed = Registration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED
    ).count()
    errors = sum(count for status, count in sent.statuses.items() if status != 303)
    overbooked = "**overbooked**" if confirmed > event.capacity else "none overbooked"
    return (
        f"{confirmed} confirmed, {REGISTRATIONS - confirmed} told it is full, {overbooked}, "
        f"{errors} errors; {sent.seconds:.1f} s in all, one {sent.p50:.0f} ms (p50) / "
        f"{sent.p99:.0f} ms (p99)"
    )


def check(ok):
    return "✓" if ok else "**✗**"


def two_servers(scale, a, b, editor):
    note = scale.notes
    # A page cached on B, published through A.
    article = article_in_three_languages(10)[0]
    path = path_of(article)
    reader = Visitor(b.port, HOST, number=9100)
    reader.get(path, **BROWSER)
    was_cached = reader.get(path, **BROWSER).headers.get("X-Page-Cache") == "hit"
    marker = f"Zmieniono na serwerze A {secrets.token_hex(3)}."
    published = publish(editor, article, intro=marker)
    after = reader.get(path)
    fresh = after.headers.get("X-Page-Cache") == "miss" and marker in after.text
    note[("two servers: published on A, cached page on B", "cached")] = (
        f"{check(was_cached and published.status == 302 and fresh)} "
        f"hit before, {after.headers.get('X-Page-Cache')} after, new text shown"
    )

    event = bench_event("bench-dwa-serwery", "Rejestracja na dwóch serwerach (bench)", PLACES)
    visitors = [
        Visitor((a, b)[number % 2].port, HOST, 10000 + number) for number in range(REGISTRATIONS)
    ]
    sent = register_at_once(visitors, path_of(event))
    note[(f"two servers: {REGISTRATIONS} registrations at once through both", "cached")] = (
        registered(event, sent)
    )

    session = editor.on(b.port).get("/admin/")
    note[("two servers: logged in on A, admin on B", "cached")] = (
        f"{check(session.status == 200)} {session.status}"
    )

    limited = bench_event("bench-limit", "Limit rejestracji (bench)", 100)
    person = Visitor(a.port, HOST, number=20000)
    forms = [registration_form(person, path_of(limited), number) for number in range(6)]
    time.sleep(3.2)
    on_a = [person.post(action, fields).status for action, fields in forms[:5]]
    on_b = person.on(b.port).post(*forms[5]).status
    note[("two servers: 5 registrations from one address on A, a 6th on B", "cached")] = (
        f"{check(on_a == [303] * 5 and on_b == 429)} A: {', '.join(map(str, on_a))}; "
        f"B: {on_b} (the rate limit)"
    )


def header(started):
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"make bench at {commit or 'a working copy'}, {datetime.date.today()}: gunicorn "
        f"({WORKERS} sync workers, --preload), PostgreSQL {connection.pg_version // 10000}, "
        f"Redis, config.settings.production; wrk 1 thread, {CONNECTIONS} connections, "
        f"{SECONDS} s a page; {os.cpu_count()} CPUs shared with wrk, the database and other "
        f"work (load average now {load}); {time.monotonic() - started:.0f} s in all.\n"
        "Cells: requests per second · latency p50 / p99 (with the queue of "
        f"{CONNECTIONS} connections) · share of the static file's requests per second on the "
        "same server (with the page cache on, the median of three runs, lowest–highest in "
        "brackets). Queries: at each scale, without the page cache. KB: the answer as sent, "
        "gzip-compressed where it may be. One request alone: the median of three, nothing "
        "else asked."
    )


def main():
    started = time.monotonic()
    (WORK_DIR / "media").mkdir(parents=True, exist_ok=True)
    check_tools()
    say("database: a fresh copy of the migrated template")
    fresh_database()
    cache.delete_pattern("*")  # the keys of this bench (its prefix), from earlier runs
    say("collectstatic")
    manage("collectstatic", "--noinput", "-v0")
    get_user_model().objects.create_superuser(ADMIN, "bench@example.org", PASSWORD)
    scales = [Scale(articles) for articles in SCALES]
    for number, scale in enumerate(scales):
        at_scale(scale, first=number == 0, last=number == len(scales) - 1)
    print()
    print(header(started))
    print()
    print(table(scales))


if __name__ == "__main__":
    main()

"""`make bench`: search latency with 10,000 pages across 5 organizations and 3 languages, and
the memory the lemmatizers take.

Not part of `make test` (marker `bench`). Prints measurements; asserts only that the
searches work, never a time. `make bench` runs it with the other benchmarks; on both
databases, this one alone:

    .venv/bin/pytest -m bench -q -p no:cacheprovider tests/benchmarks/test_bench_search.py
    DATABASE_URL=postgresql://… .venv/bin/pytest -m bench -q -p no:cacheprovider tests/benchmarks/test_bench_search.py

The pages are live content pages of varied real sentences, spread over five organizations
(three of them made here) and each organization's languages (Polish, Ukrainian, English;
Beta publishes no English), so that every search skips four organizations' pages.
BENCH_SEARCH_PAGES sets another total for a quick run.
"""

import itertools
import os
import statistics
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from home.models import ContentPage
from organizations.provisioning import create_organization
from tests.benchmarks.helpers import ROUNDS, measure

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

PAGES = int(os.environ.get("BENCH_SEARCH_PAGES", "10000"))
MORE_ORGANIZATIONS = ["gamma", "delta", "epsilon"]
# Of an organization's pages: Polish, Ukrainian, English.
LANGUAGE_SHARE = {"pl": 0.5, "uk": 0.3, "en": 0.2}
SENTENCES = {
    "pl": [
        "Spotkanie organizacji pozarządowych o integracji migrantów w Toruniu.",
        "Warsztaty dla osób z doświadczeniem migracji i uchodźstwa.",
        "Szkolenie z fundraisingu dla małych stowarzyszeń.",
        "Konsultacje prawne dla cudzoziemców w sprawie legalizacji pobytu.",
        "Kawiarnia społeczna zaprasza wolontariuszy i wolontariuszki.",
    ],
    "uk": [
        "Зустріч громадських організацій щодо інтеграції мігрантів.",
        "Консультації для біженців з України щодо легалізації перебування.",
        "Курси польської мови для дорослих і дітей.",
    ],
    "en": [
        "A meeting of non-governmental organizations about integrating migrants.",
        "Legal advice for refugees on residence permits.",
        "Volunteering workshops in the social café.",
    ],
}
QUERIES = [
    ("pl", "integracja"),
    ("pl", "migrantów Toruń"),
    ("pl", "fundraisingu stowarzyszenie"),
    ("pl", "kosmonauta"),
    ("uk", "біженці"),
    ("uk", "інтеграція мігрантів"),
    ("en", "integration meetings"),
]
SEARCH_ADDRESS = {"pl": "/pl/szukaj/", "uk": "/uk/poshuk/", "en": "/en/search/"}

MEMORY = """
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()
def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
import config.urls, search.views  # what an app process has loaded before its first search
before = rss()
from core.lemmas import lemmas_of, query_words
for language in ("pl", "uk", "en"):
    lemmas_of("integracji мігрантів meetings organizacji pozarządowych", language)
    query_words("integracja мігранти meeting", language)
print(f"{before:.0f} {rss():.0f}")
"""


def organizations(org_a, org_b):
    orgs = [org_a, org_b]
    for slug in MORE_ORGANIZATIONS:
        result = create_organization(
            name=f"Fundacja {slug.title()}",
            slug=slug,
            hostname=f"{slug}.localhost",
            languages=["pl", "uk", "en"],
        )
        orgs.append(result.settings)
    return orgs


def fill(org, count):
    """`count` live content pages in the organization's languages; how many were made."""
    made = 0
    roots = {root.locale.language_code: root for root in org.root_pages().select_related("locale")}
    shares = {code: share for code, share in LANGUAGE_SHARE.items() if code in roots}
    total_share = sum(shares.values())
    for language, share in shares.items():
        sentences = itertools.cycle(SENTENCES[language])
        for number in range(round(count * share / total_share)):
            roots[language].add_child(
                instance=ContentPage(
                    title=f"{org.slug} {language} {number}",
                    slug=f"{org.slug}-{language}-{number}",
                    intro=next(sentences),
                    live=True,
                )
            )
            made += 1
    return made


def test_search_latency_and_lemmatizer_memory(org_a, org_b, capsys):
    orgs = organizations(org_a, org_b)
    made = sum(fill(org, PAGES // len(orgs)) for org in orgs)
    client = Client()
    rows = []
    for language, query in QUERIES:
        timings, queries = measure(
            client, org_a.site.hostname, f"{SEARCH_ADDRESS[language]}?q={query}"
        )
        response = client.get(SEARCH_ADDRESS[language], {"q": query}, HTTP_HOST=org_a.site.hostname)
        count = response.context["search_results"].paginator.count
        rows.append(
            f"{language} {query:28} {count:4d} found   "
            f"median {statistics.median(timings) * 1000:6.1f} ms   "
            f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1] * 1000:6.1f} ms   "
            f"{queries:3d} queries"
        )
    memory = subprocess.run(
        [sys.executable, "-c", MEMORY],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout.split()
    with capsys.disabled():
        print(
            f"\n{connection.vendor}: {made} pages in {len(orgs)} organizations, "
            f"{ROUNDS} searches each (test client, no network):"
        )
        print("\n".join(rows))
        print(
            f"one app process: {memory[0]} MiB before the lemmatizers, {memory[1]} MiB with "
            "Polish, Ukrainian and English loaded"
        )

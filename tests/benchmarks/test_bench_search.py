"""`make bench`: search latency with many pages, and the memory the lemmatizers take.

Not part of `make test` (marker `bench`). Prints measurements; asserts only that the
searches work, never a time. PAGES pages of varied real sentences in the organization's
languages, and as many in the other organization, which the search must skip.
"""

import itertools
import statistics
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.benchmarks.helpers import ROUNDS, measure
from tests.utils import add_content_page, translate_page

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

PAGES = 400
SENTENCES = [
    "Spotkanie organizacji pozarządowych o integracji migrantów w Toruniu.",
    "Warsztaty dla osób z doświadczeniem migracji i uchodźstwa.",
    "Szkolenie z fundraisingu dla małych stowarzyszeń.",
    "Konsultacje prawne dla cudzoziemców w sprawie legalizacji pobytu.",
    "Kawiarnia społeczna zaprasza wolontariuszy i wolontariuszki.",
]
SENTENCES_UK = [
    "Зустріч громадських організацій щодо інтеграції мігрантів.",
    "Консультації для біженців з України щодо легалізації перебування.",
]

MEMORY = """
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()
def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
before = rss()
from core.lemmas import lemmas_of
for language in ("pl", "uk", "en"):
    lemmas_of("integracji мігрантів meetings", language)
print(f"{before:.0f} {rss():.0f}")
"""


def test_search_latency_and_lemmatizer_memory(org_a, org_b, capsys):
    sentences = itertools.cycle(SENTENCES)
    for number in range(PAGES):
        page = add_content_page(org_a, f"Strona {number}", intro=next(sentences))
        if number % 4 == 0:
            translate_page(page, "uk", title=f"Сторінка {number}", intro=SENTENCES_UK[number % 2])
        add_content_page(org_b, f"Beta {number}", intro=next(sentences))
    client = Client()
    rows = []
    for query in ["integracja", "migrantów Toruń", "біженці", "fundraisingu stowarzyszenie"]:
        timings, queries = measure(client, org_a.site.hostname, f"/pl/szukaj/?q={query}")
        rows.append(
            f"{query:30} median {statistics.median(timings) * 1000:6.1f} ms   "
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
            f"\n{connection.vendor}, {PAGES * 2 + PAGES // 4} pages, {ROUNDS} searches each "
            "(test client, no network):"
        )
        print("\n".join(rows))
        print(f"one process: {memory[0]} MiB before the lemmatizers, {memory[1]} MiB after")

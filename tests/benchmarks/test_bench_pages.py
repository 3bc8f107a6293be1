"""`make bench`: how long public pages take and how many queries they run.

Not part of `make test` (marker `bench`). Prints measurements; asserts only that the
pages work, never a time.
"""

import statistics

import pytest
from django.db import connection
from django.test import Client

from tests.benchmarks.helpers import ROUNDS, measure
from tests.utils import add_content_page

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def test_public_page_render_time_and_queries(org_a, capsys):
    pages = [add_content_page(org_a, f"Strona {index}") for index in range(8)]
    add_content_page(org_a, "Podstrona", parent=pages[0])
    client = Client()
    rows = []
    for path in [
        "/pl/",
        "/pl/strona-0/",
        "/pl/strona-0/podstrona/",
        "/uk/strona-0/",
        "/pl/szukaj/?q=Strona",
    ]:
        timings, queries = measure(client, org_a.site.hostname, path)
        rows.append(
            f"{path:32} median {statistics.median(timings) * 1000:6.1f} ms   "
            f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1] * 1000:6.1f} ms   "
            f"{queries:3d} queries"
        )
    with capsys.disabled():
        print(f"\n{connection.vendor}, {ROUNDS} requests each (test client, no network):")
        print("\n".join(rows))

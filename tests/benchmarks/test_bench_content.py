"""`make bench`: news, events, the sitemap and the PDF of an article — time and queries.

Prints measurements; asserts only that the pages work, never a time.
"""

import statistics
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tests.benchmarks.helpers import measure
from tests.events.helpers import add_event, event_index, in_days
from tests.news.helpers import add_article, news_index
from tests.utils import make_image

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def row(label, timings, queries):
    p95 = sorted(timings)[int(len(timings) * 0.95) - 1]
    return (
        f"{label:40} median {statistics.median(timings) * 1000:7.1f} ms   "
        f"p95 {p95 * 1000:7.1f} ms   {queries:3d} queries"
    )


def test_news_events_sitemap_and_pdf(org_a, capsys):
    news = news_index(org_a)
    photo = make_image(org_a)
    articles = [
        add_article(
            news,
            f"Artykuł {number}",
            f"2024-01-{number + 1:02}",
            intro="Krótki wstęp.",
            hero_image=photo,
            hero_credit="Anna Kowalska",
        )
        for number in range(12)
    ]
    events = event_index(org_a)
    for number in range(12):
        add_event(
            events,
            f"Wydarzenie {number}",
            in_days(number + 1, 9, 30),
            in_days(number + 1, 15, 30),
            registration_mode="form",
            capacity=30,
            venue_name="Sala",
            city="Toruń",
        )
    client = Client()
    host = org_a.site.hostname
    article_path = articles[-1].get_url_parts()[2]
    event_path = events.get_children().first().get_url_parts()[2]
    rows = []
    for label, path in [
        ("news index (12 articles)", news.get_url_parts()[2]),
        ("article", article_path),
        ("event index (12 events)", events.get_url_parts()[2]),
        ("event page", event_path),
        ("events calendar (.ics)", events.get_url_parts()[2] + "ics/"),
        ("sitemap.xml", "/sitemap.xml"),
        ("article PDF, cached", article_path + "pdf/"),
    ]:
        rows.append(row(label, *measure(client, host, path)))

    renders = []
    for _ in range(5):
        cache.clear()
        start = time.perf_counter()
        response = client.get(article_path + "pdf/", HTTP_HOST=host)
        renders.append(time.perf_counter() - start)
        assert response.status_code == 200
    rows.append(
        f"{'article PDF, rendered (5 runs)':40} median {statistics.median(renders) * 1000:7.1f} ms"
        f"   {len(response.content) // 1024} KB"
    )
    with capsys.disabled():
        print(f"\n{connection.vendor}, test client, no network:")
        print("\n".join(rows))

"""Helpers for `make bench`."""

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

ROUNDS = 50


def measure(client, host, path):
    client.get(path, HTTP_HOST=host)  # warm caches
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(path, HTTP_HOST=host)
    return timings, len(queries)

"""`make bench`: Lighthouse's scores of the home, article and event pages (mobile profile).

Not part of `make test` (marker `bench`): Lighthouse takes about half a minute a page. It
runs the npm package `lighthouse` (installed by `make bench` under .venv/lighthouse) with
the system Chromium against the live server, and prints the four scores of each page.
Asserted are only the scores that do not depend on timing: Accessibility and SEO 100, Best
Practices at least 95. Performance is printed, not asserted: Lighthouse simulates a slow
phone from what it measured, and the live server (one request at a time, static files
uncompressed and uncached) is slower than the product behind a real web server.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.helpers import CHROMIUM_ARGS
from tests.home.helpers import showcase

pytestmark = [pytest.mark.bench]

LIGHTHOUSE = Path(
    os.environ.get(
        "LIGHTHOUSE", settings.BASE_DIR / ".venv/lighthouse/node_modules/.bin/lighthouse"
    )
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("home", "article", "event")


def lighthouse(url):
    """Lighthouse's report of `url` (its JSON), mobile profile, simulated throttling."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    finished = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--chrome-path={chromium}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    return json.loads(finished.stdout)


def failed_audits(report, category):
    """The audits of `category` that did not pass, with Lighthouse's title."""
    audits = report["audits"]
    return [
        (ref["id"], audits[ref["id"]]["title"])
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] not in (None, 1)
    ]


def test_lighthouse_scores_of_the_home_article_and_event_pages(
    live_server, site_url, org_a, capsys
):
    if not LIGHTHOUSE.exists():
        pytest.fail(
            f"Lighthouse is not at {LIGHTHOUSE}: `make bench` installs it (npm), or point the "
            "LIGHTHOUSE environment variable at it.",
            pytrace=False,
        )
    content = showcase(org_a)
    rows, findings = [], []
    for kind in PAGES:
        report = lighthouse(site_url(org_a, content[kind]))
        scores = {
            category: round(report["categories"][category]["score"] * 100)
            for category in CATEGORIES
        }
        rows.append((kind, scores))
        for category in ("accessibility", "best-practices", "seo"):
            findings += [(kind, category, *audit) for audit in failed_audits(report, category)]

    with capsys.disabled():
        print("\nLighthouse 12, mobile profile, live server (Performance is indicative only):")
        print(f"{'page':10}" + "".join(f"{category:>16}" for category in CATEGORIES))
        for kind, scores in rows:
            print(f"{kind:10}" + "".join(f"{scores[category]:>16}" for category in CATEGORIES))
        for finding in findings:
            print("  not passed:", *finding)

    for kind, scores in rows:
        assert scores["accessibility"] == 100, (kind, findings)
        assert scores["seo"] == 100, (kind, findings)
        assert scores["best-practices"] >= 95, (kind, findings)

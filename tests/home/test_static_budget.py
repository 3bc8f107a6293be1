"""The site's own front-end stays small and self-hosted."""

import gzip
import re
from pathlib import Path

from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def gzipped_size(paths):
    return sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in paths)


def test_css_stays_under_60_kb_gzipped():
    css = list(STATIC.rglob("*.css"))
    assert css, "no stylesheet found"
    assert gzipped_size(css) < 60 * 1024


def test_javascript_stays_under_30_kb_gzipped():
    scripts = list(STATIC.rglob("*.js"))
    assert scripts, "no script found"
    assert gzipped_size(scripts) < 30 * 1024


def test_templates_load_nothing_from_another_server():
    stylesheets_or_scripts = re.compile(
        r"""<(?:script|link)[^>]+(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE
    )
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if stylesheets_or_scripts.search(path.read_text())
    ]
    assert offenders == []
    css_imports = [
        str(path)
        for path in STATIC.rglob("*.css")
        if re.search(r"url\((['\"]?)(https?:)?//", path.read_text())
    ]
    assert css_imports == []

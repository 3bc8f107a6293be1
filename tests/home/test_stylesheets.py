"""The site's stylesheets (static/css/site.css, print.css) and the PDFs' (static/pdf/page.css)
read one set of design tokens (docs/design.md) and style only what the markup uses."""

import re
from pathlib import Path

from django.conf import settings

from core.colours import colour_roles

STATIC = Path(settings.BASE_DIR) / "static"
SITE_CSS = STATIC / "css" / "site.css"
PDF_CSS = STATIC / "pdf" / "page.css"
# Classes the templates make from a value ("event-card-{{ event.status }}"), by prefix; and
# the wrapper Wagtail (and core.untranslated.render_stream) gives each stream block.
MADE_FROM_A_VALUE = (
    "block-",
    "event-card-",
    "event-badge-",
    "event-status-",
    "registration-outcome-",
    "notice-",
    "button-",
)


def without_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


def tokens_declared(css):
    """{name: value} of the custom properties on the stylesheet's first :root."""
    root = re.search(r":root\s*{(.*?)}", without_comments(css), re.DOTALL).group(1)
    return {
        name: " ".join(value.split()) for name, value in re.findall(r"(--[\w-]+):([^;]+);", root)
    }


def tokens_read(css):
    """Each var(…) of the stylesheet, as written."""
    return re.findall(r"var\(([^()]*(?:\([^()]*\))?[^()]*)\)", without_comments(css))


def test_the_site_stylesheets_read_only_declared_tokens_without_fallbacks():
    declared = tokens_declared(SITE_CSS.read_text())
    for path in (SITE_CSS, STATIC / "css" / "print.css"):
        read = tokens_read(path.read_text())
        assert [name for name in read if name not in declared] == [], path.name


def test_the_pdf_stylesheet_reads_the_sites_tokens_with_the_sites_defaults():
    """Named as on the site, so that the organization's colour roles ({% colour_tokens %}
    in templates/pdf/page.html) reach the PDF; its defaults are the site's."""
    declared = tokens_declared(PDF_CSS.read_text())
    site = tokens_declared(SITE_CSS.read_text())

    assert set(tokens_read(PDF_CSS.read_text())) <= set(declared)
    assert all(name.startswith(("--color-", "--space-")) for name in declared)
    assert declared == {name: site[name] for name in declared}
    defaults = {f"--color-{role}": value for role, value in colour_roles().items()}
    assert {
        n: v for n, v in declared.items() if n.startswith("--color-")
    }.items() <= defaults.items()


def test_the_site_stylesheet_styles_only_classes_the_markup_uses():
    """A class that no template, script or Python module writes any more is dead weight."""
    css = re.sub(r"{[^{}]*}", "{}", without_comments(SITE_CSS.read_text()))
    styled = set(re.findall(r"\.([a-zA-Z][\w-]*)", css))
    sources = [
        *(Path(settings.BASE_DIR) / "templates").rglob("*.html"),
        *(STATIC / "js").rglob("*.js"),
        *(
            path
            for app in (
                "core",
                "organizations",
                "partners",
                "pages",
                "news",
                "events",
                "search",
                "home",
            )
            for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
        ),
    ]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)

    unused = [
        name
        for name in sorted(styled)
        if not name.startswith(MADE_FROM_A_VALUE)
        and not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ]
    assert unused == []

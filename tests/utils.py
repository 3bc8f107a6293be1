"""Tiny helpers shared by test modules."""

import json
import os
import subprocess
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.models import ContentPage
from organizations.provisioning import create_organization, group_name

# Threads over real connections, each committing: only PostgreSQL locks rows (SQLite, the
# development database, has one writer at a time and would refuse concurrent writers).
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks under concurrency: PostgreSQL only"
)

# The project's own apps, from the top layer down (README, Layout).
PROJECT_APPS = ["home", "news", "events", "search", "pages", "partners", "organizations", "core"]

# `manage.py create_organization` options for an organization the tests make themselves.
M6 = ["--name", "Fundacja Studio M6", "--slug", "m6", "--hostname", "m6.localhost"]


def create_organization_command(*args):
    """Run `manage.py create_organization` with these options; what it printed."""
    out = StringIO()
    call_command("create_organization", *args, stdout=out)
    return out.getvalue()


def visit(org, path, **headers):
    """A visitor's GET of `path` on the organization's own site."""
    return Client().get(path, HTTP_HOST=org.site.hostname, **headers)


def text_of(response):
    return response.content.decode()


def make_image(org, title="Zdjęcie"):
    """A 1600×900 photo in the organization's collection."""
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(filename="photo.png", size=(1600, 900)),
        collection=org.collection,
    )


def listing_page(model, org, language="pl"):
    """The organization's listing page of `model` (news, events) in a language, as
    create_organization made it."""
    return model.objects.get(
        locale__language_code=language,
        path__startswith=org.root_pages().get(locale__language_code=language).path,
    )


def add_child_page(parent, page, *, publish=True):
    """`page` added under `parent` with a revision, published unless asked otherwise."""
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def translate_page(page, language, **fields):
    """The page in another language, published, as a translator leaves it."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


SETTINGS_FIELDS_LEFT_EMPTY = [
    "short_name",
    "logo",
    "contact_email",
    "phone",
    "address",
    "facebook_url",
    "instagram_url",
    "linkedin_url",
    "youtube_url",
    "x_url",
    "telegram_url",
    "newsletter_url",
    "donate_url",
    "privacy_policy_page",
    "footer_text",
    "email_domains",
]


def settings_url(org):
    return reverse(
        "wagtailsettings:edit", args=["organizations", "organizationsettings", org.site_id]
    )


def settings_form(org, **overrides):
    """POST data for the organization settings form: valid as given, then `overrides`."""
    data = dict.fromkeys(SETTINGS_FIELDS_LEFT_EMPTY, "")
    data.update(
        name=org.name,
        primary_colour="#1d4e89",
        accent_colour="#8a3b12",
        languages=list(org.languages),
        registration_retention_days=30,
        registration_retention="delete",
        show_untranslated="on",
        incomplete_translations="refuse",
    )
    data.update(overrides)
    return data


# Where `make test` installs the Nu HTML Checker (the W3C validator); VNU_JAR overrides it.
DEFAULT_VNU_JAR = (
    Path(__file__).resolve().parent.parent / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)


def html_errors(documents):
    """What the Nu HTML Checker calls errors in each document ({name: html}), as
    "name:line: message"; warnings and information are left out. One run for them all."""
    jar = Path(os.environ.get("VNU_JAR") or DEFAULT_VNU_JAR)
    if not jar.is_file():
        pytest.fail(
            f"The HTML validator is not at {jar}: `make test` installs it (npm install "
            "--prefix .venv/vnu vnu-jar), or point VNU_JAR at a vnu.jar.",
            pytrace=False,
        )
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{number}.html"
            path.write_text(html, encoding="utf-8")
            names[str(path)] = name
        result = subprocess.run(
            ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, names)],
            capture_output=True,
            text=True,
            check=False,
        )
    report = json.loads(result.stderr)

    def document(url):
        # The checker names files "file:/tmp/…".
        return names.get("/" + (url or "").removeprefix("file:").lstrip("/"), url)

    return [
        f"{document(message.get('url'))}:{message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
        if message["type"] in {"error", "non-document-error"}
    ]


PASSWORD = "correct-horse-battery"


def make_organization(django_capture_on_commit_callbacks, **kwargs):
    # wagtail-localize publishes the home page translations when the transaction
    # commits; a test's transaction never does, so run those callbacks here.
    with django_capture_on_commit_callbacks(execute=True):
        return create_organization(**kwargs).settings


def make_staff(org, role, username=None):
    user = get_user_model().objects.create_user(
        username=username or f"{org.slug}-{role}",
        email=f"{org.slug}-{role}@example.org",
        password=PASSWORD,
    )
    user.groups.add(Group.objects.get(name=group_name(org.name, role)))
    return user


def add_content_page(
    org, title, slug=None, parent=None, show_in_menus=True, publish=True, **fields
):
    """A content page under the organization's Polish home page (or `parent`)."""
    page = ContentPage(title=title, slug=slug or None, show_in_menus=show_in_menus, **fields)
    return add_child_page(parent or org.site.root_page, page, publish=publish)

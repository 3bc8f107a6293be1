"""Tiny helpers shared by test modules."""

import json
import os
import re
import sqlite3
import subprocess
import tempfile
from contextlib import contextmanager
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, connections
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
PROJECT_APPS = [
    "home",
    "news",
    "events",
    "search",
    "translations",
    "pages",
    "partners",
    "organizations",
    "core",
]

# `manage.py create_organization` options for an organization the tests make themselves.
M6 = ["--name", "Fundacja Studio M6", "--slug", "m6", "--hostname", "m6.localhost"]


def create_organization_command(*args):
    """Run `manage.py create_organization` with these options; what it printed."""
    out = StringIO()
    call_command("create_organization", *args, stdout=out)
    return out.getvalue()


def run_daily_job(capture):
    """`manage.py maintain_tasks`, the daily cron job, with the tasks it queues run when its
    transaction commits (`capture`: django_capture_on_commit_callbacks); what it printed."""
    out = StringIO()
    with capture(execute=True):
        call_command("maintain_tasks", stdout=out)
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
    "accessibility_statement_page",
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
        registration_reminders="on",
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


def make_staff(org, role, username=None, language=None):
    """A member of one of the organization's groups; translators translate into
    `language`, Ukrainian unless said."""
    if role == "translators":
        language = language or "uk"
    name = username or f"{org.slug}-{role}{'-' + language if language else ''}"
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name(org.name, role, language or "")))
    return user


def add_content_page(
    org, title, slug=None, parent=None, show_in_menus=True, publish=True, **fields
):
    """A content page under the organization's Polish home page (or `parent`)."""
    page = ContentPage(title=title, slug=slug or None, show_in_menus=show_in_menus, **fields)
    return add_child_page(parent or org.site.root_page, page, publish=publish)


class DatabaseSnapshot:
    """What a database holds at one moment, to put it back later.

    On SQLite (the suite's in-memory database) a copy of the whole database made with
    SQLite's online backup, and put back the same way: milliseconds, whatever it holds. On
    other databases the rows serialized as TransactionTestCase's serialized rollback does,
    and put back by flushing and loading them: seconds once the organizations' pages are in.
    On SQLite the sequences go back with the rows; elsewhere they carry on.
    """

    def __init__(self, connection):
        self.connection = connection
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        else:
            self.copy = connection.creation.serialize_db_to_string()

    def restore(self):
        connection = self.connection
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.copy.backup(connection.connection)
            return
        # As TransactionTestCase does before restoring: no post_migrate content types and
        # permissions, which the serialized rows hold already.
        call_command(
            "flush",
            database=connection.alias,
            interactive=False,
            verbosity=0,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(self.copy)


@contextmanager
def built_for_module(django_db_blocker):
    """What is made (and committed) inside, kept for a module's tests, then the database put
    back as it was (a DatabaseSnapshot). The module's tests use the ordinary `db` access,
    so whatever one of them changes is rolled back as usual. Make the data inside
    `django_db_blocker.unblock()`; under pytest-xdist each worker makes it once.
    """
    with django_db_blocker.unblock():
        before = [DatabaseSnapshot(c) for c in connections.all(initialized_only=True)]
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            for snapshot in before:
                snapshot.restore()
            cache.clear()


def pagination_shown(html):
    """What a sighted visitor reads in the page's pagination (includes/pagination.html), in
    order: ["‹", "Previous", "1", "…", "4", "5", …]; [] without one."""
    found = re.search(r'<nav class="pagination".*?</nav>', html, re.DOTALL)
    if found is None:
        return []
    text = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", found.group(0))
    return re.sub(r"<[^>]+>", " ", text).split()


# Letters of the Polish alphabet that Ukrainian (Cyrillic) and English text never has.
POLISH_ONLY_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


class _UnmarkedPolish(HTMLParser):
    """Text a visitor reads or hears (text, alt, title, aria-label, placeholder) that has
    Polish-only letters and is not inside an element marked lang="pl"."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    VOID |= {"track", "wbr"}
    SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.found = [], []

    def _polish(self):
        return next((lang for _tag, lang in reversed(self.stack) if lang), "") == "pl"

    def _hidden(self):
        return any(tag in ("script", "style", "template") for tag, _lang in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").split("-")[0]
        marked = lang == "pl" or (not lang and self._polish())
        if not marked and not self._hidden():
            for name in self.SPOKEN_ATTRIBUTES:
                if POLISH_ONLY_LETTERS.search(attrs.get(name) or ""):
                    self.found.append(f"<{tag} {name}={attrs[name]!r}>")
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if POLISH_ONLY_LETTERS.search(data) and not self._polish() and not self._hidden():
            self.found.append(" ".join(data.split()))


def unmarked_polish(html):
    """The pieces of a page's visible (or spoken) text that hold Polish-only letters
    outside any element marked lang="pl": what a reader of another language meets
    without being told it is Polish."""
    parser = _UnmarkedPolish()
    parser.feed(html)
    parser.close()
    return parser.found


# --- Background tasks on the database backend (core.tasks) -----------------------------


class MailServerDown(BaseEmailBackend):
    """An SMTP server that cannot be reached: settings.EMAIL_BACKEND = MAIL_SERVER_DOWN."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


MAIL_SERVER_DOWN = "tests.utils.MailServerDown"

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """Run `manage.py db_worker --batch` here: every task that is due, until none is left.

    The worker's own loop, on the test's connection; only its check of the connection
    between tasks (Django's per-request check, which would close the test's transaction)
    is left out.
    """
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()


def tasks_of(function):
    """The tasks of `function` (a @task) in the database, oldest first."""
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(task_path=function.module_path).order_by("enqueued_at"))


def make_due():
    """The clock moves on: every task waiting for a later time is due now."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    DBTaskResult.objects.filter(status="READY").exclude(run_after=get_date_max()).update(
        run_after=timezone.now()
    )

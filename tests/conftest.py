"""Fixtures shared by the whole suite: two organizations and their staff.

Organizations are made with the same code as `manage.py create_organization`.
"""

import hashlib
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.test import TransactionTestCase, override_settings
from wagtail.images.models import Filter

from config.settings.test import SEARCH_INDEX_ON
from organizations.models import OrganizationSettings
from organizations.provisioning import create_organization
from tests.utils import (
    DATABASE_TASKS,
    DatabaseSnapshot,
    add_content_page,
    built_for_module,
    make_organization,
    make_staff,
)

ORGANIZATIONS = {
    "alfa": {
        "name": "Fundacja Alfa",
        "slug": "alfa",
        "hostname": "alfa.localhost",
        "languages": ["pl", "uk", "en"],
    },
    "beta": {
        "name": "Stowarzyszenie Beta",
        "slug": "beta",
        "hostname": "beta.localhost",
        "languages": ["pl", "uk"],
    },
}


DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="Leave out the tests that cannot reach a database (no database fixture, no "
        "django_db mark): .ci/run's second database, where they would run the same again.",
    )


def uses_a_database(item):
    return bool(item.get_closest_marker("django_db")) or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    left_out = [item for item in items if not uses_a_database(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if uses_a_database(item)]


def pytest_itemcollected(item):
    """A test that reads data built once per module (a module-scoped fixture: the demo,
    the search site) runs on the same pytest-xdist worker as the rest of its module, so
    that the data is built once, not once per worker (`--dist loadgroup`, Makefile)."""
    fixturedefs = getattr(item, "_fixtureinfo", None)
    if fixturedefs is None:
        return
    if any(defs[-1].scope == "module" for defs in fixturedefs.name2fixturedefs.values()):
        item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the two organizations made once for the whole session.

    Making an organization takes seconds; each test's changes are rolled back, so they start
    from these two. A snapshot of the database is taken afterwards: a transactional test
    with `serialized_rollback` (the browser tests) gets it back instead of the empty
    database its flush would leave (see _serialized_rollback_from_snapshots). Without it,
    the fixtures below make the organizations again.
    """
    with django_db_blocker.unblock():
        for spec in ORGANIZATIONS.values():
            create_organization(**spec)
        for connection in connections.all(initialized_only=True):
            connection._test_snapshot = DatabaseSnapshot(connection)
            if connection.vendor != "sqlite" and hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection._test_snapshot.copy


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_from_snapshots():
    """On SQLite, a transactional test with `serialized_rollback` starts from, and leaves, the
    database of django_db_setup, put back from its snapshot in milliseconds.

    Django's serialized rollback flushes every table after the test and loads the
    serialized rows again before the next one, object by object: 1 to 3 seconds per browser
    test once the organizations carry their standard pages in every language. Other
    databases keep Django's way (their snapshot is that serialization).
    """
    setup = TransactionTestCase._fixture_setup.__func__
    teardown = TransactionTestCase._fixture_teardown

    def restored_from_snapshots(case):
        """True if the case's databases were put back from their SQLite snapshots."""
        if not case.serialized_rollback:
            return False
        found = [
            getattr(connections[alias], "_test_snapshot", None)
            for alias in case._databases_names(include_mirrors=False)
        ]
        if not all(s is not None and s.connection.vendor == "sqlite" for s in found):
            return False
        for snapshot in found:
            snapshot.restore()
        return True

    def fixture_setup(cls):
        if not restored_from_snapshots(cls):
            return setup(cls)
        cls.serialized_rollback = False
        try:
            setup(cls)
        finally:
            cls.serialized_rollback = True

    def fixture_teardown(self):
        if not restored_from_snapshots(self):
            teardown(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_setup", classmethod(fixture_setup))
        patch.setattr(TransactionTestCase, "_fixture_teardown", fixture_teardown)
        yield


@pytest.fixture(scope="session", autouse=True)
def _flush_postgresql_by_deleting_rows():
    """On PostgreSQL, the flush that ends each transactional test deletes the rows instead of
    truncating every table.

    TRUNCATE of all ~80 tables gives each of them new files: more than a second per test,
    though a test leaves rows in a few tables only. DELETE in one transaction, with the
    foreign keys checked at its end (Django makes them DEFERRABLE INITIALLY DEFERRED), leaves
    the same empty tables in milliseconds. The sequences carry on either way (the flush
    does not reset them), and the tables have no triggers to tell the two apart. SQLite's
    flush already deletes rows.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"DELETE FROM {self.quote_name(table)};" for table in tables
        ]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        yield


@pytest.fixture(scope="session", autouse=True)
def _renditions_made_once_per_source():
    """A rendition made from the same original bytes, with the same filter, focal point and
    quality settings, is made once per test worker and its bytes reused after that.

    Making renditions (resizing, then encoding AVIF, WebP and the fallback for each width of
    a picture) was a fifth of the suite's CPU time, nearly all of it the same few test
    photos (tests.utils.make_image and Wagtail's test image) made again for every test,
    since every test has its own media folder. Wagtail's code runs as ever around it: the
    rendition's record, file name and storage; only Filter.run's output is remembered.
    """
    made = {}
    run = Filter.run

    def remembered_run(self, image, output, source=None):
        original = source if source is not None else image.file
        try:
            original.open("rb")
            original.seek(0)
            digest = hashlib.sha256(original.read()).hexdigest()
            original.seek(0)
        except OSError:
            return run(self, image, output, source=source)  # lost: as Wagtail tells it
        key = (
            digest,
            self.spec,
            (image.focal_point_x, image.focal_point_y),
            (image.focal_point_width, image.focal_point_height),
            tuple(
                (name, repr(getattr(django_settings, name)))
                for name in dir(django_settings)
                if name.startswith("WAGTAILIMAGES_")
            ),
        )
        if key in made:
            format_name, content = made[key]
            output.write(content)
            output.seek(0)
            return SimpleNamespace(f=output, format_name=format_name)
        generated = run(self, image, output, source=source)
        generated.f.seek(0)
        made[key] = (generated.format_name, generated.f.read())
        generated.f.seek(0)
        return generated

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Filter, "run", remembered_run)
        yield


def seeded_organization(slug, django_capture_on_commit_callbacks):
    existing = OrganizationSettings.objects.filter(slug=slug).select_related("site").first()
    if existing is not None:
        return existing
    return make_organization(django_capture_on_commit_callbacks, **ORGANIZATIONS[slug])


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path, request):
    """Uploads (images, documents, logos) of a test go to its own folder, never the project's;
    a test reading the demo (`demo_database`) uses the demo's folder, where its logos are."""
    demo = request.node.funcargs.get("demo_database")
    settings.MEDIA_ROOT = demo.media_root if demo is not None else tmp_path


@dataclass
class Demo:
    output: str
    media_root: Path


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """`manage.py demo` run once for a module's tests, with real commits as under `make run`
    (wagtail-localize publishes translations when each commit happens).

    Building the demo takes 10 to 20 seconds; the module's tests read it, and whatever one
    of them changes is rolled back as usual (tests.utils.built_for_module).
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        built_for_module(django_db_blocker),
        override_settings(MEDIA_ROOT=media, WAGTAILSEARCH_BACKENDS=SEARCH_INDEX_ON),
    ):
        with django_db_blocker.unblock():
            output = StringIO()
            call_command("demo", "--port", "8123", stdout=output)
        yield Demo(output=output.getvalue(), media_root=media)


@pytest.fixture
def search_index(settings):
    """The search index kept up to date on every save, as in production (off in the rest of
    the suite: config.settings.test)."""
    settings.WAGTAILSEARCH_BACKENDS = SEARCH_INDEX_ON


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: Wagtail caches site root paths and we cache
    branding, and a rolled-back test must not leave its sites or colours behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def task_queue(settings):
    """Tasks go to the database, as in production, for `run_worker()` (tests/utils.py) to
    run; without it the tests run each task at once after the commit (config.settings.test)."""
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def org_a(db, django_capture_on_commit_callbacks):
    return seeded_organization("alfa", django_capture_on_commit_callbacks)


@pytest.fixture
def org_b(db, django_capture_on_commit_callbacks):
    return seeded_organization("beta", django_capture_on_commit_callbacks)


@pytest.fixture
def editor_a(org_a):
    return make_staff(org_a, "editors")


@pytest.fixture
def moderator_a(org_a):
    return make_staff(org_a, "moderators")


@pytest.fixture
def translator_a(org_a):
    return make_staff(org_a, "translators")


@pytest.fixture
def editor_b(org_b):
    return make_staff(org_b, "editors")


@pytest.fixture
def moderator_b(org_b):
    return make_staff(org_b, "moderators")


@pytest.fixture
def translator_b(org_b):
    return make_staff(org_b, "translators")


@pytest.fixture
def page_a(org_a):
    return add_content_page(org_a, "O fundacji", slug="o-fundacji", intro="Fundacja Alfa pomaga.")


@pytest.fixture
def page_b(org_b):
    return add_content_page(org_b, "Kim jesteśmy", slug="kim-jestesmy", intro="Beta działa.")

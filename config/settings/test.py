"""Tests: fast and deterministic. SQLite unless DATABASE_URL points at PostgreSQL."""

from .base import media_storages_from_env
from .dev import *  # noqa: F401,F403
from .dev import STORAGES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, after the commit that enqueued them (core.tasks.enqueue_on_commit), as
# Wagtail does by default: a test sees the search index and the e-mails without a worker.
# Tests of the queue itself switch to the database backend (tests/utils.py, tasks_in_database).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Media on the local disk (each test's own MEDIA_ROOT, tests/conftest.py), whatever the
# environment says; the object storage tests start their own S3 server.
STORAGES = {**media_storages_from_env({}), "staticfiles": STORAGES["staticfiles"]}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off in the suite: tests change content and read pages again in one breath; the page
# cache's own tests (tests/core/test_page_cache.py) turn it on.
PAGE_CACHE_SECONDS = 0
# The search index is not kept up to date on every save: indexing a page (its words'
# lemmas, in the full-text tables) is a sixth of what most tests spend. Tests that search
# (the site search, the admin's searches) ask for the `search_index` fixture
# (tests/conftest.py), which turns it on as in production.
SEARCH_INDEX_OFF = {
    "default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "simple", "AUTO_UPDATE": False},
}
SEARCH_INDEX_ON = {
    "default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "simple"},
}
WAGTAILSEARCH_BACKENDS = SEARCH_INDEX_OFF
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
# Whatever the environment says: a test that translates by machine starts its own stand-in.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

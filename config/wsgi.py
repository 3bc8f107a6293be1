import os

from django.conf import settings
from django.core.cache import caches
from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.template import engines
from django.urls import get_resolver
from django.utils import translation

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Imported once Django is set up (it reads the models). Stored pages for anonymous
# visitors are served before Django handles the request; everything else goes through it.
from core.page_cache import FastPath  # noqa: E402

application = FastPath(application)


def _index_urls(resolver):
    resolver.reverse_dict  # noqa: B018 - reading it imports and indexes the patterns
    for _prefix, included in resolver.namespace_dict.values():
        _index_urls(included)


def warm_up():
    """Load now what the first request would otherwise wait for: every URL pattern (indexed
    for reversing in each language) and the views they import, the template tag libraries,
    the interface translations and the cache's client library (no connection is opened).
    With `gunicorn --preload` this runs once, before the workers are forked."""
    caches.all(initialized_only=False)
    for language, _name in settings.LANGUAGES:
        translation.trans_real.translation(language)
        with translation.override(language):
            _index_urls(get_resolver())
    for engine in engines.all():
        engine.engine.template_libraries  # noqa: B018 - reading it imports the tag libraries


warm_up()

if getattr(settings, "REFUSE_DEMO_CREDENTIALS", False):
    from home.security import refuse_demo_credentials

    refuse_demo_credentials()
    # Not handed down: with `gunicorn --preload` every worker is forked from this process,
    # and two workers talking over one database connection would garble it.
    connections.close_all()

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Imported once Django is set up (it reads the models). Stored pages for anonymous
# visitors are served before Django handles the request; everything else goes through it.
from core.page_cache import FastPath  # noqa: E402

application = FastPath(application)

if getattr(settings, "REFUSE_DEMO_CREDENTIALS", False):
    from home.security import refuse_demo_credentials

    refuse_demo_credentials()

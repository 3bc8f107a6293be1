import os

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_asgi_application()

if getattr(settings, "REFUSE_DEMO_CREDENTIALS", False):
    from home.security import refuse_demo_credentials

    refuse_demo_credentials()

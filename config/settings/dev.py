"""Development: debug on, a fixed local secret, e-mail printed to the console."""

from .base import *  # noqa: F401,F403
from .base import env_list

DEBUG = True
# Refused by config.settings.production.
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
SECRET_KEY = DEV_SECRET_KEY
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1", "[::1]", *env_list("DJANGO_ALLOWED_HOSTS")]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Media where MEDIA_STORAGE says (the local disk unless it is s3, as in production).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://localhost:8000"
# runserver and the test live server serve static files themselves; WhiteNoise is for
# production, where `collectstatic` has filled STATIC_ROOT.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

"""Production: every secret and host from the environment; dev defaults refused.

Behind a TLS-terminating proxy, with PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)
so that any number of stateless app servers can run side by side.

Machine translation (config.settings.base, README "Machine translation") is off unless
MACHINE_TRANSLATION is set: `libretranslate` with LIBRETRANSLATE_URL (and
LIBRETRANSLATE_API_KEY if the server asks for one), or `deepl` with DEEPL_API_KEY
(and DEEPL_API_URL for another address of its API);
MACHINE_TRANSLATION_TIMEOUT in seconds (10). An incomplete setting stops the start.

Uploaded media (config.settings.base, README "Media on object storage") are on the local
disk unless MEDIA_STORAGE=s3 with MEDIA_S3_BUCKET (and MEDIA_S3_ENDPOINT_URL, MEDIA_S3_REGION,
MEDIA_S3_ACCESS_KEY_ID with MEDIA_S3_SECRET_ACCESS_KEY, MEDIA_S3_CUSTOM_DOMAIN as needed);
a half-made configuration stops the start too.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool, env_list
from .dev import DEV_SECRET_KEY


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = required("DJANGO_SECRET_KEY")
if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is the development key or too weak: generate one with "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or [required("DJANGO_ALLOWED_HOSTS")]
required("DATABASE_URL")
# Persistent connections: opening one per request cost a quarter of the home page's
# throughput when measured. Checked before reuse, so a restarted database is survived.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# The demo administrator's password may not exist in production (see home.security).
REFUSE_DEMO_CREDENTIALS = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

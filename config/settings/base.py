"""Settings shared by every environment.

Safe for production by default: debug is off, every secret and host comes from the
environment, and the development conveniences live in ``dev.py``.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def machine_translator_from_env(environ=os.environ):
    """wagtail-localize's machine translator, from MACHINE_TRANSLATION (README, Machine
    translation). Unset, there is none: no "Translate with" button, and no text of an
    organization ever leaves the server. A half-made configuration is refused at start
    rather than found out by a translator."""
    service = environ.get("MACHINE_TRANSLATION", "").strip().lower()
    if not service:
        return None
    try:
        timeout = float(environ.get("MACHINE_TRANSLATION_TIMEOUT", "10"))
    except ValueError:
        timeout = 0
    if timeout <= 0:
        raise ImproperlyConfigured("MACHINE_TRANSLATION_TIMEOUT is a number of seconds, e.g. 10.")
    if service == "libretranslate":
        url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATION=libretranslate needs LIBRETRANSLATE_URL, the address of "
                "the LibreTranslate server, e.g. http://127.0.0.1:5000."
            )
        return {
            "CLASS": "translations.machine.LibreTranslate",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": url,
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
                "TIMEOUT": timeout,
            },
        }
    if service == "deepl":
        key = environ.get("DEEPL_API_KEY", "").strip()
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATION=deepl needs DEEPL_API_KEY.")
        options = {"AUTH_KEY": key, "TIMEOUT": timeout}
        # Another address of DeepL's API (a proxy of one's own); by default DeepL's own,
        # chosen by the key (translations.machine.DeepL).
        url = environ.get("DEEPL_API_URL", "").strip().rstrip("/")
        if url:
            if not url.startswith(("http://", "https://")):
                raise ImproperlyConfigured(
                    "DEEPL_API_URL is the address of DeepL's API, e.g. https://api.deepl.com, "
                    "or unset."
                )
            options["API_URL"] = url
        return {"CLASS": "translations.machine.DeepL", "OPTIONS": options}
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATION is libretranslate, deepl or unset, not {service!r}."
    )


# Uploaded media (config.settings STORAGES, README "Media on object storage"). Originals of
# images, documents and anything else stored stay private; only image renditions, which the
# public pages show, are public.
MEDIA_S3_VARIABLES = (
    "MEDIA_S3_BUCKET",
    "MEDIA_S3_ENDPOINT_URL",
    "MEDIA_S3_REGION",
    "MEDIA_S3_ACCESS_KEY_ID",
    "MEDIA_S3_SECRET_ACCESS_KEY",
    "MEDIA_S3_CUSTOM_DOMAIN",
    "MEDIA_S3_ADDRESSING_STYLE",
)
# A day: a rendition's name stays with its picture, but may come back for another one after
# an image's file is replaced.
RENDITION_CACHE_CONTROL = "public, max-age=86400"


def media_storages_from_env(environ=os.environ):
    """The `default` and `renditions` storages, from MEDIA_STORAGE.

    Unset (or `local`): both on the local disk under MEDIA_ROOT, as always. `s3`: both in
    the bucket MEDIA_S3_BUCKET of an S3-compatible server (django-storages): `default`
    (original images, documents) private, every address to it signed and short-lived;
    `renditions` public, at the bucket's address or MEDIA_S3_CUSTOM_DOMAIN, so that pages
    can show them. A half-made configuration is refused at start: files silently written
    to one server's disk would be missing on the others.
    """
    storage = environ.get("MEDIA_STORAGE", "").strip().lower() or "local"
    values = {name: environ.get(name, "").strip() for name in MEDIA_S3_VARIABLES}
    if storage == "local":
        stray = [name for name, value in values.items() if value]
        if stray:
            raise ImproperlyConfigured(
                f"{', '.join(stray)} set but MEDIA_STORAGE is not s3: set MEDIA_STORAGE=s3 "
                "to keep media in the bucket, or unset them to keep media on the local disk."
            )
        local = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        return {"default": local, "renditions": local}
    if storage != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE is local, s3 or unset, not {storage!r}.")
    if not values["MEDIA_S3_BUCKET"]:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET, the name of the bucket for media."
        )
    if bool(values["MEDIA_S3_ACCESS_KEY_ID"]) != bool(values["MEDIA_S3_SECRET_ACCESS_KEY"]):
        raise ImproperlyConfigured(
            "Set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither (the "
            "server's own AWS credentials, e.g. AWS_ACCESS_KEY_ID or an instance role)."
        )
    endpoint = values["MEDIA_S3_ENDPOINT_URL"].rstrip("/")
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            "MEDIA_S3_ENDPOINT_URL is the S3 server's address, e.g. https://s3.example.net."
        )
    domain = values["MEDIA_S3_CUSTOM_DOMAIN"]
    if "/" in domain:
        raise ImproperlyConfigured(
            "MEDIA_S3_CUSTOM_DOMAIN is a host name alone, e.g. media.example.org (served over "
            "https)."
        )
    style = values["MEDIA_S3_ADDRESSING_STYLE"].lower()
    if style not in ("", "auto", "path", "virtual"):
        raise ImproperlyConfigured("MEDIA_S3_ADDRESSING_STYLE is path, virtual or auto.")
    common = {
        "bucket_name": values["MEDIA_S3_BUCKET"],
        "endpoint_url": endpoint or None,
        "region_name": values["MEDIA_S3_REGION"] or None,
        "access_key": values["MEDIA_S3_ACCESS_KEY_ID"] or None,
        "secret_key": values["MEDIA_S3_SECRET_ACCESS_KEY"] or None,
        "addressing_style": style or None,
        # Never replace a file of the same name: two photos called IMG_0001.jpg stay two.
        "file_overwrite": False,
        # No ACL is sent: objects are as private as the bucket (S3's default), and buckets
        # that refuse ACLs (AWS's default since 2023) accept the uploads.
        "default_acl": None,
        # A file read back (a document being sent, an original being resized) is kept in
        # memory up to this size, then in a temporary file: never under MEDIA_ROOT.
        "max_memory_size": 8 * 1024 * 1024,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "querystring_auth": True,
                "querystring_expire": 300,
                # Documents reach visitors through Wagtail's view only; should an address
                # to the object itself ever be given out, it is a download, not a page.
                "object_parameters": {"ContentDisposition": "attachment"},
            },
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "querystring_auth": False,
                "custom_domain": domain or None,
                "object_parameters": {"CacheControl": RENDITION_CACHE_CONTROL},
            },
        },
    }


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so that their templates and admin URL overrides win.
    "home",
    "news",
    "events",
    "search",
    "translations",
    "pages",
    "partners",
    "organizations",
    "core",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "organizations.apps.OrganizationUsersConfig",  # wagtail.users, groups by organization
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a stored page is served before anything else runs, and stored with the headers
    # all the others add (in production config/wsgi.py serves it even before Django).
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "organizations.middleware.OrganizationLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "organizations.context_processors.organization",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default so that a newcomer needs no server;
# DATABASE_URL (postgresql://…) switches to PostgreSQL, as in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker (`make run`) write to one file: a transaction takes
    # the write lock when it begins, waiting up to 20 s for the other, instead of failing at
    # once ("database is locked") when its first read turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Polish is the default; every organization publishes in a subset of these.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", "Polski"),
    ("uk", "Українська"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate" makes a draft for the translators, as README says; wagtail-localize would
# publish it at once when the original is live, showing visitors the untranslated original
# under the translation's address (and refusing nothing, whatever the organization chose).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Warsaw"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    **media_storages_from_env(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Renditions in STORAGES["renditions"], which follows the STORAGES setting as Django's
# default storage does (core.storage).
WAGTAILIMAGES_RENDITION_STORAGE = "core.storage.get_rendition_storage"

# A cache shared by every app process (Redis in production); the local-memory
# cache is enough for a single development process.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous visitors' pages are kept whole this long at most (core.page_cache); 0: off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# A cache in front (Varnish, nginx): purged with an HTTP PURGE of each page published or
# unpublished (wagtail.contrib.frontend_cache); unset, nothing is purged.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail marks its preview views SAMEORIGIN itself; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")

# Background work: e-mails (core.tasks) and Wagtail's own tasks (search and reference index
# updates, image focal points, front-end cache purges) are written to the database in the
# transaction that asks for them and run by `manage.py db_worker` (django-tasks-db), never
# inside a visitor's request. `make run` starts a worker; in production a systemd unit does
# (README, "Running in production").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Foundation CMS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# PostgreSQL's "simple" text-search configuration, no English stemming of Polish and
# Ukrainian: the pages' lemma field (core.lemmas) does the language work, the same on SQLite.
# After changing it, `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "simple"},
}
# Raster formats only, each checked by its content (Willow). No SVG: an SVG file is a
# document that can carry scripts, and it would run with the session of whoever opens it
# from /media/ (an administrator). Wagtail's own default adds AVIF.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The most pixels (width × height) an image may have: a phone's photo has 12 million, a
# 24-megapixel camera's fits; one rendition of an 8000 × 5000 photo takes about 2 s and
# 300 MB, one of 11,000 × 11,000 (which Wagtail's default, 128 million, lets in as a PNG
# of a few KB) 3-5 s and 650-900 MB. The admin refuses a larger upload with a message
# saying what to do (core.image_uploads); Pillow will not open one stored before
# (CoreConfig.ready).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "40000000"))
if WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 0:
    raise ImproperlyConfigured("IMAGE_MAX_PIXELS is a number of pixels, e.g. 40000000.")
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_uploads.ImageForm"
# Documents are served by Wagtail's view (never straight from /media/, see
# home.views.serve_media), which checks a collection's privacy, sends every type but PDF
# as a download and forbids scripts (Content-Security-Policy: default-src 'none';
# X-Content-Type-Options: nosniff).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: that would send a hash of every editor's e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Off unless MACHINE_TRANSLATION is set (translations.machine).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

# The password of the demo administrator made by `manage.py demo`; production refuses it.
DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "admin-demo-password"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

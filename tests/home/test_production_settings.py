"""config.settings.production: secrets from the environment, dev defaults refused."""

import os
import subprocess
import sys
import tempfile

import pytest
from django.conf import settings

STRONG_KEY = "k3Q9v!x7Lm2#Rt8Wz5Yp1Nb6Hc4Jd0Fg-a9S8d7F6g5H4j3K2l1ZxCvBnMqWeRtY"


def run_manage(*args, **env):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_ALLOWED_HOSTS": "m6.example.org,konsorcjum.example.org",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/production-check.sqlite3"
        ),
        "WAGTAILADMIN_BASE_URL": "https://cms.example.org",
        "DJANGO_SECRET_KEY": STRONG_KEY,
        **env,
    }
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_refuses_the_development_secret_key():
    from config.settings.dev import DEV_SECRET_KEY

    result = run_manage("check", DJANGO_SECRET_KEY=DEV_SECRET_KEY)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is the development key or too weak" in result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_refuses_to_start_without_required_environment(missing):
    result = run_manage("check", **{missing: None})
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_refuses_to_build_demo_content():
    result = run_manage("demo")
    assert result.returncode != 0
    assert "not for production" in result.stderr


@pytest.mark.django_db
def test_refuses_to_start_while_a_user_has_the_demo_password(django_user_model, settings):
    from django.core.exceptions import ImproperlyConfigured

    from home.checks import demo_password_not_in_use
    from home.security import refuse_demo_credentials

    settings.REFUSE_DEMO_CREDENTIALS = True
    django_user_model.objects.create_superuser("admin", "a@example.org", "a-long-unique-pass")
    refuse_demo_credentials()  # a real password: starts
    assert demo_password_not_in_use(None) == []

    django_user_model.objects.create_superuser(
        "boss", "b@example.org", settings.DEMO_ADMIN_PASSWORD
    )
    with pytest.raises(ImproperlyConfigured, match="boss"):
        refuse_demo_credentials()
    assert [error.id for error in demo_password_not_in_use(None)] == ["home.E001"]


def test_database_connections_are_kept_and_checked_unless_told_otherwise():
    show = (
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.db import connection; "
        "print(connection.settings_dict['CONN_MAX_AGE'], connection.settings_dict['CONN_HEALTH_CHECKS'])",
    )

    assert run_manage(*show).stdout.split() == ["60", "True"]
    assert run_manage(*show, DATABASE_CONN_MAX_AGE="0").stdout.split() == ["0", "True"]


S3_MEDIA = {
    "MEDIA_STORAGE": "s3",
    "MEDIA_S3_BUCKET": "cms-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
    "MEDIA_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "MEDIA_S3_SECRET_ACCESS_KEY": "example-secret",
}


def test_keeps_media_in_the_bucket_when_told_to():
    show = (
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.core.files.storage import default_storage; "
        "from wagtail.images.models import Rendition; "
        "print(default_storage.__class__.__name__, "
        "Rendition._meta.get_field('file').storage.__class__.__name__)",
    )

    assert run_manage(*show).stdout.split() == ["FileSystemStorage", "FileSystemStorage"]
    assert run_manage(*show, **S3_MEDIA).stdout.split() == ["S3Storage", "S3Storage"]
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **S3_MEDIA)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET"),
        ({**S3_MEDIA, "MEDIA_STORAGE": None}, "MEDIA_S3_BUCKET, MEDIA_S3_ENDPOINT_URL"),
    ],
)
def test_refuses_to_start_with_half_configured_media_storage(environment, message):
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert message in result.stderr


WSGI_START = """
import sys
from django.db import connections
import config.wsgi
print(type(config.wsgi.application).__name__)
print(all(connection.connection is None for connection in connections.all()))
print("config.urls" in sys.modules, "django_redis.client" in sys.modules)
"""


def test_the_wsgi_application_starts_warm_serves_stored_pages_first_and_leaves_no_connection():
    """What gunicorn --preload loads once before forking its workers (config/wsgi.py): the
    page cache's fast path around Django, the URL patterns (views) and the cache client
    already imported, and no database connection a forked worker would share."""
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        WSGI_START,
        REDIS_URL="redis://127.0.0.1:6379/0",
        PAGE_CACHE_SECONDS="300",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["FastPath", "True", "True", "True"]

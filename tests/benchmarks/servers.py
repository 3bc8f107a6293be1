"""What `make bench` runs the site on: a PostgreSQL database of its own, Redis, gunicorn
with production settings, and wrk to drive it. No Django import here: this module sets up
the environment Django is then started with (tests/benchmarks/serve.py)."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2

BASE_DIR = Path(__file__).resolve().parent.parent.parent
WORK_DIR = BASE_DIR / ".bench"
GUNICORN = Path(sys.executable).parent / "gunicorn"


def knob(name, default):
    """A BENCH_* environment variable, or its default (of the default's type)."""
    value = os.environ.get(f"BENCH_{name}")
    return default if value is None else type(default)(value)


DATABASE_URL = knob("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench")
REDIS_URL = knob("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHE_PREFIX = knob("CACHE_PREFIX", "bench")
PORTS = (knob("PORT", 8100), knob("PORT", 8100) + 1)
WORKERS = knob("WORKERS", 2)
# The sites answer as behind a TLS proxy: their port, and every request says https.
SITE_PORT = 443
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def environment(page_cache_seconds=300):
    """The environment of every process of the bench (the web servers, the commands, the
    bench itself): production settings, with values that are the bench's own."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # Made anew for each run: a bench secret, never a real one.
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": ".localhost,127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": CACHE_PREFIX,
        "WAGTAILADMIN_BASE_URL": "https://volume-1.localhost",
        "DJANGO_MEDIA_ROOT": str(WORK_DIR / "media"),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "LOG_LEVEL": "WARNING",
    }


SECRET_KEY = f"bench-only-{secrets.token_urlsafe(48)}"


# The database


@contextmanager
def _maintenance(url):
    """A cursor on the server's `postgres` database, in autocommit (CREATE DATABASE)."""
    parts = urlsplit(url)
    connection = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def _run(*args, env=None):
    subprocess.run(args, cwd=BASE_DIR, env=env or environment(), check=True)


def manage(*args, env=None):
    _run(sys.executable, "manage.py", *args, env=env)


def fresh_database():
    """An empty, migrated database: a copy of `<name>_template`, which is made (and
    migrated, a minute) once and brought up to date on each run (seconds)."""
    name = urlsplit(DATABASE_URL).path.lstrip("/")
    template = f"{name}_template"
    template_url = urlunsplit(urlsplit(DATABASE_URL)._replace(path=f"/{template}"))
    with _maintenance(DATABASE_URL) as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{template}"')
    manage("migrate", "--noinput", "-v0", env={**environment(), "DATABASE_URL": template_url})
    with _maintenance(DATABASE_URL) as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


# Web servers


def _wait_for_port(port, deadline):
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise RuntimeError(f"Nothing listens on port {port}: see {WORK_DIR}/gunicorn-{port}.log")


@dataclass
class Memory:
    rss: float  # MiB each worker holds
    pss: float  # MiB, with the pages it shares with the other workers divided among them


class Server:
    """gunicorn serving config.wsgi, as production would (README, Production): `WORKERS`
    sync workers, the application loaded once before they are forked (--preload)."""

    def __init__(self, port, page_cache_seconds):
        self.port = port
        self.env = environment(page_cache_seconds)
        self.process = None
        self.started_in = None

    def __enter__(self):
        log = WORK_DIR / f"gunicorn-{self.port}.log"
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "config.wsgi:application",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{self.port}",
                "--preload",
                "--timeout=120",
                f"--error-logfile={log}",
                "--log-level=warning",
            ],
            cwd=BASE_DIR,
            env=self.env,
        )
        # With --preload the port opens once the application is loaded.
        _wait_for_port(self.port, started + 60)
        self.started_in = time.monotonic() - started
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def memory(self):
        """The memory of its busiest worker."""
        found = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            pss = int(re.search(r"Pss:\s+(\d+)", rollup).group(1))
            found.append(Memory(rss / 1024, pss / 1024))
        return max(found, key=lambda memory: memory.rss)


# Load


@dataclass
class Load:
    requests_per_second: float
    p50: float  # milliseconds
    p99: float
    requests: int
    errors: int  # socket errors and timeouts
    failed: int  # answers other than 2xx or 3xx


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port, host, path, seconds, connections, headers):
    """wrk's measurement of GET `path` on `host`, from one thread over `connections`."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout=20s", "--latency"]
    for name, value in {"Host": host, **headers}.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    with (WORK_DIR / "wrk.log").open("a") as log:
        log.write(output)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk measured no latency for {host}{path}:\n{output}")
    socket_errors = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50=_milliseconds(latency["50"]),
        p99=_milliseconds(latency["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        errors=sum(int(count) for count in socket_errors.groups()) if socket_errors else 0,
        failed=int(failed.group(1)) if failed else 0,
    )

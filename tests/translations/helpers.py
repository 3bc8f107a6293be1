"""Helpers for the translation workflow's tests: translations started as wagtail-localize's
"Translate" starts them, PO files read, changed and checked as a translator's tool would, and a
stand-in for a LibreTranslate server on the loopback interface (a real HTTP server speaking
LibreTranslate's API, POST /translate and GET /languages, so that wagtail-localize's client is
tested as it runs in production)."""

import contextlib
import json
import socket
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from config.settings.base import machine_translator_from_env


def in_admin_language(user, code):
    """The user, with the admin in `code` (their account settings)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


def locale(code):
    return Locale.objects.get(language_code=code)


def start_translation(instance, code, user=None):
    """wagtail-localize's Translate: the draft translation to fill, segment by segment."""
    TranslationCreator(user, [locale(code)]).create_translations(instance)
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale(code)
    )


def read_po(content):
    """A downloaded PO file (bytes) as polib reads it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.po"
        path.write_bytes(content)
        return polib.pofile(str(path))


def msgfmt_check(content):
    """GNU msgfmt --check on the file: (return code, what it said)."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", "-"],
        input=content,
        capture_output=True,
        check=False,
    )
    return result.returncode, result.stderr.decode()


def po_upload(content, name="translated.po"):
    return SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")


def translate_all(po, prefix="UK"):
    """Every entry translated as `prefix: <original>`; the file as bytes."""
    for entry in po:
        entry.msgstr = f"{prefix}: {entry.msgid}"
    return str(po).encode()


def translations_into(code):
    """{(original text, context path): translation} of every string translated into `code`."""
    return {
        (string.translation_of.data, string.context.path): string.data
        for string in StringTranslation.objects.filter(locale__language_code=code).select_related(
            "translation_of", "context"
        )
    }


LANGUAGES = [
    {"code": "pl", "name": "Polish", "targets": ["en", "pl", "uk"]},
    {"code": "uk", "name": "Ukrainian", "targets": ["en", "pl", "uk"]},
    {"code": "en", "name": "English", "targets": ["en", "pl", "uk"]},
]


def machine_text(target, text):
    """What the stand-in answers for `text`: recognisably machine-made and in `target`."""
    return f"[{target}] {text}"


class LibreTranslateStandIn:
    """Answers as LibreTranslate does, or, by `mode`, fails as a real server can:
    "error" (HTTP 500 with LibreTranslate's JSON error), "slow" (no answer until the test
    ends), "garbled" (an answer that is not the API's), "short" (fewer texts than asked).
    Every request is kept in `requests` as (method, path, body)."""

    def __init__(self, api_key=""):
        self.api_key = api_key
        self.mode = "ok"
        self.requests = []
        self.release = threading.Event()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, body, content_type="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                # After a timeout the client has gone: nothing to answer.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)

            def do_GET(self):
                stand_in.requests.append(("GET", self.path, None))
                if self.path.split("?")[0] == "/languages":
                    self.answer(200, LANGUAGES)
                else:
                    self.answer(404, {"error": "Not Found"})

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    body = json.loads(raw or b"{}")
                else:
                    body = {key: values[-1] for key, values in parse_qs(raw.decode()).items()}
                stand_in.requests.append(("POST", self.path, body))
                if self.path != "/translate":
                    return self.answer(404, {"error": "Not Found"})
                if stand_in.api_key and body.get("api_key") != stand_in.api_key:
                    return self.answer(403, {"error": "Invalid API key"})
                if stand_in.mode == "slow":
                    stand_in.release.wait(10)
                    return self.answer(200, {"translatedText": []})
                if stand_in.mode == "error":
                    return self.answer(500, {"error": "Translation engine crashed"})
                if stand_in.mode == "garbled":
                    return self.answer(200, b"<html>Bad gateway</html>", "text/html")
                texts = body.get("q")
                target = body.get("target")
                if not texts or target not in {language["code"] for language in LANGUAGES}:
                    return self.answer(400, {"error": "Invalid request"})
                if isinstance(texts, str):
                    return self.answer(200, {"translatedText": machine_text(target, texts)})
                translated = [machine_text(target, text) for text in texts]
                if stand_in.mode == "short":
                    translated = translated[:-1]
                return self.answer(200, {"translatedText": translated})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def translate_requests(self):
        return [body for method, path, body in self.requests if path == "/translate"]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def closed_port_url():
    """The address of a loopback port where nothing listens (a server that is down)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def libretranslate_setting(url, api_key="", timeout="2"):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as the settings make it from the environment."""
    return machine_translator_from_env(
        {
            "MACHINE_TRANSLATION": "libretranslate",
            "LIBRETRANSLATE_URL": url,
            "LIBRETRANSLATE_API_KEY": api_key,
            "MACHINE_TRANSLATION_TIMEOUT": timeout,
        }
    )

"""Helpers for the translation workflow's tests: translations started as wagtail-localize's
"Translate" starts them, PO files read, changed and checked as a translator's tool would, and
stand-ins for a LibreTranslate server and for DeepL's API on the loopback interface (real HTTP
servers speaking each API, so that wagtail-localize's clients are tested as they run in
production)."""

import contextlib
import html
import json
import re
import socket
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import polib
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
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


# The translation editor of a page sent for translation into Ukrainian, and its machine
# translation.


def english_admin(user):
    """A client logged in as `user`, with the admin in English."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def translation_of(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="uk"
    )


def ukrainian(page):
    return page.get_translation(Locale.objects.get(language_code="uk")).specific


def editor_url(page):
    return reverse("wagtailadmin_pages:edit", args=[ukrainian(page).pk])


def machine_translate_url(page):
    return reverse("wagtail_localize:machine_translate", args=[translation_of(page).pk])


def editor_props(response):
    """The props wagtail-localize's translation editor is drawn from."""
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert found, "not the translation editor"
    return json.loads(html.unescape(found.group(1)))


def messages_of(response, level):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == level]


def stored(page):
    """{source text: (translation, type, tool)} of the Ukrainian translation."""
    return {
        segment.string.data: (t.data, t.translation_type, t.tool_name)
        for segment in StringSegment.objects.filter(
            source__object_id=page.translation_key
        ).select_related("string")
        for t in StringTranslation.objects.filter(
            translation_of=segment.string,
            context=segment.context,
            locale__language_code="uk",
        )
    }


def translate_by_hand(page, text, translated, user=None):
    segment = StringSegment.objects.select_related("string", "context").get(
        source__object_id=page.translation_key, string__data=text
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code="uk"),
        context=segment.context,
        data=translated,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=user,
    )


def machine_translate(client, page):
    return client.post(machine_translate_url(page), {"next": editor_url(page)})


def assert_reported_and_nothing_changed(response, page, said):
    """A machine translation that failed: the translator is back in the editor with `said`
    and what to do, and no translation was stored."""
    assert response.status_code == 302
    assert response["Location"] == editor_url(page)
    [error] = messages_of(response, "error")
    assert error == said + " Nothing was changed. Try again later, or translate by hand."
    assert stored(page) == {}


LANGUAGES = [
    {"code": "pl", "name": "Polish", "targets": ["en", "pl", "uk"]},
    {"code": "uk", "name": "Ukrainian", "targets": ["en", "pl", "uk"]},
    {"code": "en", "name": "English", "targets": ["en", "pl", "uk"]},
]


def machine_text(target, text):
    """What the stand-in answers for `text`: recognisably machine-made and in `target`."""
    return f"[{target}] {text}"


class StandInServer:
    """An HTTP server on 127.0.0.1 (an ephemeral port) answering as a translation service's
    API does (`answer_get`, `answer_post` of a subclass), or, by `mode`, failing as a real
    one can: "error" (HTTP 500 with the service's JSON error), "slow" (no answer until the
    test ends), "garbled" (an answer that is not the API's), "short" (fewer texts than
    asked). Every request is kept in `requests` as (method, path, body)."""

    def __init__(self, api_key=""):
        self.api_key = api_key
        self.mode = "ok"
        self.requests = []
        self.headers = []
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
                stand_in.headers.append(dict(self.headers))
                self.answer(*stand_in.answer_get(self.path.split("?")[0]))

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    body = json.loads(raw or b"{}")
                else:
                    body = {
                        key: values if len(values) > 1 else values[-1]
                        for key, values in parse_qs(raw.decode()).items()
                    }
                stand_in.requests.append(("POST", self.path, body))
                stand_in.headers.append(dict(self.headers))
                if stand_in.mode == "slow":
                    stand_in.release.wait(10)
                self.answer(*stand_in.answer_post(self.path, self.headers, body))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer_get(self, path):
        return 404, {"error": "Not Found"}

    def answer_post(self, path, headers, body):
        return 404, {"error": "Not Found"}

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class LibreTranslateStandIn(StandInServer):
    """Answers as LibreTranslate does: POST /translate (JSON or a form, the key in the body),
    GET /languages."""

    def answer_get(self, path):
        if path == "/languages":
            return 200, LANGUAGES
        return 404, {"error": "Not Found"}

    def answer_post(self, path, headers, body):
        if path != "/translate":
            return 404, {"error": "Not Found"}
        if self.api_key and body.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}
        if self.mode == "slow":
            return 200, {"translatedText": []}
        if self.mode == "error":
            return 500, {"error": "Translation engine crashed"}
        if self.mode == "garbled":
            return 200, b"<html>Bad gateway</html>", "text/html"
        texts = body.get("q")
        target = body.get("target")
        if not texts or target not in {language["code"] for language in LANGUAGES}:
            return 400, {"error": "Invalid request"}
        if isinstance(texts, str):
            return 200, {"translatedText": machine_text(target, texts)}
        translated = [machine_text(target, text) for text in texts]
        if self.mode == "short":
            translated = translated[:-1]
        return 200, {"translatedText": translated}

    def translate_requests(self):
        return [body for method, path, body in self.requests if path == "/translate"]


# A key of DeepL's free API, as the stand-in expects it.
DEEPL_KEY = "0c4e1a2b-stand-in:fx"

# What DeepL's API translates from and into (GET /v2/languages), of the languages used here.
DEEPL_SOURCES = {"PL", "UK", "EN"}
DEEPL_TARGETS = {"PL", "UK", "EN", "EN-GB", "EN-US"}


class DeepLStandIn(StandInServer):
    """Answers as DeepL's API v2 does: POST /v2/translate, a form with the texts as repeated
    `text` fields, the key in the `Authorization: DeepL-Auth-Key …` header; a wrong key is
    refused with HTTP 403, a spent quota (mode "quota") with HTTP 456, each with DeepL's
    JSON `message`."""

    def answer_post(self, path, headers, body):
        if path != "/v2/translate":
            return 404, {"message": "Not found"}
        if headers.get("Authorization") != f"DeepL-Auth-Key {self.api_key}":
            return 403, {"message": "Authorization failure, check auth_key"}
        if self.mode == "slow":
            return 200, {"translations": []}
        if self.mode == "error":
            return 500, {"message": "Internal server error"}
        if self.mode == "quota":
            return 456, {"message": "Quota exceeded"}
        if self.mode == "garbled":
            return 200, b"<html>Bad gateway</html>", "text/html"
        texts = body.get("text")
        texts = [texts] if isinstance(texts, str) else texts
        if not texts:
            return 400, {"message": "Parameter 'text' not specified."}
        source, target = body.get("source_lang"), body.get("target_lang")
        if source not in DEEPL_SOURCES or target not in DEEPL_TARGETS:
            return 400, {"message": "Value for 'target_lang' not supported."}
        translated = [
            {"detected_source_language": source, "text": machine_text(target.lower(), text)}
            for text in texts
        ]
        if self.mode == "short":
            translated = translated[:-1]
        return 200, {"translations": translated}

    def translate_requests(self):
        return [body for method, path, body in self.requests if path == "/v2/translate"]


def closed_port_url():
    """The address of a loopback port where nothing listens (a server that is down)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def deepl_setting(url, api_key, timeout="2"):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for DeepL, as the settings make it from the
    environment, its API at `url`."""
    return machine_translator_from_env(
        {
            "MACHINE_TRANSLATION": "deepl",
            "DEEPL_API_KEY": api_key,
            "DEEPL_API_URL": url,
            "MACHINE_TRANSLATION_TIMEOUT": timeout,
        }
    )


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

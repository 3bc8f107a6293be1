"""A stand-in for a LibreTranslate server, on the loopback interface, for the machine
translation tests: a real HTTP server speaking LibreTranslate's API (POST /translate,
GET /languages), so that wagtail-localize's client is tested as it runs in production."""

import contextlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from config.settings.base import machine_translator_from_env

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

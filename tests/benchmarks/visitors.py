"""The people of the bench, over real HTTP connections to its servers: visitors who read and
register, an editor who publishes. Each comes from a loopback address of its own
(127.x.y.z), as different people come from different addresses, keeps its cookies, and
talks to the server as a browser does behind the TLS proxy (X-Forwarded-Proto: https)."""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit
from uuid import uuid4

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from tests.benchmarks.servers import PROXY_HEADERS


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode()


def address(number):
    """The number-th loopback address after 127.1.0.0 (Linux answers on all of 127/8)."""
    return f"127.{1 + number // 62500}.{number // 250 % 250}.{number % 250 + 1}"


class Visitor:
    """One browser: its address, its cookies, one site (host) on one server (port)."""

    def __init__(self, port, host, number=0):
        self.port, self.host, self.address = port, host, address(number)
        self.cookies = {}

    def on(self, port):
        """The same browser (address and cookies), talking to another server."""
        other = Visitor(port, self.host)
        other.address, other.cookies = self.address, self.cookies
        return other

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=120, source_address=(self.address, 0)
        )
        sent = {"Host": self.host, "Accept-Language": "pl", **PROXY_HEADERS, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{self.host}"
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Answer(response.status, response.headers, content, seconds)

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, data):
        return self.request("POST", path, data=data)

    def form(self, path, action_contains):
        """(action, {name: [values]}) of the form on the page at `path` whose action has
        `action_contains`, as the browser would send it untouched."""
        page = self.get(path)
        forms = BeautifulSoup(page.text, "html.parser").find_all("form")
        for index, form in enumerate(forms):
            action = form.get("action") or path
            if action_contains in action:
                found = querydict_from_html(page.text, form_index=index, exclude_csrf=False)
                return urlsplit(action).path, dict(found.lists())
        raise LookupError(f"No form with {action_contains!r} in its action on {path}")


# Registering


def registration_form(visitor, event_path, number):
    """The registration form of the event, filled in by person `number`."""
    action, fields = visitor.form(event_path, "register")
    fields["name"] = f"Osoba {number}"
    fields["email"] = f"osoba-{number}-{uuid4().hex[:8]}@example.org"
    fields["consent"] = "on"
    return action, fields


@dataclass
class Registrations:
    statuses: dict  # HTTP status: how many
    seconds: float  # from the first sent to the last answered
    p50: float  # milliseconds of one registration
    p99: float


def register_at_once(visitors, event_path, min_fill_seconds=3.2):
    """Each visitor opens the event's page, fills in the form, and all send it at the same
    moment (after the time a person needs to fill it in, which the form checks)."""
    forms = [registration_form(visitor, event_path, n) for n, visitor in enumerate(visitors)]
    time.sleep(min_fill_seconds)
    answers = [None] * len(visitors)
    ready = threading.Barrier(len(visitors) + 1)

    def send(index):
        ready.wait()
        action, fields = forms[index]
        answers[index] = visitors[index].post(action, fields)

    threads = [threading.Thread(target=send, args=(index,)) for index in range(len(visitors))]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    ready.wait()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    statuses = {}
    for answer in answers:
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
    times = sorted(answer.seconds * 1000 for answer in answers)
    return Registrations(
        statuses, seconds, statistics.median(times), times[int(len(times) * 0.99) - 1]
    )


# Editing


def log_in(visitor, username, password):
    action, fields = visitor.form("/admin/login/", "login")
    fields.update(username=username, password=password)
    answer = visitor.post(action, fields)
    if answer.status != 302 or "sessionid" not in visitor.cookies:
        raise RuntimeError(f"Logging in as {username} failed ({answer.status})")


def stream_fields(prefix, stream):
    """A stream of rich text and struct blocks as the admin's StreamField editor posts it."""
    fields = {f"{prefix}-count": str(len(stream))}
    for index, block in enumerate(stream):
        at = f"{prefix}-{index}"
        fields.update(
            {
                f"{at}-type": block["type"],
                f"{at}-deleted": "",
                f"{at}-order": str(index),
                f"{at}-id": block.get("id") or str(uuid4()),
            }
        )
        if isinstance(block["value"], dict):
            fields.update({f"{at}-value-{key}": value for key, value in block["value"].items()})
        else:
            fields[f"{at}-value"] = rich_text(block["value"])
    return fields


def publish(editor, page, **changes):
    """The editor opens the page in the admin, changes fields and presses Publish; the
    answer to that press (a redirect, once published)."""
    edit = f"/admin/pages/{page.pk}/edit/"
    page_form = editor.get(edit)
    found = querydict_from_html(page_form.text, form_id="page-edit-form", exclude_csrf=False)
    fields = dict(found.lists())
    fields.update(stream_fields("body", list(page.body.raw_data)))
    fields.update(changes)
    fields["action-publish"] = "action-publish"
    return editor.post(edit, fields)

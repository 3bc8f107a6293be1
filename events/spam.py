"""Keeping bots and floods out of the registration form without getting in a person's way.

Three checks, each refused with a message that says what to do, and the form kept filled:

- a honeypot: a text field people do not see (moved off screen with CSS, skipped by the Tab
  key, labelled "Leave this field empty" for a screen reader that reaches it); bots fill
  every field;
- a minimum fill time: the form carries a signed moment of when it was shown, and a form
  sent back sooner than a person could fill it is refused;
- a rate limit per IP address, per event and overall, counted in Django's cache (Redis in
  production, shared by every process of every app server).

The IP address is REMOTE_ADDR. Behind a reverse proxy or load balancer, REMOTE_ADDR must be
made the visitor's address before Django sees the request: e.g. the PROXY protocol (gunicorn
`--proxy-protocol`, with `--proxy-allow-from` set to the balancer), or a middleware that takes
X-Forwarded-For only from requests that come from the proxy's own address. X-Forwarded-For is
never read here: any visitor can send it. Without that set-up, all visitors share the proxy's
address, and the overall limit soon refuses everyone.
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

# The honeypot's field name: a word bots like to fill in.
HONEYPOT_FIELD = "website"
FILL_TIME_SALT = "events.spam.fill-time"

# A person needs more than this to read and fill the form; a bot sends it at once.
DEFAULT_MIN_FILL_SECONDS = 3
# (number of registrations, in seconds): per visitor's address and event, and per address
# over all events of the installation.
DEFAULT_RATE_LIMITS = {"event": (5, 10 * 60), "overall": (20, 60 * 60)}


def min_fill_seconds():
    return getattr(settings, "REGISTRATION_MIN_FILL_SECONDS", DEFAULT_MIN_FILL_SECONDS)


def rate_limits():
    return {**DEFAULT_RATE_LIMITS, **getattr(settings, "REGISTRATION_RATE_LIMITS", {})}


# --- Minimum fill time -----------------------------------------------------------------


def fill_time_token(now=None):
    """The signed moment the form was shown (with a random part, so that every form's
    token is its own)."""
    moment = time.time() if now is None else now
    return signing.dumps({"t": round(moment, 3), "n": secrets.token_hex(4)}, salt=FILL_TIME_SALT)


def shown_at(token):
    """When the form with this token was shown, or None for a missing or forged token."""
    try:
        return float(signing.loads(token or "", salt=FILL_TIME_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def sent_too_soon(token, now=None):
    """True for a form sent back sooner than a person can, or without a genuine token."""
    moment = shown_at(token)
    if moment is None:
        return True
    return (time.time() if now is None else now) - moment < min_fill_seconds()


# --- Rate limit ------------------------------------------------------------------------


def client_ip(request):
    """The visitor's address as the server (or the trusted proxy in front of it) saw it."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _address_key(request):
    # Addresses are kept in the cache only as a keyed hash.
    return salted_hmac("events.spam.rate-limit", client_ip(request)).hexdigest()[:32]


def _window_keys(request, event_pk, now):
    address = _address_key(request)
    limits = rate_limits()
    keys = {}
    for scope, (allowed, seconds) in limits.items():
        window = int(now // seconds)
        where = f"event-{event_pk}" if scope == "event" else "all"
        keys[f"registration-rate:{where}:{address}:{window}"] = (allowed, seconds)
    return keys


def rate_limited(request, event_pk, now=None):
    """True when this address has registered as often as it may for now."""
    keys = _window_keys(request, event_pk, time.time() if now is None else now)
    counted = cache.get_many(list(keys))
    return any(counted.get(key, 0) >= allowed for key, (allowed, _seconds) in keys.items())


def count_registration(request, event_pk, now=None):
    """Count one registration of this address (for the event and overall)."""
    keys = _window_keys(request, event_pk, time.time() if now is None else now)
    for key, (_allowed, seconds) in keys.items():
        # add() sets the counter only if it is not there; incr() is atomic in Redis.
        cache.add(key, 0, timeout=seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=seconds)

"""What a request asks the database for more than once, and that does not change while it is
served, asked once per request.

Wagtail asks for the active locale each time a page is `localized` (every link in rich text,
every button to a page), and for every view restriction of the installation each time a list
of pages is made public (`PageQuerySet.public()`: the menu, the latest news, the upcoming
events, the feeds' links). Each was a query every time; here each is remembered from the
first time until the request is finished. Outside a request (commands, the task worker)
nothing is remembered: they ask the database as Wagtail does.

A view restriction added, changed or removed during a request (in the admin) is forgotten at
once, so the rest of that request sees it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction
from wagtail.query import PageQuerySet

_remembered = ContextVar("remembered_in_the_request", default=None)

VIEW_RESTRICTIONS = "view-restrictions"


def remembered(key, look_up):
    """`look_up()`, once per request for `key`."""
    memo = _remembered.get()
    if memo is None:
        return look_up()
    if key not in memo:
        memo[key] = look_up()
    return memo[key]


def forget(key):
    memo = _remembered.get()
    if memo is not None:
        memo.pop(key, None)


@contextmanager
def one_request():
    """What is asked inside is remembered as in one request (tests, and anything that
    serves like a request without Django's request signals)."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def _start(**kwargs):
    _remembered.set({})


def _finish(**kwargs):
    _remembered.set(None)


_wagtail_get_active = Locale.get_active.__func__


def _get_active_locale(cls):
    """Locale.get_active, once per language in a request."""
    return remembered(
        ("active-locale", translation.get_language()), lambda: _wagtail_get_active(cls)
    )


def _private_q(queryset):
    """PageQuerySet.private_q as Wagtail has it, with the view restrictions read once per
    request."""
    restrictions = remembered(
        VIEW_RESTRICTIONS, lambda: list(PageViewRestriction.objects.select_related("page"))
    )
    q = Q()
    for restriction in restrictions:
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    # Do not match any page if no private section exists.
    return q if q else Q(pk__in=[])


def _forget_view_restrictions(**kwargs):
    forget(VIEW_RESTRICTIONS)


def connect():
    """Called once, by CoreConfig.ready()."""
    Locale.get_active = classmethod(_get_active_locale)
    PageQuerySet.private_q = _private_q
    request_started.connect(_start, dispatch_uid="request-memo-start")
    request_finished.connect(_finish, dispatch_uid="request-memo-finish")
    for signal in (post_save, post_delete):
        signal.connect(
            _forget_view_restrictions,
            sender=PageViewRestriction,
            dispatch_uid=f"request-memo-view-restrictions-{signal}",
        )

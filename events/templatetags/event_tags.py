"""Dates of events in the page's language, marked up with <time>, the event's JSON-LD, and
the upcoming events on a home page."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from core.dates import WARSAW
from core.languages import content_language

from .. import views
from ..dates import format_datetime
from ..models import upcoming_events_for_home
from ..structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def registration_panel(context, event, shown_on=None):
    """What the registration section shows of `event` on the page `shown_on`: the
    visitor's outcome, the form, or why there is none (events.views.registration_panel)."""
    return views.registration_panel(context.get("request"), event, shown_on=shown_on)


def _machine_readable(value, all_day):
    local = timezone.localtime(value, WARSAW)
    return local.date().isoformat() if all_day else local.isoformat(timespec="minutes")


@register.simple_tag(takes_context=True)
def event_dates(context, event):
    """<time datetime="2023-12-14T09:30+01:00">14 grudnia 2023, 9:30</time>–<time …>15:30</time>

    In the language of the page being shown, so that a box on a Ukrainian page reads in
    Ukrainian even when the event has no Ukrainian translation.
    """
    starts, separator, ends = event.date_parts(content_language(context))
    first = format_html(
        '<time datetime="{}">{}</time>', _machine_readable(event.start, event.all_day), starts
    )
    if not ends:
        return first
    last = format_html(
        '<time datetime="{}">{}</time>', _machine_readable(event.end, event.all_day), ends
    )
    return format_html("{}{}{}", first, separator, last)


@register.simple_tag(takes_context=True)
def event_moment(context, value):
    """One moment, e.g. when registration opens, as <time>."""
    return format_html(
        '<time datetime="{}">{}</time>',
        _machine_readable(value, False),
        format_datetime(value, content_language(context)),
    )


@register.simple_tag
def json_ld(data):
    """The event's schema.org data as <script type="application/ld+json">, safely escaped."""
    return json_ld_script(data) if data else ""


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, home, exclude=None):
    """The next events of a home page's organization in its language, with a link to all;
    without `exclude` (the page the home page features above them)."""
    return upcoming_events_for_home(home, context.get("request"), exclude=exclude)

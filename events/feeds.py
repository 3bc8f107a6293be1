"""iCalendar (.ics): one event to add to a calendar, or an index's upcoming events to
subscribe to.

Times are given in Europe/Warsaw with its VTIMEZONE, all-day events as dates. An event
announced with only a start has no DTEND: RFC 5545 (3.6.1) reads a DTSTART date-time
without one as ending when it starts, and a DTSTART date as lasting that day. Neither
the meeting link nor anything else private goes into a calendar file.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from core.dates import WARSAW
from core.languages import mark_listed
from organizations.models import OrganizationSettings

from .choices import EventStatus

PRODUCT_ID = "-//Foundation CMS//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
STATUSES = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def _calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Warsaw")
    return calendar


def _host(request):
    return request.get_host().split(":")[0]


def _organizer(organization):
    if organization is None or not organization.contact_email:
        return None
    address = vCalAddress(f"mailto:{organization.contact_email}")
    address.params["cn"] = vText(organization.display_name)
    return address


def calendar_event(event, request, organization=None, now=None):
    """The event as a VEVENT, its texts in the page's language; an event listed in a
    calendar of another language (not yet translated) has that calendar's address and
    says which language it is in (see core.languages.mark_listed)."""
    listed_url = getattr(event, "listed_url", None)
    url = request.build_absolute_uri(listed_url) if listed_url else event.get_full_url(request)
    item = Event()
    item.add("uid", f"{event.translation_key}-{event.locale.language_code}@{_host(request)}")
    item.add("dtstamp", now or timezone.now())
    if event.all_day:
        item.add("dtstart", timezone.localtime(event.start, WARSAW).date())
        if event.end is not None:
            last = timezone.localtime(event.end, WARSAW).date()
            item.add("dtend", last + datetime.timedelta(days=1))  # the day after, as RFC 5545 says
    else:
        item.add("dtstart", timezone.localtime(event.start, WARSAW))
        if event.end is not None:
            item.add("dtend", timezone.localtime(event.end, WARSAW))
    marker = str(getattr(event, "listed_language_name", ""))
    item.add("summary", f"{event.title} ({marker})" if marker else event.title)
    item.add("status", STATUSES[event.status])
    item.add("url", url)
    with translation.override(event.locale.language_code):
        location = event.place_text() if event.takes_place_at_venue else ""
        if event.takes_place_online:
            location = f"{location} / {_('Online')}" if location else _("Online")
        description = [event.intro]
        if event.is_cancelled:
            description.insert(0, _("This event has been cancelled."))
        elif event.is_postponed:
            description.insert(
                0, _("This event has been postponed. The new date will be announced.")
            )
    if location:
        item.add("location", location)
    item.add("description", "\n\n".join(text for text in [*description, url] if text))
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    organizer = _organizer(organization)
    if organizer is not None:
        item.add("organizer", organizer)
    return item


def last_moment(event):
    """When the event ends, or starts if that is all that was announced."""
    return event.end or event.start


def _response(calendar, events, filename=None):
    if events:
        first = min(timezone.localtime(event.start, WARSAW).date() for event in events)
        last = max(timezone.localtime(last_moment(event), WARSAW).date() for event in events)
        # The time zone's rules for the years of the events, not the default 1970–2038.
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year, 1, 1),
            last_date=datetime.date(last.year + 1, 1, 1),
        )
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_calendar_response(event, request):
    """One event as a file to download: <slug>.ics."""
    organization = OrganizationSettings.for_page(event)
    calendar = _calendar()
    calendar.add("method", "PUBLISH")
    calendar.add_component(calendar_event(event, request, organization))
    return _response(calendar, [event], filename=f"{event.slug}.ics")


def index_calendar_response(index, request):
    """The index's upcoming events, for a calendar application to subscribe to."""
    organization = OrganizationSettings.for_page(index)
    name = f"{index.title} – {organization.display_name}" if organization else index.title
    show = organization is None or organization.show_untranslated
    events = list(
        index.upcoming_events(with_untranslated=show).defer_streamfields().select_related("locale")
    )
    mark_listed(events, index, index.get_url(request))
    calendar = _calendar(name)
    now = timezone.now()
    for event in events:
        calendar.add_component(calendar_event(event, request, organization, now=now))
    return _response(calendar, events)

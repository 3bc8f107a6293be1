"""An organization's list of events, with its filters and calendar feed, and the
upcoming events its home page shows."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.dates import WARSAW
from core.languages import children_in_language, mark_listed
from organizations.languages import shows_untranslated
from pages.models import BasePage

from ..feeds import index_calendar_response
from ..forms import EventFilterForm
from .event_page import EventPage

UPCOMING, PAST = "upcoming", "past"


class EventIndexPage(RoutablePageMixin, BasePage):
    """An organization's events: the coming ones soonest first, past ones apart, filters,
    and a calendar visitors can subscribe to."""

    events_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def published_events(self, with_untranslated=True):
        """Live, public events of this index in its language, in no particular order; with
        `with_untranslated`, also those of the original index not yet translated into it
        (see core.languages.children_in_language)."""
        return (
            EventPage.objects.filter(children_in_language(self, with_untranslated)).live().public()
        )

    def upcoming_events(self, now=None, with_untranslated=True):
        return self.published_events(with_untranslated).upcoming(now)

    def past_events(self, now=None, with_untranslated=True):
        return self.published_events(with_untranslated).past(now)

    def events(self, when=UPCOMING, month=None, format="", language="", now=None):
        """The events of the listing, ready to show: a fixed number of queries for any page."""
        found = self.past_events(now) if when == PAST else self.upcoming_events(now)
        return EventPage.for_listing(filter_events(found, month, format, language))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        when = PAST if request.GET.get("when") == PAST else UPCOMING
        show = shows_untranslated(request)
        if when == PAST:
            scope = self.past_events(with_untranslated=show)
        else:
            scope = self.upcoming_events(with_untranslated=show)
        form = EventFilterForm(
            request.GET,
            months=months_of(scope, descending=when == PAST),
            language=self.locale.language_code,
        )
        filters = form.filters()
        # From the same scope as the months: `public()` asks for the view restrictions
        # each time it is called.
        events = EventPage.for_listing(filter_events(scope, **filters))
        query = {"when": PAST} if when == PAST else {}
        query.update(form.query())
        shown = Paginator(events, self.events_per_page).get_page(request.GET.get("page"))
        mark_listed(shown, self, self.get_url(request))
        EventPage.with_availability(shown)
        context.update(
            events=shown,
            filter_form=form,
            when=when,
            is_filtered=bool(filters),
            filter_query=urlencode(query),
            event_index_url=self.get_url(request),
            calendar_url=self.calendar_url(request),
        )
        return context

    def calendar_url(self, request=None):
        """The address of this index's iCalendar feed of upcoming events."""
        url = self.get_url(request)
        return url + self.reverse_subpage("calendar") if url else None

    @path("ics/", name="calendar")
    def calendar(self, request):
        return index_calendar_response(self, request)


def filter_events(events, month=None, format="", language=""):
    if month is not None:
        events = events.in_month(month)
    if format:
        events = events.filter(format=format)
    if language:
        events = events.held_in(language)
    return events


def months_of(events, descending=False):
    """The months (first days, Warsaw time) in which the events start, for the filter."""
    return [
        moment.date()
        for moment in events.order_by().datetimes(
            "start", "month", order="DESC" if descending else "ASC", tzinfo=WARSAW
        )
    ]


def upcoming_events_for_home(home, request=None, count=3, exclude=None):
    """For a home page: the next `count` events of its organization in its language (but
    `exclude`, a page in any language, shown elsewhere on the page), and the address of the
    event index to see them all."""
    index = EventIndexPage.objects.child_of(home).live().select_related("locale").first()
    if index is None:
        return {"upcoming_events": [], "event_index_url": None}
    published = index.upcoming_events(with_untranslated=shows_untranslated(request))
    if exclude is not None:
        published = published.exclude(translation_key=exclude.translation_key)
    events = EventPage.with_availability(list(EventPage.for_listing(published)[:count]))
    index_url = index.get_url(request)
    return {
        "upcoming_events": mark_listed(events, index, index_url),
        "event_index_url": index_url,
    }

"""An event's page: when and where, in which languages, how to register, who organizes it,
and its calendar file; and the queries that list events."""

import datetime
import operator
from functools import cached_property, reduce
from typing import NamedTuple
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import ContactBlock
from core.dates import WARSAW
from core.images import prefetch_specs
from core.languages import served_parent_url, served_url
from pages.models import BasePage, HeroPhoto
from partners.blocks import PartnerStripBlock

from .. import pool, views
from ..choices import (
    EventFormat,
    EventLanguage,
    EventStatus,
    RegistrationMode,
    RegistrationState,
)
from ..dates import event_date_parts, format_event_dates
from ..feeds import event_calendar_response
from ..forms import EventPageForm
from ..structured_data import event_json_ld

# The renditions a card may show, in the grid, the schedule or featured on a home page, in
# every format (core.images): fetched with the events, one query for them all.
CARD_RENDITIONS = prefetch_specs("card", "card_featured", "card_schedule")
OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search"
# Sub-pages of an event index: an event with one of these slugs would be hidden by them.
RESERVED_SLUGS = {"ics"}


class Availability(NamedTuple):
    """Whether visitors may register now (a RegistrationState, or `full` / `waiting_list`
    when the places are taken), and how many places are left (None: not limited)."""

    state: str
    places_left: int | None


def default_event_languages():
    return [EventLanguage.POLISH.value]


def month_start(day):
    """Midnight in Warsaw on the first day of `day`'s month."""
    return datetime.datetime(day.year, day.month, 1, tzinfo=WARSAW)


def next_month_start(day):
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return datetime.datetime(year, month, 1, tzinfo=WARSAW)


def day_start(moment):
    """Midnight in Warsaw at the start of `moment`'s day."""
    day = timezone.localtime(moment, WARSAW).date()
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=WARSAW)


def over_by(moment):
    """Events over before `moment`: those that ended, and those without an end (only a start
    was announced) whose first day was over by then."""
    return Q(end__lt=moment) | Q(end__isnull=True, start__lt=day_start(moment))


def not_over_at(moment):
    """Events going on or still to come at `moment` (the complement of `over_by`)."""
    return Q(end__gte=moment) | Q(end__isnull=True, start__gte=day_start(moment))


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events not yet over (those going on now too), soonest first."""
        return self.filter(not_over_at(now or timezone.now())).order_by("start", "pk")

    def past(self, now=None):
        """Events that are over, the latest first."""
        return self.filter(over_by(now or timezone.now())).order_by("-start", "-pk")

    def in_month(self, day):
        """Events taking place (at least partly) in the month of `day`, Warsaw time."""
        return self.filter(not_over_at(month_start(day)), start__lt=next_month_start(day))

    def held_in(self, language):
        """Events held in `language`.

        JSON `contains` is not available on SQLite, so the (short) list of languages is
        searched position by position; that works on every database.
        """
        positions = range(len(EventLanguage.values))
        return self.filter(
            reduce(operator.or_, (Q(**{f"languages__{n}": language}) for n in positions))
        )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(RoutablePageMixin, HeroPhoto, BasePage):
    """An event: when and where, in which languages, how to register, who organizes it,
    and a calendar file to download."""

    start = models.DateTimeField(_("starts at"), help_text=_("Date and time, Warsaw time."))
    end = models.DateTimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_(
            "Date and time, Warsaw time. Leave empty if only the start is announced: "
            "then only the start is shown."
        ),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Whole days: the times are not shown, only the dates."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("A cancelled or postponed event says so at the top of its page."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'kawiarnia społeczna PERS'."),
    )
    street_address = models.CharField(
        _("street address"), max_length=200, blank=True, help_text=_("E.g. 'ul. Mostowa 6'.")
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        help_text=_(
            "For online and hybrid events. Never shown on the site, in feeds or in calendar "
            "files: only registered participants receive it."
        ),
    )
    languages = models.JSONField(_("languages of the event"), default=default_event_languages)
    interpretation = models.BooleanField(
        _("interpretation available on request"),
        default=False,
        help_text=_("E.g. into Ukrainian or Polish sign language, if participants ask for it."),
    )

    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    registration_url = models.URLField(
        _("registration page address"),
        max_length=500,
        blank=True,
        help_text=_("Only for registration on another website."),
    )
    capacity = models.PositiveIntegerField(
        _("number of places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty if the number of places is not limited."),
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=False,
        help_text=_("When all places are taken, further people join a waiting list."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open registration as soon as the event is published."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the event starts."),
    )
    organizer_email = models.EmailField(
        _("notify about registrations"),
        blank=True,
        help_text=_(
            "An address of the organization that gets an e-mail for each new registration. "
            "Leave empty for none."
        ),
    )

    partners = StreamField(
        [("partner_strip", PartnerStripBlock())],
        blank=True,
        verbose_name=_("organizers and partners"),
        help_text=_("One group per role, e.g. Organizers, Patronage, Partners."),
    )
    contact = StreamField(
        [("contact", ContactBlock())],
        blank=True,
        max_num=3,
        verbose_name=_("contact"),
        help_text=_("Whom visitors can ask about the event."),
    )

    objects = EventPageManager()

    base_form_class = EventPageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    TitleFieldPanel("title"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                            FieldPanel("all_day"),
                            FieldPanel("status"),
                        ],
                        heading=_("When"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("format"),
                            FieldPanel("venue_name"),
                            FieldPanel("street_address"),
                            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                            FieldPanel("meeting_url"),
                        ],
                        heading=_("Where"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("languages"), FieldPanel("interpretation")],
                        heading=_("Languages"),
                    ),
                ],
                heading=_("Event"),
            ),
            ObjectList(
                [
                    FieldPanel("registration_mode"),
                    FieldPanel("registration_url"),
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
                    FieldRowPanel(
                        [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                    ),
                    FieldPanel("organizer_email"),
                    InlinePanel(
                        "form_fields",
                        heading=_("Questions"),
                        label=_("Question"),
                        help_text=_(
                            "Asked after the name and e-mail address, which every form has, "
                            "and before the consent to the privacy policy."
                        ),
                    ),
                ],
                heading=_("Registration"),
            ),
            ObjectList(
                [
                    FieldPanel("intro"),
                    HeroPhoto.hero_panel,
                    FieldPanel("body"),
                    FieldPanel("partners"),
                    FieldPanel("contact"),
                ],
                heading=_("Content"),
            ),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("format"),
        index.FilterField("status"),
    ]
    # Times, places, numbers, choices and addresses are the same in every language (choice
    # and URL fields are synchronised by wagtail-localize anyway); a translator may give the
    # address in another script. Texts, the venue's name and the streams are translated.
    override_translatable_fields = [
        *HeroPhoto.hero_synchronized_fields,
        SynchronizedField("street_address", overridable=True),
        SynchronizedField("postal_code"),
        SynchronizedField("city", overridable=True),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    search_kind = "event"
    pdf_available = True

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @classmethod
    def for_listing(cls, events):
        """`events` as given, with the photos and their card renditions fetched at once."""
        Image = get_image_model()
        return (
            events.defer_streamfields()
            .select_related("locale")
            .prefetch_related(
                Prefetch("hero_image", queryset=Image.objects.prefetch_renditions(*CARD_RENDITIONS))
            )
        )

    @classmethod
    def with_availability(cls, events, now=None):
        """`events` (a list or a page of a listing), each with its `registration_availability`
        worked out at once (see pool.availability_of_listed); returned for chaining."""
        found = pool.availability_of_listed(list(events), now)
        for event in events:
            event.__dict__["registration_availability"] = Availability(*found[event.pk])
        return events

    @property
    def start_month(self):
        """The first day of the month the event starts in (Warsaw): what the schedule
        groups events by."""
        return timezone.localtime(self.start, WARSAW).date().replace(day=1)

    # --- Validation --------------------------------------------------------------------

    def clean(self):
        self.normalise_all_day_times()
        errors = {}
        if self.start and self.end is not None and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.meeting_url and self.format == EventFormat.IN_PERSON:
            errors["meeting_url"] = _(
                "An in-person event has no meeting link: choose online or hybrid, or clear it."
            )
        if not self.languages or not set(self.languages) <= set(EventLanguage.values):
            errors["languages"] = _("Choose the languages the event is held in.")
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address of the registration page.")
        elif self.registration_url and self.registration_mode != RegistrationMode.EXTERNAL:
            errors["registration_url"] = _(
                "Only registration on another website has an address: choose it as the "
                "registration, or clear the address."
            )
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.waiting_list and not self.capacity:
            errors["waiting_list"] = _("A waiting list needs a number of places.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is reserved; choose another slug.")
        if errors:
            raise ValidationError(errors)
        super().clean()

    def save(self, *args, **kwargs):
        self.normalise_all_day_times()
        return super().save(*args, **kwargs)

    def normalise_all_day_times(self):
        """An all-day event runs from midnight of its first day to the end of its last
        (Warsaw time), so that it stays among the upcoming events until the day is over.
        One without an end lasts its first day (see `is_over`)."""
        if not (self.all_day and self.start):
            return
        first = timezone.localtime(self.start, WARSAW).date()
        self.start = datetime.datetime.combine(first, datetime.time.min, tzinfo=WARSAW)
        if self.end:
            last = max(timezone.localtime(self.end, WARSAW).date(), first)
            self.end = datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=WARSAW)

    # --- What visitors see -------------------------------------------------------------

    def date_parts(self, language):
        return event_date_parts(self.start, self.end, language, all_day=self.all_day)

    def date_text(self, language):
        return format_event_dates(self.start, self.end, language, all_day=self.all_day)

    def is_over(self, now=None):
        """Whether the event is over; one without an end is over when its first day is."""
        now = now or timezone.now()
        if self.end is None:
            return self.start < day_start(now)
        return self.end < now

    def search_date(self):
        return self.start

    def search_upcoming(self):
        return not self.is_over()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def takes_place_at_venue(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def takes_place_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    def full_address(self):
        """'ul. Mostowa 6, 87-100 Toruń'."""
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street_address, town) if part)

    def place_text(self):
        """The venue and its address on one line, for calendars and listings."""
        return ", ".join(part for part in (self.venue_name, self.full_address()) if part)

    def map_url(self):
        """An OpenStreetMap search for the address (or the venue): a link, never a map."""
        query = self.full_address() or self.venue_name
        if not query or not self.takes_place_at_venue:
            return ""
        return f"{OPENSTREETMAP_SEARCH}?{urlencode({'query': query})}"

    def language_names(self):
        """The event's languages, named in the active language."""
        return [
            str(EventLanguage(code).label)
            for code in self.languages or []
            if code in EventLanguage.values
        ]

    def registration_state(self, now=None):
        """Whether visitors may register now: none, not_yet_open, open or closed.

        Registration closes when the event starts unless a closing time is given, and
        at once for an event cancelled or postponed.
        """
        if self.registration_mode == RegistrationMode.NONE:
            return RegistrationState.NONE
        now = now or timezone.now()
        if self.status != EventStatus.SCHEDULED:
            return RegistrationState.CLOSED
        if now >= (self.registration_closes_at or self.start):
            return RegistrationState.CLOSED
        if self.registration_opens_at and now < self.registration_opens_at:
            return RegistrationState.NOT_YET_OPEN
        return RegistrationState.OPEN

    @cached_property
    def registration_availability(self):
        """Availability(state, places_left) of the event's pool of places, now; worked out
        once per page shown (see events.pool.availability)."""
        if self.pk is None:  # a new event in preview, or a block's sample: no one registered
            return Availability(self.registration_state(), self.capacity)
        return Availability(*pool.availability(self))

    def streams_with_partners(self):
        return [self.partners, self.body]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = event_json_ld(self, request)
        context["ics_url"] = self.ics_url(request)
        context["event_index_url"] = served_parent_url(request, self)
        context["related_events"] = self.related_events()
        return context

    related_count = 3

    def related_events(self, now=None):
        """The next upcoming events of the same list in this page's language, for the
        aside's compact cards (which leave out the places left): a fixed number of
        queries (see `for_listing`)."""
        if not self.path:
            return []  # a preview of an event not yet saved has no siblings to look for
        events = (
            EventPage.objects.sibling_of(self, inclusive=False)
            .filter(locale_id=self.locale_id)
            .live()
            .public()
            .upcoming(now)
        )
        return list(EventPage.for_listing(events)[: self.related_count])

    def ics_url(self, request=None):
        url = served_url(request, self)
        return url + self.reverse_subpage("ics") if url else None

    @path("ics/", name="ics")
    def ics(self, request):
        return event_calendar_response(self, request)

    # --- Registration routes (events/views.py) -----------------------------------------

    @path("register/", name="register")
    def register(self, request):
        return views.register_view(request, self)

    @path("registered/", name="registered")
    def registered(self, request):
        return views.registered_view(request, self)

    @path("cancel/<str:token>/", name="cancel")
    def cancel(self, request, token):
        return views.cancel_view(request, self, token)

    @path("cancelled/", name="cancelled")
    def cancelled(self, request):
        return views.cancelled_view(request, self)

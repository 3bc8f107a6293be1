"""The e-mails about registrations: to the person, in the language they registered in, and
to the organizer of the event.

events.registration calls `events.tasks.queue_registration_emails` for each change, inside
the transaction that made it: it enqueues one background task per e-mail, which exists
only if that transaction commits. The worker writes each e-mail from what the
database holds when it sends it, sends it once (core.tasks.send_once, keyed by the
registration and the kind of e-mail), and retries it with a growing delay while the mail
server refuses it.

The meeting link of an online or hybrid event appears in exactly one place: the e-mails
(and their calendar files) that tell a person they have a place, and the reminder the day
before (events.reminders) to a person who has one.
"""

import datetime
import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar

from core.dates import WARSAW
from core.languages import in_language, mark_listed
from organizations.models import OrganizationSettings

from .choices import RegistrationStatus
from .feeds import PRODUCT_ID, calendar_event, last_moment
from .pool import Change, counts, event_model, waiting_position
from .reminders import reminder_owed

CALENDAR_TYPE = "text/calendar"
SUBJECT_MAX_LENGTH = 300

# The e-mail for each change, and whether it gives the person a place (with the meeting
# link and a calendar file). ORGANIZER: the organizer's e-mail about a new registration.
CONFIRMED = "confirmed"
WAITING = "waiting"
PROMOTED = "promoted"
CONFIRMED_BY_STAFF = "confirmed_by_staff"
CANCELLED = "cancelled"
CANCELLED_BY_STAFF = "cancelled_by_staff"
WITH_A_PLACE = {CONFIRMED, PROMOTED, CONFIRMED_BY_STAFF}
# The day before the event (events.reminders), to a person with a place: the meeting link,
# no calendar file (they have it).
REMINDER = "reminder"
ORGANIZER = "organizer"


def subject(kind, title):
    subjects = {
        CONFIRMED: _("Your place is confirmed: %(event)s"),
        WAITING: _("You are on the waiting list: %(event)s"),
        PROMOTED: _("A place has freed up for you: %(event)s"),
        CONFIRMED_BY_STAFF: _("Your place is confirmed: %(event)s"),
        CANCELLED: _("Your registration is cancelled: %(event)s"),
        CANCELLED_BY_STAFF: _("The organizers have cancelled your registration: %(event)s"),
        REMINDER: _("Tomorrow: %(event)s"),
    }
    return one_line(subjects[kind] % {"event": title})


def one_line(subject):
    """A subject fit for the header: no line breaks, at most SUBJECT_MAX_LENGTH."""
    return " ".join(subject.split())[:SUBJECT_MAX_LENGTH]


# --- Writing the e-mails ---------------------------------------------------------------


def registration_email(registration, kind):
    """The e-mail of `kind` about `registration` as it stands now; None when nothing is owed
    any more (anonymised, no longer waiting, an organizer address the organization does not
    vouch for)."""
    if kind == ORGANIZER:
        return organizer_email(registration)
    return participant_email(registration, kind)


def email_kind(registration, change):
    if change == Change.REGISTERED:
        return CONFIRMED if registration.status == RegistrationStatus.CONFIRMED else WAITING
    return {
        Change.PROMOTED: PROMOTED,
        Change.CONFIRMED_BY_STAFF: CONFIRMED_BY_STAFF,
        Change.CANCELLED: CANCELLED,
        Change.CANCELLED_BY_STAFF: CANCELLED_BY_STAFF,
    }.get(change)


def registration_language(registration):
    languages = {code for code, _name in settings.LANGUAGES}
    return registration.language if registration.language in languages else settings.LANGUAGE_CODE


def event_in_language(pool, language):
    """The event as the person read it: its live translation in `language`, else the original."""
    if pool.locale.language_code == language:
        return pool
    translated = (
        event_model()
        .objects.live()
        .filter(translation_key=pool.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    return translated or pool


def participant_email(registration, kind):
    if not registration.email or registration.anonymised_at:
        return None
    if kind == WAITING and registration.status != RegistrationStatus.WAITING:
        return None  # promoted or cancelled before the worker came to it: that e-mail goes
    if kind == REMINDER and not reminder_owed(registration, timezone.now()):
        return None  # cancelled, the event cancelled or begun, reminders turned off
    language = registration_language(registration)
    pool = registration.event
    event = event_in_language(pool, language)
    organization = OrganizationSettings.for_page(pool)
    site = event.get_site()
    with translation.override(language):
        untranslated = mark_untranslated(event, language, organization)
        title = f"{event.title} ({event.listed_language_name})" if untranslated else event.title
        gives_a_place = kind in WITH_A_PLACE
        has_a_place = gives_a_place or kind == REMINDER
        meeting_url = pool.meeting_url if has_a_place and pool.takes_place_online else ""
        context = {
            "kind": kind,
            "name": registration.name,
            "title": title,
            "when": event.date_text(language),
            "where": event.place_text() if event.takes_place_at_venue else "",
            "online": event.takes_place_online,
            "meeting_url": meeting_url,
            "event_url": event_url(event),
            "cancel_url": cancel_url(event, registration),
            "position": waiting_position(registration) if kind == WAITING else None,
            "organization": organization.display_name if organization else "",
            "contact_email": organization.contact_email if organization else "",
            "site": site.hostname if site else "",
        }
        body = render(f"events/email/{kind}.txt", context)
        attachments = (
            [calendar_attachment(event, organization, meeting_url)] if gives_a_place else []
        )
        return email_message([registration.email], subject(kind, title), body, attachments)


def mark_untranslated(event, language, organization):
    """An event not translated into the person's language is named with the language it is
    in ("(польською)"), and its pages linked at their address in the person's language,
    where they are read with that language's interface, as when they registered (see
    core.languages.mark_listed). Returns whether it is such an event."""
    if event.locale.language_code == language:
        return False
    index = event.get_parent().get_translations().live().filter(locale__language_code=language)
    index = index.first()
    shown = organization is None or organization.show_untranslated
    mark_listed([event], index or event, index.get_full_url() if index and shown else None)
    event.listed_language_name = in_language(event.locale.language_code)
    return True


def event_url(event):
    """The event's page as the person reads it (see mark_untranslated)."""
    return getattr(event, "listed_url", None) or event.get_full_url() or ""


def cancel_url(event, registration):
    page_url = event_url(event)
    if not page_url:
        return ""
    return page_url + event.reverse_subpage("cancel", args=[registration.cancel_token])


def organizer_email(registration):
    """For each new registration, to the event's organizer address, if the organization
    vouches for its domain (so that no one's data goes to an address typed by mistake)."""
    if registration.anonymised_at:
        return None
    pool = registration.event
    address = pool.organizer_email
    if not address:
        return None
    organization = OrganizationSettings.for_page(pool)
    if organization is None or not organization.owns_address(address):
        return None
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        numbers = counts(pool)
        site = organization.site
        context = {
            "title": pool.title,
            "when": pool.date_text(language),
            "name": registration.name,
            "email": registration.email,
            "language": translation.get_language_info(registration_language(registration))[
                "name_translated"
            ],
            "waiting": registration.status == RegistrationStatus.WAITING,
            "position": (
                waiting_position(registration)
                if registration.status == RegistrationStatus.WAITING
                else None
            ),
            "confirmed": numbers[RegistrationStatus.CONFIRMED],
            "on_waiting_list": numbers[RegistrationStatus.WAITING],
            "capacity": pool.capacity,
            "admin_url": f"{site.root_url}{reverse('wagtailadmin_pages:edit', args=[pool.pk])}",
        }
        return email_message(
            [address],
            one_line(_("New registration: %(event)s") % {"event": pool.title}),
            render("events/email/organizer_new_registration.txt", context),
        )


def render(template, context):
    """A plain-text e-mail body, without the blank lines the template's tags leave."""
    text = render_to_string(template, context)
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


class _SiteAddress:
    """What calendar_event() needs of a request, where there is none: the site's host."""

    def __init__(self, hostname):
        self.hostname = hostname

    def get_host(self):
        return self.hostname

    def build_absolute_uri(self, location):
        # Only ever given the full addresses of the e-mail (mark_untranslated).
        return location


def calendar_attachment(event, organization, meeting_url=""):
    """The event as a calendar file for the person who has a place. The same event (UID)
    as the public .ics, and only this one may carry the meeting link."""
    site = event.get_site()
    item = calendar_event(event, _SiteAddress(site.hostname if site else "localhost"), organization)
    if meeting_url:
        description = str(item.pop("description", ""))
        joined = _("Join online: %(url)s") % {"url": meeting_url}
        item.add("description", f"{joined}\n\n{description}" if description else joined)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(item)
    first = timezone.localtime(event.start, WARSAW).date()
    last = timezone.localtime(last_moment(event), WARSAW).date()
    calendar.add_missing_timezones(
        first_date=datetime.date(first.year, 1, 1), last_date=datetime.date(last.year + 1, 1, 1)
    )
    return {
        "filename": f"{event.slug}.ics",
        "content": calendar.to_ical().decode(),
        "mimetype": CALENDAR_TYPE,
    }


def email_message(to, subject, body, attachments=()):
    """An e-mail from the site; `attachments` as [{"filename", "content", "mimetype"}]."""
    built = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    for attachment in attachments:
        built.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return built

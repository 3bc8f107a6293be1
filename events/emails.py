"""The e-mails about registrations: to the person, in the language they registered in, and
to the organizer of the event.

events.registration calls `queue_registration_emails` for each change: it writes each e-mail as an OutgoingEmail row in the
transaction that changed the registration, and sends it once that transaction commits. An
e-mail the mail server refuses stays queued: `send_queued()` (`manage.py
send_queued_email`, from cron every minute) tries again later, waiting twice as long after
each failure, and gives up after MAX_ATTEMPTS (the row stays for staff to see).

The meeting link of an online or hybrid event appears in exactly one place: the e-mails
(and their calendar files) that tell a person they have a place.
"""

import datetime
import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar

from core.dates import WARSAW
from organizations.models import OrganizationSettings

from .choices import RegistrationStatus
from .feeds import PRODUCT_ID, calendar_event
from .models.registrations import OutgoingEmail
from .pool import Change, counts, event_model, waiting_position

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_WAIT = datetime.timedelta(hours=2)
CALENDAR_TYPE = "text/calendar"

# The e-mail for each change, and whether it gives the person a place (with the meeting
# link and a calendar file).
CONFIRMED = "confirmed"
WAITING = "waiting"
PROMOTED = "promoted"
CONFIRMED_BY_STAFF = "confirmed_by_staff"
CANCELLED = "cancelled"
CANCELLED_BY_STAFF = "cancelled_by_staff"
WITH_A_PLACE = {CONFIRMED, PROMOTED, CONFIRMED_BY_STAFF}


def subject(kind, title):
    subjects = {
        CONFIRMED: _("Your place is confirmed: %(event)s"),
        WAITING: _("You are on the waiting list: %(event)s"),
        PROMOTED: _("A place has freed up for you: %(event)s"),
        CONFIRMED_BY_STAFF: _("Your place is confirmed: %(event)s"),
        CANCELLED: _("Your registration is cancelled: %(event)s"),
        CANCELLED_BY_STAFF: _("The organizers have cancelled your registration: %(event)s"),
    }
    return one_line(subjects[kind] % {"event": title})


def one_line(subject):
    """A subject fit for the header (no line breaks) and for OutgoingEmail.subject."""
    return " ".join(subject.split())[: OutgoingEmail._meta.get_field("subject").max_length]


# --- Writing the e-mails ---------------------------------------------------------------


def queue_registration_emails(registration, change):
    """Queue what the change owes the person and the organizer; send it after the commit."""
    queued = [
        email
        for email in (
            participant_email(registration, change),
            organizer_email(registration, change),
        )
        if email is not None
    ]
    if queued:
        ids = [email.pk for email in queued]
        transaction.on_commit(lambda: send_queued(ids), robust=True)


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


def participant_email(registration, change):
    kind = email_kind(registration, change)
    if kind is None or not registration.email or registration.anonymised_at:
        return None
    language = registration_language(registration)
    pool = registration.event
    event = event_in_language(pool, language)
    organization = OrganizationSettings.for_page(pool)
    site = event.get_site()
    with translation.override(language):
        gives_a_place = kind in WITH_A_PLACE
        meeting_url = pool.meeting_url if gives_a_place and pool.takes_place_online else ""
        context = {
            "kind": kind,
            "name": registration.name,
            "title": event.title,
            "when": event.date_text(language),
            "where": event.place_text() if event.takes_place_at_venue else "",
            "online": event.takes_place_online,
            "meeting_url": meeting_url,
            "event_url": event.get_full_url() or "",
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
        return OutgoingEmail.objects.create(
            registration=registration,
            to=[registration.email],
            subject=subject(kind, event.title),
            body=body,
            attachments=attachments,
        )


def cancel_url(event, registration):
    page_url = event.get_full_url()
    if not page_url:
        return ""
    return page_url + event.reverse_subpage("cancel", args=[registration.cancel_token])


def organizer_email(registration, change):
    """For each new registration, to the event's organizer address, if the organization
    vouches for its domain (so that no one's data goes to an address typed by mistake)."""
    if change != Change.REGISTERED:
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
        return OutgoingEmail.objects.create(
            registration=registration,
            to=[address],
            subject=one_line(_("New registration: %(event)s") % {"event": pool.title}),
            body=render("events/email/organizer_new_registration.txt", context),
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
    last = timezone.localtime(event.end, WARSAW).date()
    calendar.add_missing_timezones(
        first_date=datetime.date(first.year, 1, 1), last_date=datetime.date(last.year + 1, 1, 1)
    )
    return {
        "filename": f"{event.slug}.ics",
        "content": calendar.to_ical().decode(),
        "mimetype": CALENDAR_TYPE,
    }


# --- Sending ---------------------------------------------------------------------------


def retry_delay(attempts):
    """1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd, 4th … failure, at most LONGEST_WAIT."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def due_emails(now):
    return OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def message(email, connection):
    built = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        connection=connection,
    )
    for attachment in email.attachments or []:
        built.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return built


def send_queued(ids=None, now=None):
    """Send the queued e-mails that are due (only those of `ids`, if given).

    Each is sent while its row is locked (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL),
    and a row another run holds is skipped: two runs at once never send one e-mail twice.
    Returns (sent, failed).
    """
    now = now or timezone.now()
    due = due_emails(now)
    if ids is not None:
        due = due.filter(pk__in=ids)
    sent = failed = 0
    connection = None
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            email = due.select_for_update(skip_locked=True).filter(pk=pk).first()
            if email is None:
                continue  # sent or being sent by another run
            email.attempts += 1
            try:
                connection = connection or get_connection()
                message(email, connection).send()
            except Exception as error:  # the mail server's refusals come in many types
                connection = None
                email.last_error = f"{type(error).__name__}: {error}"[:2000]
                email.next_attempt_at = now + retry_delay(email.attempts)
                failed += 1
                logger.warning(
                    "E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error
                )
            else:
                email.sent_at = timezone.now()
                email.last_error = ""
                sent += 1
            email.save(update_fields=["attempts", "sent_at", "last_error", "next_attempt_at"])
    return sent, failed


def given_up():
    """The e-mails no longer tried: for staff to see, and to send by hand."""
    return OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__gte=MAX_ATTEMPTS)

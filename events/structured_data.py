"""schema.org `Event` in JSON-LD, for search engines and calendars that read it.

The meeting link is never part of it: an online event's `VirtualLocation` is the event's
own page, where registration leads to the link.
"""

from django.utils import timezone
from django.utils.html import format_html
from wagtail.images.models import SourceImageIOError

from core.dates import WARSAW
from core.images import fits
from core.seo import json_ld
from organizations.models import OrganizationSettings

from .choices import EventFormat, EventStatus, RegistrationMode, RegistrationState

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}
STATUSES = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
}
AVAILABILITY = {
    RegistrationState.OPEN: "InStock",
    RegistrationState.NOT_YET_OPEN: "PreOrder",
    RegistrationState.CLOSED: "SoldOut",
    # Every place taken, with or without a waiting list (see events.registration).
    "full": "SoldOut",
    "waiting_list": "SoldOut",
}
IMAGE_FILTER = "width-1200"


def moment(event, value):
    """An ISO 8601 date and time with its offset, or only the date for all-day events."""
    local = timezone.localtime(value, WARSAW)
    return local.date().isoformat() if event.all_day else local.isoformat()


def event_json_ld(event, request=None):
    """The event as a schema.org `Event`, a dict ready for `json_ld_script`."""
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": moment(event, event.start),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODES[event.format],
        "eventStatus": SCHEMA + STATUSES[event.status],
        "location": _locations(event, url),
        "inLanguage": list(event.languages) if len(event.languages) > 1 else event.languages[0],
        "isAccessibleForFree": True,
    }
    if event.end is not None:  # only the start announced: no end to claim
        data["endDate"] = moment(event, event.end)
    description = event.search_description or event.intro
    if description:
        data["description"] = description
    image = _image_url(event, request)
    if image:
        data["image"] = [image]
    organizer = _organizer(event, request)
    if organizer:
        data["organizer"] = organizer
    offer = _offer(event, url)
    if offer:
        data["offers"] = offer
    return data


def _locations(event, url):
    locations = []
    if event.takes_place_at_venue:
        place = {"@type": "Place", "name": event.venue_name or event.city}
        address = {
            "@type": "PostalAddress",
            "streetAddress": event.street_address,
            "postalCode": event.postal_code,
            "addressLocality": event.city,
        }
        address = {key: value for key, value in address.items() if value}
        if len(address) > 1:
            place["address"] = address
        locations.append(place)
    if event.takes_place_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations[0] if len(locations) == 1 else locations


def _image_url(event, request):
    image = event.hero_image
    if image is None or not fits(image):
        return ""
    try:
        rendition = image.get_rendition(IMAGE_FILTER)
    except SourceImageIOError:
        return ""
    return request.build_absolute_uri(rendition.url) if request else rendition.full_url


def _organizer(event, request):
    organization = OrganizationSettings.for_page(event)
    if organization is None:
        return None
    home = event.get_ancestors().filter(depth=2).first()
    organizer = {"@type": "Organization", "name": organization.display_name}
    home_url = home.get_full_url(request) if home else None
    if home_url:
        organizer["url"] = home_url
    return organizer


def _offer(event, url):
    """Free places, available as registration stands; none for an event without registration."""
    state = event.registration_availability.state
    if state == RegistrationState.NONE:
        return None
    offer = {
        "@type": "Offer",
        "url": event.registration_url
        if event.registration_mode == RegistrationMode.EXTERNAL
        else url,
        "price": 0,
        "priceCurrency": "PLN",
        "availability": SCHEMA + AVAILABILITY[state],
    }
    if event.registration_opens_at:
        offer["validFrom"] = timezone.localtime(event.registration_opens_at, WARSAW).isoformat()
    return offer


def json_ld_script(data):
    """<script type="application/ld+json"> with `data`, escaped by core.seo.json_ld."""
    return format_html('<script type="application/ld+json">{}</script>', json_ld(data))

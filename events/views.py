"""Registering for an event and cancelling, as a visitor does it on the site.

The event page routes here (see EventPage): `register/` takes the form, `registered/` and
`cancelled/` tell the outcome, `cancel/<token>/` is the link from the e-mails. The form
itself is shown by the event page and by the registration form block on any other page,
both with `registration_panel()`.

After a registration the visitor is redirected (303, so that a refresh never sends the form
again) to a page that tells the outcome. Which outcome travels in the address as a signed,
short-lived value: the event, the outcome and the registration's number, never the
person's e-mail address or their link to cancel.
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Site

from core.languages import is_served_as_fallback, served_url
from organizations.languages import organization_for_request

from . import spam
from .choices import RegistrationMode, RegistrationStatus
from .models.registrations import Registration
from .pool import WAITING_LIST, pool_event, waiting_position
from .registration import Result, cancel_registration, register
from .registration_forms import Consent, RegistrationForm, anchor

RESULT_PARAMETER = "registration"
RESULT_SALT = "events.views.result"
# Long enough to read the outcome and come back to it; the e-mail has everything for later.
RESULT_MAX_AGE = 60 * 60
# How long a form's second sending (a double click) is answered like its first.
REPLAY_SECONDS = 10 * 60
EXPIRED = "expired"
# What routing a page may note on the request (pages.models.BasePage.route_to_original).
ROUTING_MARKS = (
    "is_language_fallback",
    "language_fallback_page_id",
    "language_fallback_url",
    "language_redirect",
)
OPEN_STATES = {"open", WAITING_LIST}
PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
    # The link to cancel is in the address: it must not travel on to any other site. (Not
    # "no-referrer": browsers then send "Origin: null", which the CSRF check refuses.)
    "Referrer-Policy": "same-origin",
}


# --- The form on a page ----------------------------------------------------------------


def privacy_policy_url(request):
    """The organization's privacy policy, in the visitor's language where translated."""
    organization = organization_for_request(request) if request is not None else None
    policy = organization.published_privacy_policy() if organization is not None else None
    return policy.get_url(request) if policy is not None else None


def build_form(request, event, data=None, next_url=""):
    return RegistrationForm(
        data,
        event=event,
        # On an unsaved event (a preview) these are the questions being edited.
        questions=event.form_fields.all(),
        consent=Consent(privacy_policy_url(request)),
        next_url=next_url,
    )


def registration_panel(request, event, shown_on=None):
    """What the registration section of a page shows about `event`: the outcome of the
    visitor's registration, the form, or why there is none.

    `shown_on` is the page showing it: the event page itself, or another page with the
    registration form block, to which the visitor comes back after sending the form.
    """
    availability = event.registration_availability
    path = served_url(request, shown_on) if shown_on is not None and shown_on.pk else None
    # Anywhere but the event's own page (a block's preview too), the event is named.
    elsewhere = shown_on is None or shown_on.pk != event.pk
    submitted = getattr(request, "registration_forms", {}).get(event.pk)
    result = None
    if submitted is None and request is not None and shown_on is not None and elsewhere:
        result = read_result(request.GET.get(RESULT_PARAMETER), event)
    form = submitted
    takes_registrations = (
        event.registration_mode == RegistrationMode.FORM and availability.state in OPEN_STATES
    )
    if form is None and result is None and takes_registrations:
        form = build_form(request, event, next_url=path if elsewhere and path else "")
    event_url = served_url(request, event) if event.pk else None
    return {
        "event": event,
        "anchor": anchor(event),
        "state": availability.state,
        "places_left": availability.places_left,
        "form": form,
        "result": result,
        "action": f"{event_url}{event.reverse_subpage('register')}" if event_url else "",
        "event_url": event_url,
        "elsewhere": elsewhere,
        "contact_email": _contact_email(request) if result else "",
        # The questions read in the event's language when it has no translation in the page's.
        "questions_lang": (
            event.locale.language_code
            if shown_on is not None and event.locale_id != shown_on.locale_id
            else ""
        ),
    }


def _contact_email(request):
    organization = organization_for_request(request) if request is not None else None
    return getattr(organization, "contact_email", "") or ""


# --- register/ -------------------------------------------------------------------------


@dataclass
class Origin:
    """The page the visitor sent the form from, other than the event page."""

    page: object
    args: tuple
    kwargs: dict
    path: str
    language: str


def origin_of(request, event, next_value):
    """The page of this site at `next_value`, if it is one (and not the event itself).

    Only a path on the same site, of a live page's own address, is taken: never another
    host (no open redirect), never a route of a page (no loops through register/).
    """
    if not next_value or not next_value.startswith("/") or next_value.startswith("//"):
        return None
    if "\\" in next_value or not url_has_allowed_host_and_scheme(
        next_value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    path = urlsplit(next_value).path
    language = get_language_from_path(path)
    site = Site.find_for_request(request)
    if not language or site is None:
        return None
    components = [part for part in path[len(language) + 2 :].split("/") if part]
    before = {name: request.__dict__[name] for name in ROUTING_MARKS if name in request.__dict__}
    with translation.override(language):
        try:
            page, args, kwargs = site.root_page.localized.specific.route(request, components)
        except Http404:
            page = None
        if page is None or page.pk == event.pk or served_url(request, page) != path:
            # Routing may have marked the request (a language fallback, an old address).
            for name in ROUTING_MARKS:
                request.__dict__.pop(name, None)
            request.__dict__.update(before)
            return None
    return Origin(page, tuple(args or ()), dict(kwargs or {}), path, language)


def register_view(request, event):
    if request.method != "POST":
        return HttpResponseRedirect(f"{served_url(request, event)}#{anchor(event)}")
    origin = origin_of(request, event, request.POST.get("next"))
    if origin is not None:
        language = origin.language
    elif is_served_as_fallback(request, event):
        # An event not yet translated, read in the visitor's language (BasePage.route).
        language = translation.get_language()
    else:
        language = event.locale.language_code
    with translation.override(language):
        form = build_form(request, event, data=request.POST, next_url=origin.path if origin else "")
        if not form.is_valid():
            return show_again(request, event, origin, form)
        pool = pool_event(event)
        if spam.rate_limited(request, pool.pk):
            form.refuse(
                _(
                    "We have received many registrations from your internet connection in a "
                    "short time. Please wait a few minutes and send the form again."
                )
            )
            response = show_again(request, event, origin, form)
            response.status_code = 429
            return response
        original_questions = form.questions if pool.pk == event.pk else list(pool.form_fields.all())
        outcome = register(
            event,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=language,
            consent_text=form.consent.text,
            consent_version=form.consent.version,
            answers=form.answers(original_questions),
        )
        spam.count_registration(request, pool.pk)
        replay_key = _replay_key(event, form)
        value = cache.get(replay_key) if outcome.result == Result.DUPLICATE else None
        if value is None:
            value = sign_result(event, outcome)
        if outcome.registration is not None:
            # A double click sends the form twice: the second is told what the first was.
            cache.set(replay_key, value, REPLAY_SECONDS)
        response = HttpResponseRedirect(result_url(request, event, origin, value))
    response.status_code = 303
    return response


def _replay_key(event, form):
    sending = f"{event.pk}:{form.cleaned_data['started']}:{form.cleaned_data['email'].lower()}"
    return f"registration-replay:{salted_hmac('events.views.replay', sending).hexdigest()}"


def show_again(request, event, origin, form):
    """The page the form was sent from, with the form as filled and its errors."""
    request.registration_forms = {event.pk: form}
    if origin is None:
        response = event.serve(request)
    else:
        response = serve_page(request, origin.page, origin.args, origin.kwargs)
    if hasattr(response, "render"):
        response.render()  # in the visitor's language, while it is active
    for header, value in PRIVATE_HEADERS.items():
        response.headers.setdefault(header, value)
    return response


def serve_page(request, page, args, kwargs):
    """Serve a page as Wagtail's own view does: its hooks decide about private pages."""

    def chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


# --- Outcomes --------------------------------------------------------------------------


def sign_result(event, outcome):
    registration = outcome.registration
    return signing.dumps(
        {"e": event.pk, "o": outcome.result, "r": registration.pk if registration else None},
        salt=RESULT_SALT,
        compress=True,
    )


def result_url(request, event, origin, value):
    query = urlencode({RESULT_PARAMETER: value})
    if origin is not None:
        # No #fragment: the browser would then not move the focus to the outcome (autofocus).
        return f"{origin.path}?{query}"
    return f"{served_url(request, event)}{event.reverse_subpage('registered')}?{query}"


def read_result(value, event):
    """What to tell the visitor about the outcome in `value`, as it stands now: None
    without a value, EXPIRED for an old, forged or another event's one."""
    if not value:
        return None
    try:
        payload = signing.loads(value, salt=RESULT_SALT, max_age=RESULT_MAX_AGE)
    except signing.BadSignature:
        return {"kind": EXPIRED}
    if not isinstance(payload, dict) or payload.get("e") != event.pk:
        return {"kind": EXPIRED}
    kind, position = payload.get("o"), None
    if payload.get("r") and kind in (Result.CONFIRMED, Result.WAITING, Result.CANCELLED):
        # As it stands now: promoted from the waiting list, moved up in it, or cancelled.
        registration = Registration.objects.filter(pk=payload["r"]).first()
        if registration is None:
            return {"kind": EXPIRED}
        if registration.status == RegistrationStatus.CONFIRMED:
            kind = Result.CONFIRMED
        elif registration.status == RegistrationStatus.WAITING:
            kind, position = Result.WAITING, waiting_position(registration)
        else:
            kind = Result.CANCELLED
    return {"kind": kind, "position": position}


def render_event_page(request, event, template, context, status=200):
    response = TemplateResponse(
        request,
        template,
        {"page": event, "self": event, "request": request, **context},
        status=status,
    )
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


def result_view(request, event, kinds):
    result = read_result(request.GET.get(RESULT_PARAMETER), event) or {"kind": EXPIRED}
    if result["kind"] not in kinds:
        result = {"kind": EXPIRED}
    return render_event_page(
        request,
        event,
        "events/registration_result.html",
        {
            "result": result,
            "contact_email": _contact_email(request),
            "ics_url": event.ics_url(request),
            "anchor": anchor(event),
        },
    )


def registered_view(request, event):
    kinds = {
        Result.CONFIRMED,
        Result.WAITING,
        Result.FULL,
        Result.CLOSED,
        Result.NOT_YET_OPEN,
        Result.DUPLICATE,
        Result.CANCELLED,
    }
    return result_view(request, event, kinds)


def cancelled_view(request, event):
    return result_view(request, event, {Result.CANCELLED})


# --- cancel/<token>/ -------------------------------------------------------------------


def registration_for_token(event, token):
    """The registration for this event (in any of its languages) the link names, if any."""
    if not token:
        return None
    return (
        Registration.objects.filter(
            cancel_token=token, event=pool_event(event), anonymised_at__isnull=True
        )
        .select_related("event")
        .first()
    )


def cancel_view(request, event, token):
    """GET asks (mail scanners follow links, and must not cancel anything); POST cancels."""
    registration = registration_for_token(event, token)
    if registration is None:
        state, status = "unknown", 404
    elif registration.status == RegistrationStatus.CANCELLED:
        state, status = "already_cancelled", 200
    elif request.method == "POST":
        outcome = cancel_registration(registration)
        value = sign_result(event, outcome)
        url = f"{served_url(request, event)}{event.reverse_subpage('cancelled')}"
        response = HttpResponseRedirect(f"{url}?{urlencode({RESULT_PARAMETER: value})}")
        response.status_code = 303
        response["Referrer-Policy"] = "same-origin"
        return response
    else:
        state, status = "confirm", 200
    return render_event_page(
        request,
        event,
        "events/registration_cancel.html",
        {
            "state": state,
            "registration": registration,
            "waiting": registration is not None
            and registration.status == RegistrationStatus.WAITING,
            "action": request.path,
        },
        status=status,
    )

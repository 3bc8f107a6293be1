"""Machine translation, off unless an administrator configures it (config.settings.base,
`machine_translator_from_env`), and never the last word.

wagtail-localize brings the translators (LibreTranslate, DeepL), the "Translate with …"
button of its translation editor and the "Use machine translation" choice when translations
are synchronised. It records each machine-translated segment as such
(`StringTranslation.translation_type`) and turns it into a manual one when a person edits
or saves it. What it leaves out, added here:

- a service that is down, slow or answers an error would end in a server error: the
  translator gets a message naming the trouble instead, and nothing is changed;
- nothing tells the translator that machine output waits for review: the editor says how
  many parts do, the queue counts them, and publishing counts them as not yet translated
  (organizations.translations).
"""

import logging

import requests
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue
from wagtail_localize.views.edit_translation import apply_machine_translation

from organizations.admin_guards import OrganizationUpdateTranslationsView
from organizations.translations import enabled_translation, unreviewed_machine_segments

logger = logging.getLogger(__name__)


class MachineTranslationFailed(Exception):
    """The service gave no usable translation; the message is for the translator."""


class ReportedFailures:
    """A wagtail-localize translator whose failures are reported as
    `MachineTranslationFailed`, with what went wrong in words a translator can act on."""

    def translate(self, source_locale, target_locale, strings):
        service = self.display_name
        try:
            return self.fetch(source_locale, target_locale, strings)
        except requests.Timeout as e:
            logger.warning("%s timed out: %s", service, e)
            message = _("%(service)s did not answer within %(seconds)s seconds.") % {
                "service": service,
                "seconds": f"{self.timeout_seconds():g}",
            }
        except requests.ConnectionError as e:
            logger.warning("%s cannot be reached: %s", service, e)
            message = _("%(service)s cannot be reached.") % {"service": service}
        except requests.HTTPError as e:
            logger.warning("%s refused a translation: %s", service, e)
            message = _("%(service)s refused the request: %(reason)s.") % {
                "service": service,
                "reason": refusal_reason(e.response),
            }
        except (requests.RequestException, ValueError, KeyError, TypeError) as e:
            # An answer that is not the API's: not JSON, or fewer texts than were sent.
            logger.warning("%s gave an unreadable answer: %r", service, e)
            message = _("%(service)s gave an answer that could not be read.") % {"service": service}
        raise MachineTranslationFailed(
            message + " " + _("Nothing was changed. Try again later, or translate by hand.")
        )


def refusal_reason(response):
    """The service's own explanation (LibreTranslate's `error`, DeepL's `message`), else the
    HTTP status."""
    try:
        body = response.json()
        reason = body.get("error") or body.get("message")
    except (ValueError, AttributeError):
        reason = None
    if isinstance(reason, str) and reason.strip():
        return f"{reason.strip()[:200]} (HTTP {response.status_code})"
    return f"HTTP {response.status_code}"


class LibreTranslate(ReportedFailures, LibreTranslator):
    """LibreTranslate (a self-hosted server or a paid instance), with an optional API key."""

    def timeout_seconds(self):
        return float(self.get_timeout())

    def fetch(self, source_locale, target_locale, strings):
        return LibreTranslator.translate(self, source_locale, target_locale, strings)


class DeepL(ReportedFailures, DeepLTranslator):
    """DeepL's API (a key ending in ":fx" uses the free API), or the address given as
    DEEPL_API_URL."""

    def get_api_endpoint(self):
        if self.options.get("API_URL"):
            return self.options["API_URL"] + "/v2/translate"
        return super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        # DeepL keeps a plain "EN" target only for old clients; a Polish organization
        # writes British English.
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters

    def timeout_seconds(self):
        return float(self.options.get("TIMEOUT", 30))

    def fetch(self, source_locale, target_locale, strings):
        """wagtail-localize's request, with the answer's status checked: DeepL refuses a
        wrong key or a spent quota with an HTTP error, which wagtail-localize reads as a
        translation."""
        response = requests.post(
            self.get_api_endpoint(),
            self.get_parameters(source_locale, target_locale, strings),
            timeout=self.timeout_seconds(),
            headers=self.get_headers(),
        )
        response.raise_for_status()
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, response.json()["translations"], strict=True)
        }


def unreviewed_count(translation):
    """How many segments of `translation` a machine translated and nobody has reviewed."""
    if translation is None:
        return 0
    return len(unreviewed_machine_segments(translation.source_id, translation.target_locale_id))


def machine_tools(translation):
    """The names of the services whose output in `translation` waits for review."""
    segments = StringSegment.objects.filter(
        source_id=translation.source_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return sorted(
        set(
            StringTranslation.objects.filter(
                Exists(segments),
                locale_id=translation.target_locale_id,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            )
            .exclude(tool_name="")
            .values_list("tool_name", flat=True)
        )
    )


def review_message(translation, count):
    tools = machine_tools(translation) or [_("a machine translation service")]
    return ngettext(
        "%(count)s part was translated by machine and needs review: it is marked "
        "“Translated with %(tools)s”. Choose Edit, correct it if needed and Save: it then "
        "counts as translated by a person.",
        "%(count)s parts were translated by machine and need review: each is marked "
        "“Translated with %(tools)s”. Choose Edit on each, correct it if needed and Save: it "
        "then counts as translated by a person.",
        count,
    ) % {"count": count, "tools": ", ".join(tools)}


def warn_of_unreviewed(request, instance):
    """In the translation editor: how many machine-translated parts wait for review."""
    if request.method != "GET" or getattr(instance, "translation_key", None) is None:
        return None
    translation = enabled_translation(instance)
    count = unreviewed_count(translation)
    if count:
        messages.warning(request, review_message(translation, count))
    return None


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's "Translate with …" button: fills what is not yet translated; a
    failing service gives a message, never a server error, and changes nothing."""
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    try:
        translated = apply_machine_translation(translation.pk, request.user, translator)
    except MachineTranslationFailed as failure:
        messages.error(request, str(failure))
    else:
        if translated:
            count = unreviewed_count(translation)
            messages.success(
                request,
                _("Translated with %(service)s.") % {"service": translator.display_name}
                + " "
                + review_message(translation, count),
            )
        else:
            messages.warning(request, _("There is nothing left to translate."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class MachineSafeUpdateTranslationsView(OrganizationUpdateTranslationsView):
    """wagtail-localize's "Sync translated pages": with "Use machine translation" and a
    failing service, the whole update is undone (it runs in one transaction) and the form
    shown again with the reason."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MachineTranslationFailed as failure:
            messages.error(self.request, str(failure))
            return self.render_to_response(self.get_context_data())

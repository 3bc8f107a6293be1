"""Requests for translation: what an editor asked to have translated, into which language,
by when, with which note.

wagtail-localize keeps what is being translated (`Translation`: a source, a target
language, the segments done); it knows nothing of who asked, why or by when, which is what
a translators' queue is ordered by. A request names its object the way wagtail-localize's
`TranslationSource` does (the translatable model and the translation key shared by all of an
object's translations), so that it holds for a page or a snippet alike and survives the
translation being made, synchronised or deleted.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at__isnull=True)

    def for_object(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance.get_translation_model()),
            translation_key=instance.translation_key,
        )

    def queue_order(self):
        """The most urgent first: by due date (those without one after), then the oldest."""
        return self.order_by(models.F("due_date").asc(nulls_last=True), "requested_at", "pk")


class TranslationRequest(models.Model):
    """One object (a page or a snippet) to be translated into one language."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The object's translatable model (Page for every page type, as wagtail-localize) and
    # its translation key.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    source_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    note = models.TextField(_("note for the translators"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = TranslationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        constraints = [
            # Asking again while a request is open changes that request.
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "target_locale"],
                condition=models.Q(completed_at__isnull=True),
                name="one_open_request_per_object_and_language",
            )
        ]

    def __str__(self):
        return f"{self.title} → {self.target_locale.language_code}"

    def source_instance(self):
        """The object in the language it is translated from, or None once deleted."""
        model = self.content_type.model_class()
        return model._default_manager.filter(
            translation_key=self.translation_key, locale_id=self.source_locale_id
        ).first()

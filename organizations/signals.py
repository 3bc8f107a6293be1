from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail_localize.models import TranslationLog

from .branding import store_branding
from .models import OrganizationSettings
from .translations import record_untranslated


@receiver(post_save, sender=OrganizationSettings)
def refresh_cached_branding(sender, instance, raw=False, **kwargs):
    if not raw:
        store_branding(instance)


@receiver(post_save, sender=TranslationLog)
def remember_untranslated_parts(sender, instance, created=False, raw=False, **kwargs):
    # wagtail-localize logs every translation it saves, with the page revision it made.
    if created and not raw:
        record_untranslated(instance)

from django.db.models.signals import post_save
from django.dispatch import receiver

from .branding import store_branding
from .models import OrganizationSettings


@receiver(post_save, sender=OrganizationSettings)
def refresh_cached_branding(sender, instance, raw=False, **kwargs):
    if not raw:
        store_branding(instance)

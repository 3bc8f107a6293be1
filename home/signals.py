from django.db.models.signals import post_save
from django.dispatch import receiver

from organizations.provisioning import grant_organization_permissions_on

from .models import HomePage


@receiver(post_save, sender=HomePage)
def grant_permissions_on_new_translation(sender, instance, created, raw=False, **kwargs):
    # wagtail-localize creates a home page translation as a new top-level page; the
    # organization's groups must be able to edit it like the original.
    if created and not raw and instance.depth == 2:
        grant_organization_permissions_on(instance)

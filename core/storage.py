"""Where uploaded files live: the storages of settings.STORAGES, as Wagtail reaches them.

`default` holds what staff upload (original images, documents) and `renditions` the resized
images the pages show (config.settings.base, media_storages_from_env): both the local disk,
or one bucket on object storage where only the renditions are public.
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

RENDITIONS = "renditions"
# Where Wagtail puts renditions in their storage (AbstractRendition.get_upload_to): on object
# storage, the one public folder of the bucket.
RENDITIONS_FOLDER = "images/"


class RenditionStorage(LazyObject):
    """STORAGES["renditions"], looked up when first used and again after STORAGES changes,
    as Django's `default_storage` is: Wagtail's rendition file field keeps the storage it
    is given when the models load."""

    def _setup(self):
        self._wrapped = storages[RENDITIONS if RENDITIONS in storages.backends else "default"]


rendition_storage = RenditionStorage()


def get_rendition_storage():
    """For WAGTAILIMAGES_RENDITION_STORAGE."""
    return rendition_storage


@receiver(setting_changed)
def _forget_rendition_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        rendition_storage._wrapped = empty


def public_base_url(storage):
    """The address every file of `storage` starts with (`/media/`, `https://media.example.org/`),
    or None when its addresses are signed one by one (a private bucket)."""
    probe = "probe"
    url = storage.url(probe)
    return url[: -len(probe)] if url.endswith(probe) else None

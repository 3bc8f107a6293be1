import warnings

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage


class CoreConfig(AppConfig):
    """What any page may use and that knows no app: content blocks, language and time
    helpers, SEO, colour contrast, video consent, background tasks (core.tasks)."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import page_cache, page_links, request_memo

        page_cache.connect()
        request_memo.connect()
        page_links.connect()
        refuse_images_beyond_the_limit()


def refuse_images_beyond_the_limit():
    """Pillow refuses to open an image of more pixels than the upload limit
    (WAGTAILIMAGES_MAX_IMAGE_PIXELS), so that no rendition of one stored before the limit
    (or by a script) can take the server's memory: it raises DecompressionBombError beyond
    twice MAX_IMAGE_PIXELS, and only warns beyond it, so half the limit it is. The warning
    is silenced: below the limit, an image is welcome."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    PILImage.MAX_IMAGE_PIXELS = (limit + 1) // 2
    warnings.filterwarnings("ignore", category=PILImage.DecompressionBombWarning)

"""`make run`: the demo as the product behaves. Development's database, secret and e-mail to
the console, but DEBUG off, so that a wrong address gets the organization's own 404 page
(not Django's debug page listing every URL pattern) and errors their 500 page.

Static files are served by WhiteNoise straight from the apps and static/ (no collectstatic
needed), re-read when they change; uploaded media as development serves them
(home.views.serve_media). The port `make run` serves on (PORT) is in the admin's links
(WAGTAILADMIN_BASE_URL), as `manage.py demo --port` puts it in the sites' links.
"""

import os

from .dev import *  # noqa: F401,F403
from .dev import MIDDLEWARE

DEBUG = False
SERVE_MEDIA = True
# WhiteNoise right after SecurityMiddleware, as in production (base.py; dev.py leaves it out).
security_at = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:security_at],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[security_at:],
]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = f"http://localhost:{os.environ.get('PORT', '8000')}"

"""An organization's look, kept in the cache so that the 500 page needs no database."""

from django.core.cache import cache

NEUTRAL = {
    "name": "",
    "primary_colour": "#1d4e89",
    "accent_colour": "#8a3b12",
    "contact_email": "",
}
# Hostnames whose branding this process has already put in the cache.
_primed = set()


def cache_key(hostname):
    return f"org-branding:{hostname}"


def remember_branding(request, org, force=False):
    hostname = request.get_host().split(":")[0]
    if force or hostname not in _primed:
        cache.set(cache_key(hostname), org.branding(), None)
        _primed.add(hostname)


def store_branding(org):
    """Refresh the cached branding after the organization's settings change."""
    cache.set(cache_key(org.site.hostname), org.branding(), None)
    _primed.discard(org.site.hostname)


def branding_for(request):
    try:
        hostname = request.get_host().split(":")[0]
        return {**NEUTRAL, **(cache.get(cache_key(hostname)) or {})}
    except Exception:
        return dict(NEUTRAL)

"""The one time zone of the product: organizations and their events are in Poland."""

from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")

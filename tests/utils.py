"""Tiny helpers shared by test modules."""

from django.urls import reverse

SETTINGS_FIELDS_LEFT_EMPTY = [
    "short_name",
    "logo",
    "contact_email",
    "phone",
    "address",
    "facebook_url",
    "instagram_url",
    "linkedin_url",
    "youtube_url",
    "x_url",
    "telegram_url",
    "newsletter_url",
    "donate_url",
    "privacy_policy_page",
    "footer_text",
    "email_domains",
]


def settings_url(org):
    return reverse("wagtailsettings:edit", args=["home", "organizationsettings", org.site_id])


def settings_form(org, **overrides):
    """POST data for the organization settings form: valid as given, then `overrides`."""
    data = dict.fromkeys(SETTINGS_FIELDS_LEFT_EMPTY, "")
    data.update(
        name=org.name,
        primary_colour="#1d4e89",
        accent_colour="#8a3b12",
        languages=list(org.languages),
        registration_retention_days=30,
        registration_retention="delete",
    )
    data.update(overrides)
    return data

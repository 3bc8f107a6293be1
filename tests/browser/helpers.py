"""Helpers for the browser tests: logging in to the admin, the Polish admin's wording."""

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.utils import PASSWORD


def log_in(page, url, user):
    page.goto(url)
    page.locator('input[name="username"]').fill(user.username)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form.login-form button[type="submit"]').click()
    expect(page.locator('input[name="password"]')).to_have_count(0)


def in_polish(text):
    """A label or message as the Polish admin and site show it."""
    with translation.override("pl"):
        return gettext(text) if isinstance(text, str) else str(text)

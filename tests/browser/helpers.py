"""Helpers for the browser tests: logging in to the admin, the admin's wording in a
user's language."""

from pathlib import Path

import wagtail_localize
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.trans_real import DjangoTranslation
from playwright.sync_api import expect

from tests.utils import PASSWORD

# How the system Chromium is started, by Playwright (conftest) and by Lighthouse.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


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


def in_language(language, text):
    """A label or message as the admin shows it to a user who chose `language`."""
    with translation.override(language):
        return gettext(text)


# wagtail-localize's translation editor (a React app) reads its words from its own
# JavaScript catalogue.
TRANSLATION_EDITOR_LOCALE = Path(wagtail_localize.__file__).parent / "locale"


def in_translation_editor(language, text):
    """A label of wagtail-localize's translation editor as a user of `language` reads it:
    from the catalogue its page loads (the same lookup as its JavaScript catalogue view)."""
    catalogue = DjangoTranslation(
        language, domain="djangojs", localedirs=[str(TRANSLATION_EDITOR_LOCALE)]
    )
    return catalogue.gettext(text)


def choose_text_size(page, size):
    """Click A (`"0"`), A+ (`"1"`) or A++ (`"2"`) as a visitor does: on a phone the buttons
    are in the "Aa" disclosure of the header, opened first."""
    button = page.locator(f'button[data-text-size="{size}"]')
    summary = page.locator(".header-settings > summary")
    if not button.is_visible() and summary.is_visible():
        summary.click()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    return button


def fits_the_screen(page):
    """Nothing makes the page wider than the window (no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def fill_date(field, value):
    """Type `value` into one of the admin's date fields and close its picker, waiting until
    it is gone: a closing picker may take the next click meant for a button. (The picker of
    a date and time field stays open after Escape.)"""
    field.fill(value)
    field.press("Escape")
    expect(field.page.locator(".xdsoft_datetimepicker").filter(visible=True)).to_have_count(0)

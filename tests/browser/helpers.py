"""Helpers for the browser tests: logging in to the admin, the admin's wording in a
user's language."""

from contextlib import suppress
from pathlib import Path

import wagtail_localize
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.trans_real import DjangoTranslation
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
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
    it is gone: an open picker may take the next click meant for a button.

    The picker (jquery.datetimepicker) opens 100 ms after the field gets the focus: an
    Escape or blur sooner comes before it, and the picker opens afterwards. So the picker
    is given the moment to open, then closed by taking the focus from its field."""
    picker = field.page.locator(".xdsoft_datetimepicker").filter(visible=True)
    field.fill(value)
    with suppress(PlaywrightTimeoutError):  # if it did not open, there is nothing to close
        picker.wait_for(state="visible", timeout=2000)
    field.evaluate("field => field.blur()")  # the picker closes when its field loses the focus
    expect(picker).to_have_count(0)

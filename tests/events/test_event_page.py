"""An event's page as a visitor reads it: the info box at the top with the date in the
page's language, the place with a map link, the status, how to register, the organizers,
the contact and a calendar file."""

import re

import pytest
from django.utils import translation

from events.choices import EventStatus, RegistrationMode
from pages.pdf import page_html
from partners.blocks import Role
from tests.events.helpers import add_event, in_days, path_of, translate_event, warsaw
from tests.home.helpers import Markup
from tests.partners.helpers import make_partner, strip
from tests.utils import make_image, text_of, visit

pytestmark = pytest.mark.django_db


def t(language, message):
    """An interface string as the page in `language` shows it."""
    with translation.override(language):
        return translation.gettext(message)


def main_of(response):
    html = text_of(response)
    return html[html.index("<main") : html.index("</main>")]


def info_box_of(response):
    """The event box in the page's aside (it holds no section of its own)."""
    html = main_of(response)
    start = html.index('<section class="event-info')
    return html[start : html.index("</section>", start)]


def test_the_page_has_the_event_box_in_its_aside_after_the_text(org_a, integration_talk):
    response = visit(org_a, path_of(integration_talk))
    html = main_of(response)

    assert response.status_code == 200
    aside = html[html.index('<aside class="page-aside"') :]
    assert '<section class="event-info event-box' in aside
    assert html.index("</article>") < html.index('<aside class="page-aside"')
    # Where the box comes after the text (narrow screens), the essentials open the page.
    summary = html[html.index('<div class="event-summary">') :]
    summary = summary[: summary.index("</div>")]
    assert html.index("</h1>") < html.index('<div class="event-summary">')
    assert "kawiarnia społeczna PERS" in summary
    box = info_box_of(response)
    assert "kawiarnia społeczna PERS" in box
    assert "ul. Mostowa 6, 87-100 Toruń" in box
    assert (
        'href="https://www.openstreetmap.org/search?query=ul.+Mostowa+6%2C+87-100+Toru%C5%84"'
        in box
    )
    assert t("pl", "In person") in box
    assert "polski, ukraiński" in box
    assert t("pl", "Interpretation available on request.") in box


def test_the_date_is_marked_up_with_time_elements_in_the_pages_language(org_a, index_a):
    event = add_event(index_a, "Forum", warsaw(2030, 12, 14, 9, 30), warsaw(2030, 12, 14, 15, 30))
    translate_event(event, "uk", title="Форум")
    translate_event(event, "en", title="Forum")

    polish = info_box_of(visit(org_a, "/pl/wydarzenia/forum/"))
    ukrainian = info_box_of(visit(org_a, "/uk/podii/forum/"))
    english = info_box_of(visit(org_a, "/en/events/forum/"))

    assert (
        '<time datetime="2030-12-14T09:30+01:00">14 grudnia 2030, 9:30</time>–'
        '<time datetime="2030-12-14T15:30+01:00">15:30</time>'
    ) in polish
    assert "14 грудня 2030, 9:30</time>–" in ukrainian
    assert "14 December 2030, 9:30</time>–" in english


def test_an_all_day_event_shows_dates_only(org_a, index_a):
    event = add_event(
        index_a, "Forum", warsaw(2030, 3, 21, 0, 0), warsaw(2030, 3, 23, 0, 0), all_day=True
    )

    box = info_box_of(visit(org_a, path_of(event)))

    assert (
        '<time datetime="2030-03-21">21</time>–<time datetime="2030-03-23">23 marca 2030</time>'
        in box
    )


def test_there_is_no_embedded_map_nor_anything_loaded_from_another_site(org_a, integration_talk):
    markup = Markup(text_of(visit(org_a, path_of(integration_talk))))

    assert not [tag for tag, _attrs in markup.tags if tag in ("iframe", "object", "embed")]
    loaded = [
        value
        for tag, name, value in markup.urls()
        if tag in ("img", "script", "source") and value.startswith(("http", "//"))
    ]
    loaded += [
        attrs["href"]
        for tag, attrs in markup.tags
        if tag == "link"
        and attrs.get("rel") in ("stylesheet", "preload", "icon")
        and attrs["href"].startswith(("http", "//"))
    ]
    assert loaded == []


def test_the_page_is_well_formed_with_headings_in_order(org_a, integration_talk):
    integration_talk.body = [
        ("heading", {"text": "Dlaczego takie spotkanie?", "level": "h2", "anchor": ""})
    ]
    integration_talk.contact = [
        (
            "contact",
            {"name": "Jolanta Steciuk", "role": "", "email": "kontakt@example.org", "phone": ""},
        )
    ]
    integration_talk.partners = [
        ("partner_strip", strip(make_partner(org_a, "Fundacja Stocznia"), role=Role.PATRONAGE))
    ]
    integration_talk.save_revision().publish()

    markup = Markup(text_of(visit(org_a, path_of(integration_talk))))
    headings = markup.headings()

    assert markup.problems == []
    assert [name for name, count in markup.ids.items() if count > 1] == []
    assert headings[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(headings, headings[1:], strict=False))


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (EventStatus.CANCELLED, "This event has been cancelled."),
        (EventStatus.POSTPONED, "This event has been postponed. The new date will be announced."),
    ],
)
def test_a_cancelled_or_postponed_event_says_so_at_the_top(
    org_a, integration_talk, status, message
):
    integration_talk.status = status
    integration_talk.save_revision().publish()

    html = main_of(visit(org_a, path_of(integration_talk)))

    notice = (
        f'<p class="event-status event-status-{status}"><strong>{t("pl", message)}</strong></p>'
    )
    assert notice in html
    assert html.index(notice) < html.index('class="event-info')
    assert html.count("event-status-") == 1, "once, above the box, not again inside it"


def test_a_past_event_says_it_has_ended(org_a, index_a):
    event = add_event(index_a, "Forum", in_days(-3))

    assert t("pl", "This event has ended.") in main_of(visit(org_a, path_of(event)))


def test_external_registration_is_a_link_button_while_open(org_a, integration_talk):
    integration_talk.registration_mode = RegistrationMode.EXTERNAL
    integration_talk.registration_url = "https://example.org/zapisy?e=1&l=pl"
    integration_talk.save_revision().publish()

    box = info_box_of(visit(org_a, path_of(integration_talk)))

    assert re.search(
        r'<a class="button button-primary event-register" href="https://example.org/zapisy\?e=1&amp;l=pl"',
        box,
    )
    assert t("pl", "Registration required.") in box


def test_registration_on_this_site_shows_the_places_and_no_placeholder(org_a, integration_talk):
    box = info_box_of(visit(org_a, path_of(integration_talk)))

    assert "40" in box
    assert t("pl", "Registration required.") in box
    assert "event-register" not in box
    assert "<form" not in box


def test_without_registration_the_box_says_nothing_about_it(org_a, index_a):
    event = add_event(index_a, "Spacer", in_days(5))

    box = info_box_of(visit(org_a, path_of(event)))

    assert "event-registration" not in box
    assert t("pl", "Registration") not in re.sub(r"<[^>]+>", "", box)


def test_registration_not_yet_open_tells_when_it_opens(org_a, integration_talk):
    integration_talk.registration_opens_at = warsaw(2099, 1, 5, 9, 0)
    integration_talk.start = warsaw(2099, 2, 1, 9, 0)
    integration_talk.end = warsaw(2099, 2, 1, 12, 0)
    integration_talk.save_revision().publish()

    box = info_box_of(visit(org_a, path_of(integration_talk)))

    assert 'class="event-info-item event-registration event-registration-not_yet_open"' in box
    assert '<time datetime="2099-01-05T09:00+01:00">5 stycznia 2099, 9:00</time>' in box


def test_closed_registration_says_so(org_a, integration_talk):
    integration_talk.registration_closes_at = in_days(-1)
    integration_talk.save_revision().publish()

    box = info_box_of(visit(org_a, path_of(integration_talk)))

    assert t("pl", "Registration is closed.") in box


def test_photo_with_its_credit_partners_and_contact_are_shown(org_a, integration_talk):
    integration_talk.hero_image = make_image(org_a)
    integration_talk.hero_alt_text = "Uczestnicy przy stołach"
    integration_talk.hero_credit = "Piotr Rojewski"
    integration_talk.partners = [
        ("partner_strip", strip(make_partner(org_a, "Fundacja Stocznia"), role=Role.PATRONAGE))
    ]
    integration_talk.contact = [
        (
            "contact",
            {"name": "Jolanta Steciuk", "role": "", "email": "kontakt@example.org", "phone": ""},
        )
    ]
    integration_talk.save_revision().publish()

    html = main_of(visit(org_a, path_of(integration_talk)))

    assert 'alt="Uczestnicy przy stołach"' in html
    assert "Piotr Rojewski" in html
    assert "Fundacja Stocznia" in html
    assert 'class="partner-strip-heading"' in html
    assert '<a href="mailto:kontakt@example.org">' in html


def test_the_page_offers_its_calendar_file_and_the_list_of_events(org_a, integration_talk):
    html = main_of(visit(org_a, path_of(integration_talk)))

    assert f'href="{path_of(integration_talk)}ics/"' in html
    assert 'href="/pl/wydarzenia/"' in html


def test_an_untranslated_event_falls_back_to_polish_with_a_notice(org_a, integration_talk):
    # The language switcher's address for a page not yet translated: the Polish path in /uk/.
    response = visit(org_a, "/uk/wydarzenia/porozmawiajmy-o-integracji/")

    assert response.status_code == 200
    assert "notice-language" in text_of(response)
    assert "Porozmawiajmy o integracji" in main_of(response)


def aside_of(response):
    html = main_of(response)
    return html[html.index('<aside class="page-aside"') : html.index("</aside>")]


def test_the_aside_has_a_register_button_to_the_form_on_the_page(org_a, integration_talk):
    html = main_of(visit(org_a, path_of(integration_talk)))
    aside = aside_of(visit(org_a, path_of(integration_talk)))

    anchor = f"registration-{integration_talk.pk}"
    button = re.search(
        r'<a class="button button-primary event-box-register" href="([^"]+)">', aside
    )
    assert button is not None
    assert button.group(1) == f"#{anchor}"
    assert f'<section class="registration" id="{anchor}"' in html
    assert t("pl", "Register") in aside
    assert t("pl", "Places left: %(places)s") % {"places": 40} in aside
    assert '<use href="/static/icons/sprite.svg#calendar">' in aside


def test_without_registration_on_the_site_the_aside_has_no_register_button(org_a, index_a):
    event = add_event(index_a, "Spacer", in_days(5))

    assert "event-box-register" not in aside_of(visit(org_a, path_of(event)))


def test_the_event_page_offers_pdf_print_and_share_like_an_article(org_a, integration_talk):
    html = main_of(visit(org_a, path_of(integration_talk)))

    tools = html[
        html.index('<ul class="page-tools"') : html.index("</ul>", html.index("page-tools"))
    ]
    assert re.findall(r'<a class="page-tool [^"]+" href="([^"]+)"', tools) == [
        f"{path_of(integration_talk)}pdf/",
        "#share",
    ]
    assert 'class="page-tool page-tool-print"' in tools
    # One share bar, in the aside, where "Share" leads.
    assert html.count('id="share"') == 1
    assert 'id="share"' in aside_of(visit(org_a, path_of(integration_talk)))


def test_the_event_is_downloaded_as_a_pdf_with_its_date_and_place(org_a, integration_talk):
    response = visit(org_a, f"{path_of(integration_talk)}pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_pdf_page_names_the_events_date_and_place(org_a, integration_talk):
    html = page_html(integration_talk)

    assert "Porozmawiajmy o integracji" in html
    assert 'kawiarnia społeczna PERS, <span lang="pl">ul. Mostowa 6, 87-100 Toruń</span>' in html
    assert 'class="pdf-meta pdf-event-facts"' in html


def test_the_aside_lists_the_next_events_of_the_list_not_this_one(org_a, index_a, integration_talk):
    add_event(index_a, "Jutro", in_days(1))
    add_event(index_a, "Dawno", in_days(-5))
    add_event(index_a, "Za miesiąc", in_days(30))

    aside = aside_of(visit(org_a, path_of(integration_talk)))

    related = aside[aside.index('id="related-events-heading"') :]
    titles = re.findall(r'class="event-card-title"><a href="[^"]+"[^>]*>([^<]+)</a>', related)
    assert titles == ["Jutro", "Za miesiąc"]

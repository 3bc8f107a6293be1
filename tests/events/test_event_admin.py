"""Staff add an event in the admin: its fields in three tabs, checked before it is saved."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset

from events.models import EventPage
from tests.events.helpers import add_url, event_form, warsaw
from tests.utils import PASSWORD, make_image

pytestmark = pytest.mark.django_db


def _fields(panel):
    """The field panels inside a panel, however deeply nested."""
    if hasattr(panel, "field_name"):
        return [panel]
    return [field for child in getattr(panel, "children", []) for field in _fields(child)]


def test_the_form_groups_the_fields_in_event_registration_and_content_tabs(
    client, editor_a, index_a
):
    client.login(username=editor_a.username, password=PASSWORD)

    response = client.get(add_url(index_a))
    with translation.override("en"):
        tabs = {
            str(tab.heading): [panel.field_name for panel in _fields(tab)]
            for tab in EventPage.get_edit_handler().children
        }

    assert response.status_code == 200
    assert list(tabs)[:3] == ["Event", "Registration", "Content"]
    assert {"title", "start", "end", "status", "format", "meeting_url", "languages"} <= set(
        tabs["Event"]
    )
    assert set(tabs["Registration"]) == {
        "registration_mode",
        "registration_url",
        "capacity",
        "waiting_list",
        "organizer_email",
        "registration_opens_at",
        "registration_closes_at",
    }
    assert {"intro", "hero_image", "body", "partners", "contact"} <= set(tabs["Content"])
    assert 'type="checkbox" name="languages" value="uk"' in response.content.decode()


def test_an_editor_adds_an_event_with_its_languages_in_warsaw_time(client, editor_a, index_a):
    client.login(username=editor_a.username, password=PASSWORD)

    response = client.post(add_url(index_a), event_form(**{"action-publish": "publish"}))

    assert response.status_code == 302
    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    assert event.get_parent().pk == index_a.pk
    assert event.live
    assert event.languages == ["pl", "uk"]
    assert event.start == warsaw(2030, 12, 14, 9, 30)
    assert event.capacity == 40
    assert event.waiting_list


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end": "2030-12-14 08:00"}, "end"),
        ({"registration_mode": "external"}, "registration_url"),
        ({"meeting_url": "https://meet.example.org/x"}, "meeting_url"),
        ({"languages": []}, "languages"),
        ({"capacity": "", "waiting_list": "on"}, "waiting_list"),
    ],
)
def test_an_invalid_event_is_refused_with_the_error_beside_the_field(
    client, editor_a, index_a, overrides, field
):
    client.login(username=editor_a.username, password=PASSWORD)

    response = client.post(add_url(index_a), event_form(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not EventPage.objects.filter(slug="porozmawiajmy-o-integracji").exists()


def test_a_photo_without_alt_text_is_refused_and_what_was_typed_stays(
    client, editor_a, index_a, org_a
):
    client.login(username=editor_a.username, password=PASSWORD)
    photo = make_image(org_a)

    refused = client.post(add_url(index_a), event_form(hero_image=photo.pk, hero_alt_text=" "))
    accepted = client.post(
        add_url(index_a), event_form(hero_image=photo.pk, hero_alt_text="Ludzie przy stole")
    )

    assert refused.status_code == 200
    assert refused.context["form"].errors["hero_alt_text"] == [
        "Opisz zdjęcie osobom, które go nie widzą."
    ]
    assert 'value="kawiarnia społeczna PERS"' in refused.content.decode()
    assert accepted.status_code == 302
    assert EventPage.objects.get(slug="porozmawiajmy-o-integracji").hero_image == photo


def test_an_editor_cannot_add_an_event_to_another_organizations_index(client, editor_b, index_a):
    client.login(username=editor_b.username, password=PASSWORD)

    response = client.post(add_url(index_a), event_form(**{"action-publish": "publish"}))

    assert response.status_code in (302, 403)
    assert not EventPage.objects.filter(slug="porozmawiajmy-o-integracji").exists()


def test_an_editor_previews_a_new_event_before_saving_it(client, editor_a, index_a):
    client.login(username=editor_a.username, password=PASSWORD)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["events", "eventpage", index_a.pk])

    posted = client.post(url, event_form())
    preview = client.get(url)

    assert posted.json()["is_valid"]
    assert preview.status_code == 200
    assert "Porozmawiajmy o integracji" in preview.content.decode()
    assert "kawiarnia społeczna PERS" in preview.content.decode()


def question(label, field_type="singleline"):
    return {
        "label": label,
        "field_type": field_type,
        "required": "on",
        "choices": "",
        "default_value": "",
        "help_text": "",
    }


def test_two_questions_with_one_label_are_refused(client, editor_a, index_a):
    client.login(username=editor_a.username, password=PASSWORD)
    form = event_form(form_fields=inline_formset([question("Telefon"), question("telefon ")]))

    response = client.post(add_url(index_a), form)

    assert response.status_code == 200
    formset = response.context["form"].formsets["form_fields"]
    assert formset.forms[1].errors["label"] == [
        translation.gettext("Another question already has this label.")
    ]
    assert not EventPage.objects.filter(slug="porozmawiajmy-o-integracji").exists()


def test_an_event_keeps_its_questions(client, editor_a, index_a):
    client.login(username=editor_a.username, password=PASSWORD)
    form = event_form(
        form_fields=inline_formset([question("Telefon"), question("Dieta", "multiline")])
    )

    response = client.post(add_url(index_a), form)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    assert [(f.label, f.clean_name) for f in event.form_fields.all()] == [
        ("Telefon", "telefon"),
        ("Dieta", "dieta"),
    ]

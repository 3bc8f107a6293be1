"""Registration questions as staff add them in the event editor: optional to begin with,
types of answer in plain words without the technical ones, and "Choices" and "Default
value" marked to show only for the types that use them (the showing and hiding itself is
tried in tests/browser/test_editor_events.py)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset

from events.choices import EDITOR_QUESTION_TYPES, TYPES_WITH_CHOICES, QuestionType
from events.models import EventFormField, EventPage
from tests.events.helpers import add_url, event_form
from tests.utils import PASSWORD, text_of

pytestmark = pytest.mark.django_db

TECHNICAL = {QuestionType.URL, QuestionType.MULTISELECT, QuestionType.HIDDEN}


def question(label, field_type="singleline", **fields):
    return {
        "label": label,
        "field_type": field_type,
        "choices": "",
        "default_value": "",
        "help_text": "",
        **fields,
    }


def offered_types(html):
    select = re.search(r'<select name="form_fields-0-field_type".*?</select>', html, re.DOTALL)
    return re.findall(r'<option value="([^"]*)"', select.group(0))


@pytest.fixture
def as_editor(client, editor_a):
    client.login(username=editor_a.username, password=PASSWORD)
    return client


def test_a_new_question_starts_optional(as_editor, index_a):
    response = as_editor.get(add_url(index_a))

    empty = response.context["form"].formsets["form_fields"].empty_form
    assert empty["required"].value() is False
    assert EventFormField().required is False


def test_a_question_left_unticked_is_optional_and_a_ticked_one_required(as_editor, index_a):
    form = event_form(
        form_fields=inline_formset([question("Telefon"), question("Dieta", required="on")])
    )

    response = as_editor.post(add_url(index_a), form)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="porozmawiajmy-o-integracji")
    assert [(f.label, f.required) for f in event.form_fields.all()] == [
        ("Telefon", False),
        ("Dieta", True),
    ]


def test_the_editor_offers_plain_types_without_the_technical_ones(as_editor, integration_talk):
    EventFormField.objects.create(page=integration_talk, label="Telefon", field_type="singleline")

    html = text_of(as_editor.get(reverse("wagtailadmin_pages:edit", args=[integration_talk.pk])))

    assert offered_types(html) == ["", *EDITOR_QUESTION_TYPES]
    with translation.override("pl"):  # the editor's admin is in Polish
        assert str(QuestionType.SINGLELINE.label) in html
        assert str(QuestionType.HIDDEN.label) not in html
    # Each question's panel carries the controller, "Choices" and "Default value" its targets,
    # and the page editor loads the controller.
    assert 'data-controller="question-fields"' in html
    assert 'data-question-fields-target="choices"' in html
    assert 'data-question-fields-target="default"' in html
    assert "events/admin/question_fields.js" in html
    types = re.search(r'data-question-fields-types-value="([^"]*)"', html).group(1)
    assert types == "[&quot;" + "&quot;, &quot;".join(TYPES_WITH_CHOICES) + "&quot;]"


@pytest.mark.parametrize("field_type", sorted(TECHNICAL))
def test_a_technical_type_cannot_be_chosen_for_a_question(as_editor, index_a, field_type):
    form = event_form(form_fields=inline_formset([question("Strona", field_type)]))

    response = as_editor.post(add_url(index_a), form)

    assert response.status_code == 200
    formset = response.context["form"].formsets["form_fields"]
    assert formset.forms[0].errors["field_type"] == [
        translation.gettext("Choose one of the types offered.")
    ]
    assert not EventPage.objects.filter(slug="porozmawiajmy-o-integracji").exists()


@pytest.mark.parametrize("field_type", sorted(TECHNICAL))
def test_a_question_saved_with_a_technical_type_keeps_it(as_editor, integration_talk, field_type):
    kept = EventFormField.objects.create(
        page=integration_talk, label="Strona", field_type=field_type, required=False
    )
    edit = reverse("wagtailadmin_pages:edit", args=[integration_talk.pk])

    shown = offered_types(text_of(as_editor.get(edit)))
    response = as_editor.post(
        edit,
        event_form(
            form_fields=inline_formset(
                [question("Strona", field_type, id=str(kept.pk)), question("Telefon")], initial=1
            ),
            **{"action-publish": "publish"},
        ),
    )

    assert field_type in shown
    assert response.status_code == 302
    kept.refresh_from_db()
    assert kept.field_type == field_type
    assert [(f.label, f.field_type) for f in integration_talk.form_fields.all()] == [
        ("Strona", field_type),
        ("Telefon", "singleline"),
    ]

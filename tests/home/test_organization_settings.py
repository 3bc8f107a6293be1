"""Organization settings: what staff may set, and what is refused with a clear message."""

import pytest
from django.core.exceptions import ValidationError

from core.colours import contrast_ratio, validate_contrast_with_white
from organizations.models import OrganizationSettings
from tests.utils import add_content_page, settings_form, settings_url


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#1d4e89", "#000000", "#767676", "#a4262c"])
def test_dark_enough_colours_are_accepted(colour):
    validate_contrast_with_white(colour)


@pytest.mark.parametrize("colour", ["#ffff00", "#777777", "#ffffff", "#4fa3e0"])
def test_colours_too_light_for_white_text_are_refused(colour):
    with pytest.raises(ValidationError) as error:
        validate_contrast_with_white(colour)
    assert error.value.code == "low_contrast"


@pytest.mark.parametrize("colour", ["blue", "#12345", "#gggggg", ""])
def test_malformed_colours_are_refused(colour):
    with pytest.raises(ValidationError) as error:
        validate_contrast_with_white(colour)
    assert error.value.code == "invalid_colour"


@pytest.mark.django_db
def test_staff_save_their_organizations_settings(client, org_a, editor_a):
    client.force_login(editor_a)
    response = client.post(
        settings_url(org_a),
        settings_form(
            org_a, primary_colour="#2f5d3a", footer_text="Stopka fundacji", languages=["pl", "uk"]
        ),
    )
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.primary_colour == "#2f5d3a"
    assert org_a.languages == ["pl", "uk"]
    assert org_a.footer_text == "Stopka fundacji"


@pytest.mark.django_db
def test_low_contrast_colour_is_refused_and_nothing_typed_is_lost(client, org_a, editor_a):
    client.force_login(editor_a)
    response = client.post(
        settings_url(org_a),
        settings_form(org_a, primary_colour="#ffff00", footer_text="Tekst, który wpisałam"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "4.5:1" in html
    assert "Tekst, który wpisałam" in html
    assert 'value="#ffff00"' in html
    org_a.refresh_from_db()
    assert org_a.primary_colour == "#1d4e89"
    assert org_a.footer_text == ""


@pytest.mark.django_db
def test_polish_cannot_be_switched_off(client, org_a, editor_a):
    client.force_login(editor_a)
    response = client.post(settings_url(org_a), settings_form(org_a, languages=["uk", "en"]))
    assert response.status_code == 200
    assert response.context["form"].errors["languages"]
    org_a.refresh_from_db()
    assert org_a.languages == ["pl", "uk", "en"]


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["privacy_policy_page", "accessibility_statement_page"])
def test_the_footers_pages_must_be_pages_of_the_organizations_own_site(
    client, org_a, org_b, editor_a, page_a, page_b, field
):
    client.force_login(editor_a)
    standard = getattr(org_a, f"{field}_id")
    assert standard is not None  # create_organization chose its standard page
    refused = client.post(settings_url(org_a), settings_form(org_a, **{field: page_b.pk}))
    assert refused.status_code == 200
    assert field in refused.context["form"].errors
    org_a.refresh_from_db()
    assert getattr(org_a, f"{field}_id") == standard

    accepted = client.post(settings_url(org_a), settings_form(org_a, **{field: page_a.pk}))
    assert accepted.status_code == 302
    org_a.refresh_from_db()
    assert getattr(org_a, f"{field}_id") == page_a.pk


@pytest.mark.django_db
def test_languages_keep_the_installations_order(org_a):
    from organizations.models import OrganizationSettingsForm

    field = OrganizationSettingsForm.base_fields["languages"]
    assert [code for code, _name in field.choices] == ["pl", "uk", "en"]


@pytest.mark.django_db
def test_social_links_list_only_what_is_filled_in(org_a):
    org_a.youtube_url = "https://www.youtube.com/@alfa"
    org_a.telegram_url = "https://t.me/alfa"
    assert [key for key, _label, _url in org_a.social_links()] == ["youtube", "telegram"]


@pytest.mark.django_db
def test_owns_page_covers_every_language_tree(org_a, org_b, page_a, page_b):
    from wagtail.models import Locale

    settings = OrganizationSettings.objects.get(pk=org_a.pk)
    ukrainian_home = settings.site.root_page.get_translation(Locale.objects.get(language_code="uk"))
    nested = add_content_page(org_a, "Dokumenty", parent=ukrainian_home)
    assert settings.owns_page(page_a)
    assert settings.owns_page(nested)
    assert not settings.owns_page(page_b)

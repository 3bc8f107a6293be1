"""Partners of two organizations, their logos and translations."""

import pytest
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from partners.models import Partner

Image = get_image_model()


@pytest.fixture(autouse=True)
def polish():
    with translation.override("pl"):
        yield


def make_logo(org, title):
    return Image.objects.create(
        title=title,
        file=get_test_image_file(filename=f"{org.slug}-logo.png", size=(400, 160)),
        collection=org.collection,
    )


def make_partner(org, name, *, logo=None, website="", description="", language="pl"):
    return Partner.objects.create(
        site=org.site,
        locale=Locale.objects.get(language_code=language),
        name=name,
        logo=logo,
        website=website,
        description=description,
    )


def translate_partner(partner, language, **fields):
    """The partner in another language, as a translator leaves it."""
    translated = partner.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def partner_state(partner):
    """What must not change when another organization's staff try their luck."""
    partner = Partner.objects.filter(pk=partner.pk).first()
    if partner is None:
        return None
    return {
        "name": partner.name,
        "website": partner.website,
        "description": partner.description,
        "logo": partner.logo_id,
        "site": partner.site_id,
        "translations": partner.get_translations().count(),
    }


@pytest.fixture
def partner_a(org_a):
    """Org A's partner, in the directory every organization chooses from."""
    return make_partner(
        org_a,
        "Fundacja Stocznia",
        website="https://stocznia.org.pl/",
        description="Fundacja wspierająca partycypację obywatelską.",
    )


@pytest.fixture
def partner_b(org_b):
    return make_partner(org_b, "Gmina Miasta Toruń", website="https://www.torun.pl/")

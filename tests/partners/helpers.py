"""Helpers for the partners tests: partners, their logos and translations, partner strips."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from partners.blocks import PartnerStripBlock, Role
from partners.models import Partner

Image = get_image_model()


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


STRIP = PartnerStripBlock()


def strip(*partners, role=Role.PATRONAGE, custom_heading="", show_details=False):
    return STRIP.to_python(
        {
            "role": role,
            "custom_heading": custom_heading,
            "partners": [partner.pk for partner in partners],
            "show_details": show_details,
        }
    )

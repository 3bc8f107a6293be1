"""Responsive images (core.images, {% responsive_image %}): AVIF and WebP offered before a
fallback in the original's kind, a choice of widths with the space the image takes, its
size known before it loads, lazy unless asked; renditions really in those formats; and no
image beyond the pixel limit ever opened."""

import io

import PIL.Image
import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError
from wagtail.images.tests.utils import get_test_bad_image

from core.images import STYLES, prefetch_specs
from pages import pdf
from tests.core.helpers import HUGE, image_file, png_of, store_image
from tests.events.helpers import add_integration_talk, event_index, path_of
from tests.utils import text_of, visit

pytestmark = pytest.mark.django_db


def render(image, style, **attrs):
    """The tag's output for `image` in `style`, with `attrs` (template literals)."""
    written = " ".join(f"{name}={value}" for name, value in attrs.items())
    template = Template(
        f'{{% load image_tags %}}{{% responsive_image image "{style}" {written} %}}'
    )
    return template.render(Context({"image": image}))


def parsed(html):
    soup = BeautifulSoup(html, "html.parser")
    return soup.picture, soup.picture.find_all("source"), soup.picture.img


def candidates(srcset):
    """[(file name, descriptor)] of a srcset."""
    return [
        (url.rsplit("/", 1)[-1], descriptor)
        for url, descriptor in (entry.split() for entry in srcset.split(", "))
    ]


def test_a_photo_offers_avif_then_webp_then_jpeg_at_each_width(org_a):
    photo = store_image(org_a, image_file((1600, 900), "JPEG"))

    picture, sources, img = parsed(render(photo, "card", alt='"Uczestnicy forum"'))

    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    for source, extension in zip(sources, ("avif", "webp"), strict=True):
        assert [descriptor for _name, descriptor in candidates(source["srcset"])] == [
            "480w",
            "960w",
        ]
        assert all(name.endswith(f".{extension}") for name, _ in candidates(source["srcset"]))
        assert source["sizes"] == STYLES["card"].sizes
    assert candidates(img["srcset"]) == [
        ("photo.2e16d0ba.fill-480x270-c100.format-jpeg.jpg", "480w"),
        ("photo.2e16d0ba.fill-960x540-c100.format-jpeg.jpg", "960w"),
    ]
    assert img["sizes"] == STYLES["card"].sizes
    # The largest rendition as src (what a reader without srcset takes) and as the size.
    assert img["src"].endswith("fill-960x540-c100.format-jpeg.jpg")
    assert (img["width"], img["height"]) == ("960", "540")
    assert img["alt"] == "Uczestnicy forum"
    assert (img["loading"], img["decoding"]) == ("lazy", "async")


def test_a_png_falls_back_to_png_so_that_transparency_is_kept(org_a):
    logo = store_image(org_a, image_file((400, 200), "PNG", name="logo.png"))

    _picture, sources, img = parsed(render(logo, "body", alt='""'))

    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    assert img["src"].endswith(".format-png.png")


def test_a_gif_is_offered_as_it_is_so_that_an_animation_keeps_its_frames(org_a):
    gif = store_image(org_a, image_file((800, 600), "GIF", name="anim.gif"))

    _picture, sources, img = parsed(render(gif, "body", alt='"Animacja"'))

    assert sources == []
    assert "format-" not in img["srcset"]


def test_the_first_thing_on_the_screen_is_loaded_at_once_and_first(org_a):
    photo = store_image(org_a, image_file((1600, 1000)))

    _picture, _sources, img = parsed(
        render(
            photo,
            "hero",
            alt='""',
            lazy="False",
            fetchpriority='"high"',
            **{"class": '"hero-image"'},
        )
    )

    assert "loading" not in img.attrs
    assert "decoding" not in img.attrs
    assert img["fetchpriority"] == "high"
    assert img["class"] == ["hero-image"]
    assert img["sizes"] == STYLES["hero"].sizes
    assert [descriptor for _name, descriptor in candidates(img["srcset"])] == [
        "640w",
        "960w",
        "1280w",
    ]


def test_empty_attributes_are_left_out_but_an_empty_alt_is_kept(org_a):
    photo = store_image(org_a, image_file())

    _picture, _sources, img = parsed(render(photo, "card", alt='""', lang='""'))

    assert img["alt"] == ""
    assert "lang" not in img.attrs


def test_a_small_original_is_never_enlarged_nor_offered_twice_at_one_width(org_a):
    photo = store_image(org_a, image_file((640, 480), "JPEG"))

    _picture, sources, img = parsed(render(photo, "body", alt='"Mała"'))

    assert [descriptor for _name, descriptor in candidates(img["srcset"])] == ["480w", "640w"]
    assert [descriptor for _name, descriptor in candidates(sources[0]["srcset"])] == [
        "480w",
        "640w",
    ]
    assert (img["width"], img["height"]) == ("640", "480")


def test_a_logo_is_offered_at_1x_and_2x_with_the_size_it_shows_at(org_a):
    logo = store_image(org_a, image_file((800, 200), "PNG", name="logo.png"))

    _picture, sources, img = parsed(render(logo, "partner_logo", alt='"Fundacja"'))

    assert candidates(img["srcset"]) == [
        ("logo.max-192x72.format-png.png", "1x"),
        ("logo.max-384x144.format-png.png", "2x"),
    ]
    assert [descriptor for _name, descriptor in candidates(sources[0]["srcset"])] == ["1x", "2x"]
    assert "sizes" not in img.attrs
    assert all("sizes" not in source.attrs for source in sources)
    assert (img["width"], img["height"]) == ("192", "48")
    # The sharpest as src: a PDF printed from the page takes it.
    assert img["src"].endswith("max-384x144.format-png.png")


@pytest.mark.parametrize(("size", "shown"), [((150, 60), (150, 60)), ((200, 75), (192, 72))])
def test_a_logo_not_twice_the_size_shown_is_offered_once(org_a, size, shown):
    logo = store_image(org_a, image_file(size, "PNG", name="logo.png"))

    _picture, sources, img = parsed(render(logo, "partner_logo", alt='"Fundacja"'))

    assert "srcset" not in img.attrs
    assert candidates(sources[0]["srcset"]) == [("logo.max-192x72.format-avif.avif", "1x")]
    assert (img["width"], img["height"]) == tuple(map(str, shown))


def test_the_renditions_are_really_avif_webp_and_the_fallback(org_a):
    photo = store_image(org_a, image_file((1600, 900), "JPEG"))
    logo = store_image(org_a, image_file((400, 200), "PNG", name="logo.png"))

    render(photo, "card", alt='""')
    render(logo, "partner_logo", alt='""')

    formats = {}
    for image in (photo, logo):
        for rendition in image.renditions.all():
            with rendition.file.open() as file, PIL.Image.open(file) as opened:
                formats[rendition.filter_spec] = (opened.format, opened.size)
    assert formats == {
        "fill-480x270-c100|format-avif": ("AVIF", (480, 270)),
        "fill-960x540-c100|format-avif": ("AVIF", (960, 540)),
        "fill-480x270-c100|format-webp": ("WEBP", (480, 270)),
        "fill-960x540-c100|format-webp": ("WEBP", (960, 540)),
        "fill-480x270-c100|format-jpeg": ("JPEG", (480, 270)),
        "fill-960x540-c100|format-jpeg": ("JPEG", (960, 540)),
        "max-192x72|format-avif": ("AVIF", (144, 72)),
        "max-384x144|format-avif": ("AVIF", (288, 144)),
        "max-192x72|format-webp": ("WEBP", (144, 72)),
        "max-384x144|format-webp": ("WEBP", (288, 144)),
        "max-192x72|format-png": ("PNG", (144, 72)),
        "max-384x144|format-png": ("PNG", (288, 144)),
    }


def test_the_renditions_a_listing_prefetches_are_those_the_cards_ask_for(org_a):
    photo = store_image(org_a, image_file((1600, 900), "JPEG"))
    logo = store_image(org_a, image_file((400, 200), "PNG", name="logo.png"))

    render(photo, "card", alt='""')
    render(photo, "card_featured", alt='""')
    render(logo, "partner_logo", alt='""')

    made = set(photo.renditions.values_list("filter_spec", flat=True))
    assert made <= set(prefetch_specs("card", "card_featured"))
    assert set(logo.renditions.values_list("filter_spec", flat=True)) <= set(
        prefetch_specs("partner_logo")
    )


def test_an_image_whose_file_is_missing_leaves_its_alt_text_in_place(org_a):
    missing = get_test_bad_image()
    missing.collection = org_a.collection
    missing.save()

    html = render(missing, "lead", alt='"Uczestnicy forum"', lazy="False")

    assert html == '<img alt="Uczestnicy forum" src="/media/not-found">'


def test_no_image_renders_nothing():
    assert render(None, "card", alt='""') == ""


def test_an_unknown_style_is_a_mistake_in_the_template(org_a):
    photo = store_image(org_a, image_file())

    with pytest.raises(TemplateSyntaxError, match="No image style named 'poster'"):
        render(photo, "poster", alt='""')


# --- Beyond the pixel limit ------------------------------------------------------------------


# Pillow warns from half the limit (CoreConfig.ready silences it; pytest resets the filters).
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_pillow_refuses_to_open_an_image_beyond_the_limit_and_opens_one_within(settings):
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert limit == 40_000_000

    with pytest.raises(PIL.Image.DecompressionBombError):
        PIL.Image.open(io.BytesIO(png_of(HUGE)))
    with pytest.raises(PIL.Image.DecompressionBombError):
        PIL.Image.open(io.BytesIO(png_of((8000, 5001))))
    with PIL.Image.open(io.BytesIO(png_of((8000, 5000)))) as within:
        assert within.size == (8000, 5000)


def test_no_rendition_of_an_image_beyond_the_limit_is_ever_made(huge_image):
    assert render(huge_image, "lead", alt='"Plakat"') == ""

    # Wagtail's own tags and the admin's thumbnails are refused by Pillow before any
    # pixel is decoded, instead of taking seconds and most of a gigabyte.
    with pytest.raises(PIL.Image.DecompressionBombError):
        huge_image.get_rendition("max-165x165")
    assert not huge_image.renditions.exists()


def test_a_page_whose_photo_is_beyond_the_limit_shows_without_it(org_a, huge_image):
    event = add_integration_talk(
        event_index(org_a), hero_image=huge_image, hero_alt_text="Plakat spotkania"
    )

    response = visit(org_a, path_of(event))

    html = text_of(response)
    assert response.status_code == 200
    assert "Porozmawiajmy o integracji" in html
    assert "Plakat spotkania" not in html  # neither the photo nor a link preview of it
    assert "Plakat spotkania" not in pdf.page_html(event)
    assert not huge_image.renditions.exists()

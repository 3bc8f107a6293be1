"""Nothing an organization's staff upload can run a script on the site's own address.

An SVG image is a document that can carry scripts: opened from /media/, it would run
with the session of whoever opens it (an administrator). Images are refused unless they
are raster images, documents are served by Wagtail's view as downloads, and whatever lies
under /media/ is served with no right to run anything.
"""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve, reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.views import serve_media

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>fetch('/admin/users/')</script><rect width='10' height='10'/></svg>"
)


def upload(client, user, name, content, content_type):
    client.force_login(user)
    return client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_an_svg_image_with_a_script_is_refused_with_a_message_in_the_admins_language(
    client, editor_a
):
    response = upload(client, editor_a, "logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    # The editor's admin is in Polish: Wagtail's own message, naming the formats accepted.
    assert "Nieobsługiwany format" in answer["error_message"], answer["error_message"]
    assert "SVG" not in answer["error_message"].split(":", 1)[-1]
    assert not Image.objects.filter(title__startswith="logo").exists()


def test_a_png_image_is_accepted(client, editor_a, org_a):
    png = get_test_image_file().file.getvalue()
    response = upload(client, editor_a, "plakat.png", png, "image/png")

    answer = response.json()
    assert answer["success"] is True
    image = Image.objects.get(pk=answer["image_id"])
    assert image.collection_id == org_a.collection_id


def test_an_svg_renamed_as_png_is_refused(client, editor_a):
    response = upload(client, editor_a, "logo.png", SVG_WITH_SCRIPT, "image/png")

    assert response.json()["success"] is False
    assert not Image.objects.filter(title__startswith="logo").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("x.svg", SVG_WITH_SCRIPT), ("x.html", b"<script>alert(document.cookie)</script>")],
)
def test_a_document_that_could_run_a_script_is_served_as_a_download(client, org_a, name, content):
    document = Document.objects.create(
        title="Skrypt", file=ContentFile(content, name=name), collection=org_a.collection
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_pdf_document_opens_in_the_browser(client, org_a):
    document = Document.objects.create(
        title="Raport",
        file=ContentFile(b"%PDF-1.4 raport", name="raport.pdf"),
        collection=org_a.collection,
    )

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def media_response(path):
    return serve_media(RequestFactory().get(f"/media/{path}"), path)


def test_media_serves_nothing_that_could_run_a_script(settings, tmp_path):
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "logo.svg").write_bytes(SVG_WITH_SCRIPT)
    (tmp_path / "original_images" / "page.html").write_bytes(b"<script>1</script>")

    for path in ("original_images/logo.svg", "original_images/page.html"):
        response = media_response(path)
        assert response["Content-Disposition"] == "attachment"
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_media_shows_raster_images_as_they_are(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "plakat.png").write_bytes(get_test_image_file().file.getvalue())

    response = media_response("images/plakat.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("path", ["documents/raport.html", "images/../documents/raport.html"])
def test_media_never_serves_documents_past_wagtails_view(tmp_path, path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "raport.html").write_bytes(b"<script>1</script>")
    (tmp_path / "images").mkdir()

    with pytest.raises(Http404):
        media_response(path)


def test_development_serves_media_through_the_guarded_view(settings):
    import config.urls

    settings.DEBUG = True
    try:
        development_urls = importlib.reload(config.urls)
        match = resolve("/media/original_images/logo.svg", urlconf=development_urls)
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)

    assert match.func is serve_media
    assert match.kwargs == {"path": "original_images/logo.svg"}

"""Media on S3-compatible object storage (MEDIA_STORAGE=s3, README "Media on object storage").

Against a real S3 server on loopback: moto's standalone server in its own process, spoken to
over HTTP by boto3 as a production bucket would be (nothing of the client is mocked). The
bucket is private but for renditions (`images/`), as the README's bucket policy makes it.
"""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from config.settings.base import media_storages_from_env
from pages import pdf
from tests.home.helpers import Markup
from tests.utils import add_content_page, visit

Image = get_image_model()
Document = get_document_model()

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
REGION = "eu-central-1"
SCRIPT = b"<script>fetch('/admin/users/')</script>"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """A client of an S3-compatible server started for this module's tests."""
    port = free_port()
    moto_server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [moto_server, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{address}/moto-api/", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield boto3.client("s3", endpoint_url=address, region_name=REGION, **CREDENTIALS)
    finally:
        process.terminate()
        process.wait(timeout=10)


class Bucket:
    """One bucket on the server, public for renditions only (README's bucket policy)."""

    def __init__(self, client):
        self.client = client
        self.endpoint = client.meta.endpoint_url
        self.name = f"media-{uuid.uuid4().hex[:12]}"
        self.client.create_bucket(
            Bucket=self.name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{self.name}/images/*",
                }
            ],
        }
        self.client.put_bucket_policy(Bucket=self.name, Policy=json.dumps(policy))

    @property
    def address(self):
        return f"{self.endpoint}/{self.name}/"

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return {item["Key"] for item in listing.get("Contents", [])}

    def head(self, key):
        return self.client.head_object(Bucket=self.name, Key=key)

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def environment(self):
        return {
            "MEDIA_STORAGE": "s3",
            "MEDIA_S3_BUCKET": self.name,
            "MEDIA_S3_ENDPOINT_URL": self.endpoint,
            "MEDIA_S3_REGION": REGION,
            "MEDIA_S3_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
            "MEDIA_S3_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        }


@pytest.fixture
def bucket(s3_server, settings):
    """A new bucket of the server, and the settings MEDIA_STORAGE=s3 makes for it."""
    bucket = Bucket(s3_server)
    settings.STORAGES = {
        **media_storages_from_env(bucket.environment()),
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    return bucket


def anonymous_get(url):
    """A visitor's browser asking for `url`: (status, content type, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, b""


def local_files(settings):
    return sorted(str(path) for path in Path(settings.MEDIA_ROOT).rglob("*"))


def upload(client, user, kind, name, content, content_type):
    """Files dropped on the admin's multiple upload page of images or documents."""
    client.force_login(user)
    response = client.post(
        reverse(f"wagtail{kind}:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    answer = response.json()
    assert answer["success"] is True, answer
    return answer


def png(size=(1200, 800)):
    return get_test_image_file(filename="plakat.png", size=size).file.getvalue()


def image_block(image):
    return ("image", {"image": image, "alt_text": "Plakat", "decorative": False})


def image_addresses(html):
    """Every address the page's <img> elements load (src and each srcset candidate)."""
    addresses = []
    for tag, attrs in Markup(html).tags:
        if tag == "img":
            addresses.append(attrs["src"])
            srcset = attrs.get("srcset") or ""
            addresses += [part.split()[0] for part in srcset.split(",") if part.strip()]
    return addresses


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_is_shown_on_the_page_from_the_bucket(
    client, editor_a, org_a, bucket, settings
):
    answer = upload(client, editor_a, "images", "plakat.png", png(), "image/png")
    image = Image.objects.get(pk=answer["image_id"])

    # The original is kept in the bucket, private: no visitor can fetch it from there.
    assert image.file.name.startswith("original_images/plakat")
    assert {image.file.name} <= bucket.keys()
    assert anonymous_get(bucket.address + image.file.name)[0] == 403

    page = add_content_page(org_a, "Plakat forum", slug="plakat", body=[image_block(image)])
    html = visit(org_a, page.url).content.decode()

    addresses = image_addresses(html)
    renditions = {rendition.file.name for rendition in image.renditions.all()}
    assert len(addresses) >= 2, addresses  # a src and a srcset of several widths
    assert renditions <= bucket.keys()
    for address in addresses:
        # Straight from the bucket, with no signature that would expire in a cached page.
        assert address.startswith(bucket.address + "images/plakat"), address
        assert "?" not in address
        key = address.removeprefix(bucket.address)
        assert key in renditions
        status, content_type, body = anonymous_get(address)
        assert (status, content_type) == (200, "image/png")
        assert body == bucket.read(key)
        assert bucket.head(key)["CacheControl"] == "public, max-age=86400"
    assert local_files(settings) == []


@pytest.mark.django_db
def test_two_images_of_the_same_name_stay_two_files(client, editor_a, bucket):
    first = upload(client, editor_a, "images", "plakat.png", png((400, 300)), "image/png")
    second = upload(client, editor_a, "images", "plakat.png", png((300, 400)), "image/png")

    first, second = (Image.objects.get(pk=answer["image_id"]) for answer in (first, second))
    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= bucket.keys()
    assert (first.width, second.width) == (400, 300)
    with first.open_file() as file:
        assert file.read() == bucket.read(first.file.name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type", "disposition"),
    [
        ("program.html", b"<p>Program</p>" + SCRIPT, "text/html", "attachment"),
        ("raport.pdf", b"%PDF-1.4 raport", "application/pdf", "inline"),
    ],
)
def test_a_document_stays_private_in_the_bucket_and_reaches_visitors_with_safe_headers(
    client, editor_a, org_a, bucket, settings, name, content, content_type, disposition
):
    answer = upload(client, editor_a, "docs", name, content, content_type)
    document = Document.objects.get(pk=answer["doc_id"])

    key = document.file.name
    assert key.startswith("documents/")
    assert bucket.read(key) == content
    assert anonymous_get(bucket.address + key)[0] == 403
    # Even an address to the object itself, signed by the site, gives a download.
    assert bucket.head(key)["ContentDisposition"] == "attachment"

    documents = {"heading": "", "documents": [{"document": document, "title": ""}]}
    page = add_content_page(org_a, "Do pobrania", slug="pliki", body=[("documents", documents)])
    html = visit(org_a, page.url).content.decode()
    assert f'href="{document.url}"' in html
    assert bucket.endpoint not in html

    response = visit(org_a, document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"].startswith(disposition)
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert local_files(settings) == []


@pytest.mark.django_db
def test_deleting_an_image_or_a_document_in_the_admin_removes_their_objects(
    client, editor_a, org_a, bucket, django_capture_on_commit_callbacks
):
    image = Image.objects.get(
        pk=upload(client, editor_a, "images", "plakat.png", png(), "image/png")["image_id"]
    )
    image.get_renditions("width-400", "width-800")
    document = Document.objects.get(
        pk=upload(client, editor_a, "docs", "raport.pdf", b"%PDF-1.4", "application/pdf")["doc_id"]
    )
    assert len(bucket.keys()) >= 4  # the original, its renditions and the document

    with django_capture_on_commit_callbacks(execute=True):
        deleted_image = client.post(reverse("wagtailimages:delete", args=[image.pk]))
        deleted_document = client.post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert deleted_image.status_code == deleted_document.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert bucket.keys() == set()


@pytest.mark.django_db
def test_the_pdf_of_a_page_reads_renditions_from_the_bucket_and_nothing_private(org_a, bucket):
    image = Image.objects.create(
        title="Plakat", file=ContentFile(png(), name="plakat.png"), collection=org_a.collection
    )
    rendition = image.get_rendition("width-400")
    fetcher = pdf.LocalFilesOnly("http://alfa.localhost/pl/plakat/")

    fetched = fetcher.fetch(rendition.url)

    assert rendition.url.startswith(bucket.address)
    assert fetched.content_type == "image/png"
    assert fetched.read() == bucket.read(rendition.file.name)
    with pytest.raises(ValueError, match="only the site's media and static files"):
        fetcher.fetch(image.file.url)  # the original: a signed address of a private object


def test_local_disk_unless_told_otherwise():
    storages = media_storages_from_env({})

    assert storages == media_storages_from_env({"MEDIA_STORAGE": "local"})
    assert {storage["BACKEND"] for storage in storages.values()} == {
        "django.core.files.storage.FileSystemStorage"
    }
    assert set(storages) == {"default", "renditions"}


def test_the_bucket_is_private_but_for_renditions_under_a_custom_domain():
    environment = {
        "MEDIA_STORAGE": "s3",
        "MEDIA_S3_BUCKET": "media",
        "MEDIA_S3_CUSTOM_DOMAIN": "media.example.org",
    }

    storages = media_storages_from_env(environment)

    private, public = storages["default"]["OPTIONS"], storages["renditions"]["OPTIONS"]
    assert private["querystring_auth"] is True
    assert "custom_domain" not in private
    assert public["querystring_auth"] is False
    assert public["custom_domain"] == "media.example.org"
    assert private["default_acl"] is public["default_acl"] is None
    assert private["file_overwrite"] is public["file_overwrite"] is False
    # No keys of its own: boto3 finds the server's (AWS_ACCESS_KEY_ID, an instance role).
    assert private["access_key"] is private["secret_key"] is None


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET"),
        ({"MEDIA_S3_BUCKET": "media"}, "MEDIA_S3_BUCKET set but MEDIA_STORAGE is not s3"),
        (
            {"MEDIA_STORAGE": "local", "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net"},
            "MEDIA_S3_ENDPOINT_URL set but MEDIA_STORAGE is not s3",
        ),
        ({"MEDIA_STORAGE": "minio"}, "MEDIA_STORAGE is local, s3 or unset, not 'minio'"),
        (
            {"MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": "m", "MEDIA_S3_ACCESS_KEY_ID": "AKIA"},
            "Set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither",
        ),
        (
            {"MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": "m", "MEDIA_S3_ENDPOINT_URL": "s3.example"},
            "MEDIA_S3_ENDPOINT_URL is the S3 server's address",
        ),
        (
            {
                "MEDIA_STORAGE": "s3",
                "MEDIA_S3_BUCKET": "m",
                "MEDIA_S3_CUSTOM_DOMAIN": "https://media.example.org/",
            },
            "MEDIA_S3_CUSTOM_DOMAIN is a host name alone",
        ),
        (
            {"MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": "m", "MEDIA_S3_ADDRESSING_STYLE": "dns"},
            "MEDIA_S3_ADDRESSING_STYLE is path, virtual or auto",
        ),
    ],
)
def test_a_half_made_configuration_is_refused(environment, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storages_from_env(environment)

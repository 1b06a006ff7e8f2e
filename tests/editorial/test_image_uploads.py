"""Image uploads: damaged, disguised and enormous files are refused with a message; nothing is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


def png(width, height):
    data = io.BytesIO()
    PillowImage.new("1", (width, height)).save(data, "PNG", optimize=True)
    return data.getvalue()


GOOD = png(40, 30)
BAD = {
    "truncated.png": (GOOD[: len(GOOD) // 2], "cannot be read as an image"),
    "bomb.png": (png(20_000, 20_000), "too many pixels to open safely"),
    "large.png": (png(8_000, 6_000), "too many pixels"),  # 48 Mpx: Pillow opens it, our limit refuses it
    "polyglot.gif": (b"GIF89a" + b"<html><script>alert(1)</script></html>", "cannot be read as an image"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_image_is_refused_with_a_message(admin_client, name):
    data, message = BAD[name]
    before = Image.objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Image.objects.count() == before


@pytest.mark.parametrize("name", sorted(BAD))
def test_the_multiple_uploader_refuses_them_too(admin_client, name):
    data, message = BAD[name]
    before = Image.objects.count()
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False and message in answer["error_message"]
    assert Image.objects.count() == before


def test_a_good_image_is_stored(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Good", "file": SimpleUploadedFile("good.png", GOOD), "collection": 1}
    )
    assert response.status_code == 302
    assert Image.objects.filter(title="Good", width=40, height=30).exists()

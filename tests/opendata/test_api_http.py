"""What every API answer shares: its schema, caching by content generation, CORS, the rate limit, the docs."""

import json
import re

import pytest
from django.test import override_settings
from openapi_spec_validator import validate

from rapporteur.reports.models import CountryEntryPage

pytestmark = pytest.mark.django_db


def test_the_served_openapi_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.1")
    validate(document)
    paths = set(document["paths"])
    for path in ("/api/v1/entries/{entry_id}", "/api/v1/sections", "/api/v1/matrix", "/api/v1/search"):
        assert path in paths


def test_answers_carry_validators_and_a_304_costs_nothing(client, kazakhstan, django_capture_on_commit_callbacks):
    first = client.get("/api/v1/entries/2013-KZ")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified and "max-age=" in first["Cache-Control"]
    again = client.get("/api/v1/entries/2013-KZ", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/v1/entries/2013-KZ", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        page = CountryEntryPage.objects.get(pk=kazakhstan.pk)
        page.summary = "<p>Corrected.</p>"
        page.save_revision().publish()
    changed = client.get("/api/v1/entries/2013-KZ", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["summary"]["text"] == "Corrected."


def test_any_origin_may_read_it(client):
    response = client.get("/api/v1/editions", HTTP_ORIGIN="https://researcher.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/entries?edition=x")["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/editions", HTTP_ORIGIN="https://x.example")
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]


def test_head_answers_like_get_without_a_body(client):
    response = client.head("/api/v1/editions")
    assert response.status_code == 200 and response.content == b"" and response["ETag"]


def test_it_is_read_only(client):
    response = client.post("/api/v1/editions", {})
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"


@override_settings(OPENDATA_API_RATE_LIMIT="3/60")
def test_too_many_requests_from_one_address_are_told_when_to_come_back(client):
    for _ in range(3):
        assert client.get("/api/v1/editions").status_code == 200
    refused = client.get("/api/v1/editions")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["error"] == "rate_limited"
    assert client.get("/api/v1/editions", REMOTE_ADDR="192.0.2.7").status_code == 200  # someone else
    assert client.get("/en/2013/").status_code == 200  # readers of the site are not counted


def test_the_documentation_page_makes_no_third_party_request(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    for address in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert address.startswith(("/", "http://testserver/", "#")), address
    assert "/api/v1/matrix" in html and "openapi.json" in html
    assert "<script" not in html
    css = client.get(re.search(r'href="(/static/[^"]+\.css)"', html)[1])
    assert css.status_code == 200

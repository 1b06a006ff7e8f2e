"""What a page says about itself once it leaves the site: a description for search engines and
link previews, an icon, and on paper where it came from; and it travels compressed."""

import gzip

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.helpers import soup

pytestmark = pytest.mark.django_db

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


def description(client, url):
    meta = soup(client.get(url)).find("meta", attrs={"name": "description"})
    return meta["content"] if meta else None


def test_every_kind_of_page_has_a_description_of_its_own(client, kazakhstan):
    entry = description(client, KAZAKHSTAN)
    assert entry.startswith("Five security officers were charged")  # the entry's summary
    assert len(entry) <= 160
    region = description(client, "/en/2013/europe-and-central-asia/")
    assert region and region != entry
    assert description(client, "/en/countries/kazakhstan/").startswith("Kazakhstan in every edition")
    assert description(client, "/en/people/natalia-sokolova/")
    assert description(client, "/en/search/")
    # what an editor wrote for search engines wins
    type(kazakhstan).objects.filter(pk=kazakhstan.pk).update(search_description="Written for search engines.")
    from rapporteur.reports.cache import new_generation

    new_generation()
    assert description(client, KAZAKHSTAN) == "Written for search engines."


def test_favicon_answers_where_browsers_look(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert soup(client.get(KAZAKHSTAN)).find("link", rel="icon")


def test_a_printed_page_says_whose_it_is_and_where_it_lives(client):
    source = soup(client.get(KAZAKHSTAN)).select_one("footer .print-source")
    text = " ".join(source.get_text().split())
    assert "Rapporteur Demonstration Organisation, Annual Report 2013: The state of the world's human rights." in text
    assert f"http://testserver{KAZAKHSTAN}" in text
    assert "(published " in text


def test_reader_pages_are_compressed_and_admin_pages_are_not(admin_client):
    response = Client().get(KAZAKHSTAN, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]
    admin = admin_client.get(reverse("wagtailadmin_home"), headers={"accept-encoding": "gzip"})
    assert admin.status_code == 200 and not admin.has_header("Content-Encoding")  # BREACH: it carries a CSRF token
    signed_in = admin_client.get(KAZAKHSTAN, headers={"accept-encoding": "gzip"})
    assert not signed_in.has_header("Content-Encoding")  # the user bar of a signed-in editor

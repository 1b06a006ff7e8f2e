"""'Jump to a Country Report' works without JavaScript: a GET form and a server redirect."""

import pytest

pytestmark = pytest.mark.django_db


def test_jump_redirects_to_the_chosen_entry(client):
    response = client.get("/en/2013/jump/", {"country": "kazakhstan"})
    assert response.status_code == 302
    assert response["Location"] == "/en/2013/europe-and-central-asia/kazakhstan/"
    assert client.get(response["Location"]).status_code == 200


def test_jump_stays_within_the_edition(client):
    response = client.get("/en/2012/jump/", {"country": "kazakhstan"})
    assert response["Location"] == "/en/2012/europe-and-central-asia/kazakhstan/"


@pytest.mark.parametrize("value", ["atlantis", "russian-federation'--", "<script>", "x" * 5000, "../../admin"])
def test_unknown_country_gets_a_clear_404(client, value):
    response = client.get("/en/2012/jump/", {"country": value})
    assert response.status_code == 404
    body = response.content.decode()
    assert "There is no published country report for" in body
    assert "<script>" not in body.split("<main", 1)[1]  # the value is escaped
    assert 'form class="jump"' in body  # the reader can pick again


def test_country_without_entry_in_that_edition_is_404(client):
    # Russia has an entry in 2013 but not in 2012
    assert client.get("/en/2012/jump/", {"country": "russian-federation"}).status_code == 404


def test_empty_choice_goes_to_the_list_of_countries(client):
    response = client.get("/en/2013/jump/", {"country": ""})
    assert response.status_code == 302
    assert response["Location"] == "/en/2013/world-by-region/"


def test_unknown_address_gets_a_readable_404(client):
    response = client.get("/en/2013/no-such-country/")
    assert response.status_code == 404
    assert b"<h1>Page not found</h1>" in response.content
    assert not response.cookies

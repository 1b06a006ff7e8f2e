"""Passkeys as the second factor: added with both factors, used at sign-in instead of a code."""

import json

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from rapporteur.accounts.models import PasskeyDevice
from tests.support.authenticator import SoftwareAuthenticator
from tests.support.helpers import soup, verify_second_factor

pytestmark = pytest.mark.django_db


MALFORMED = [
    {},
    {"id": 5, "rawId": 5, "response": "x"},
    {"id": "!!!", "rawId": "!!!", "type": "public-key", "response": {}},
    {
        "id": "AAAA",
        "rawId": "AAAA",
        "type": "public-key",
        "response": {"clientDataJSON": "e30", "attestationObject": "AA"},
    },
    {
        "id": "AAAA",
        "rawId": "AAAA",
        "type": "x",
        "response": {"clientDataJSON": "!", "authenticatorData": 1, "signature": []},
    },
]


def post_json(client, url, body=None):
    response = client.post(url, json.dumps(body or {}), content_type="application/json")
    return response, response.json() if response.headers.get("Content-Type") == "application/json" else None


def add_passkey(client, authenticator, name="Work laptop"):
    _, options = post_json(client, "/admin/passkeys/options/")
    return post_json(client, "/admin/passkeys/add/", {"name": name, "credential": authenticator.register(options)})


def password_only(user):
    """A client that has given the password, not yet the second factor (the user has set up an app)."""
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "Authenticator app"})
    client = Client()
    client.force_login(user)
    return client


def sign_in_with(client, authenticator, options=None):
    if options is None:
        _, options = post_json(client, "/admin/2fa/passkey/options/")
    return post_json(client, "/admin/2fa/passkey/?next=/admin/pages/", {"credential": authenticator.sign_in(options)})


def audit(action, user):
    """Rows of the account's audit trail (Site history)."""
    return ModelLogEntry.objects.filter(action=action, object_id=str(user.pk))


def is_verified(client):
    return client.get("/admin/").status_code == 200


def test_add_a_passkey_then_sign_in_with_it_instead_of_a_code(team):
    editor = team["editor_africa"]
    client = verify_second_factor(Client(), editor)
    key = SoftwareAuthenticator()
    response, data = add_passkey(client, key, name="  Work   laptop ")
    assert response.status_code == 200, data
    listing = soup(client.get(data["redirect"]))
    assert "Work laptop" in listing.select_one("table.listing").get_text()
    assert "Next time you sign in, you can use it" in listing.get_text()
    assert audit("rapporteur.passkey_added", editor).exists()

    later = password_only(editor)
    verify_page = later.get("/admin/2fa/verify/")
    assert soup(verify_page).find("button", string="Use a passkey"), "the sign-in page offers the passkey"
    assert not is_verified(later)
    _, options = post_json(later, "/admin/2fa/passkey/options/")
    assert options["rpId"] == "testserver" and options["allowCredentials"]
    response, data = sign_in_with(later, key, options)
    assert response.status_code == 200 and data["redirect"] == "/admin/pages/"
    assert is_verified(later)
    device = PasskeyDevice.objects.get(user=editor)
    assert device.last_used_at and device.sign_count == 1


def test_the_sign_in_page_offers_a_passkey_only_to_those_who_have_one(team):
    page = soup(password_only(team["editor_africa"]).get("/admin/2fa/verify/"))
    assert not page.find("button", string="Use a passkey")
    assert page.find("input", attrs={"name": "code"})


def test_refused_passkeys_change_nothing_and_are_audited(team):
    editor, other = team["editor_africa"], team["legal"]
    key = SoftwareAuthenticator()
    add_passkey(verify_second_factor(Client(), editor), key)

    elsewhere = SoftwareAuthenticator(origin="https://look-alike.example")  # a phishing page's origin
    response, data = add_passkey(verify_second_factor(Client(), other), elsewhere)
    assert response.status_code == 400 and "Nothing was added" in data["error"]
    assert not PasskeyDevice.objects.filter(user=other).exists()

    client = password_only(other)  # someone else's passkey does not complete this user's sign-in
    PasskeyDevice.objects.create(user=other, name="Other", confirmed=True, credential_id=b"x" * 16, public_key=b"-")
    response, data = sign_in_with(client, key)
    assert response.status_code == 400 and "not one of yours" in data["error"]
    assert not is_verified(client)

    client = password_only(editor)
    _, options = post_json(client, "/admin/2fa/passkey/options/")
    answer = key.sign_in(options)
    replayed = post_json(client, "/admin/2fa/passkey/", {"credential": answer})
    assert replayed[0].status_code == 200
    client = password_only(editor)
    response, data = post_json(client, "/admin/2fa/passkey/", {"credential": answer})
    assert response.status_code == 400 and "expired" in data["error"], "a recorded answer cannot be replayed"

    key.counter = 0  # a cloned key lags behind the real one's counter
    response, data = sign_in_with(client, key)
    assert response.status_code == 400 and "could not be checked" in data["error"]
    assert not is_verified(client)

    for body in (b"not json", b'{"credential": "x"}', b"{}", b"[]", b"null"):
        response = client.post("/admin/2fa/passkey/", body, content_type="application/json")
        assert response.status_code == 400 and "no passkey" in response.json()["error"]
    adder = verify_second_factor(Client(), other)
    for credential in MALFORMED:
        for url in ("/admin/2fa/passkey/", "/admin/passkeys/add/"):
            options_url = "/admin/2fa/passkey/options/" if "2fa" in url else "/admin/passkeys/options/"
            caller = client if "2fa" in url else adder
            post_json(caller, options_url)
            response, data = post_json(caller, url, {"credential": credential})
            assert response.status_code == 400 and data["error"], (url, credential)
    client = password_only(editor)  # the editor's own passkey, its answer damaged in transit
    for field, value in (("authenticatorData", "!!"), ("signature", 5), ("clientDataJSON", "e30"), ("userHandle", {})):
        _, options = post_json(client, "/admin/2fa/passkey/options/")
        answer = key.sign_in(options)
        answer["response"][field] = value
        response, data = post_json(client, "/admin/2fa/passkey/", {"credential": answer})
        assert response.status_code == 400 and data["error"], field
    assert not is_verified(client) and PasskeyDevice.objects.filter(user=other).count() == 1
    assert audit("rapporteur.2fa_failed", editor).count() >= 4 and audit("rapporteur.2fa_failed", other).count() >= 2


def test_managing_passkeys_needs_both_factors_and_touches_only_ones_own(team):
    editor, other = team["editor_africa"], team["legal"]
    half = password_only(editor)
    assert half.get("/admin/passkeys/").url.startswith("/admin/2fa/verify/")
    assert half.post("/admin/passkeys/options/").url.startswith("/admin/2fa/verify/")

    client = verify_second_factor(Client(), editor)
    add_passkey(client, SoftwareAuthenticator())
    device = PasskeyDevice.objects.get(user=editor)
    verify_second_factor(Client(), other).post(f"/admin/passkeys/{device.pk}/remove/")
    assert PasskeyDevice.objects.filter(pk=device.pk).exists(), "another user cannot remove it"
    assert client.get(f"/admin/passkeys/{device.pk}/remove/").status_code == 405
    client.post(f"/admin/passkeys/{device.pk}/remove/")
    assert not PasskeyDevice.objects.filter(pk=device.pk).exists()
    assert audit("rapporteur.passkey_removed", editor).exists()
    assert not soup(password_only(editor).get("/admin/2fa/verify/")).find("button", string="Use a passkey")

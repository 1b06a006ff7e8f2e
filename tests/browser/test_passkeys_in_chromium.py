"""Adding a passkey and signing in with it, in Chromium with its virtual authenticator (WebAuthn over CDP)."""

import re

import pytest
from django_otp.oath import totp

pytestmark = pytest.mark.browser

PASSWORD = "a long test password 7"
TOTP_KEY = "3132333435363738393031323334353637383930"


@pytest.fixture
def editor(demo_instance):
    demo_instance.shell(
        "from django.contrib.auth import get_user_model\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        f"user = get_user_model().objects.create_superuser('passkey-editor', 'pk@example.org', {PASSWORD!r})\n"
        f"TOTPDevice.objects.create(user=user, name='Authenticator app', confirmed=True, key={TOTP_KEY!r})\n"
    )
    # WebAuthn needs a host name, not an IP address, as its relying party
    return demo_instance.base_url.replace("127.0.0.1", "localhost")


def sign_in_with_password(page, site):
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill("passkey-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/admin/2fa/verify/.*"))


def test_add_a_passkey_then_sign_in_with_a_touch(browser, editor):
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]
    site = editor
    sign_in_with_password(page, site)
    assert page.get_by_role("button", name="Use a passkey").count() == 0, "no passkey yet: codes only"
    page.get_by_label("Code").fill(f"{totp(bytes.fromhex(TOTP_KEY)):06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r".*/admin/$"))

    page.goto(site + "/admin/passkeys/")
    page.get_by_label("Name (so you can tell your passkeys apart)").fill("Test laptop")
    page.get_by_role("button", name="Add a passkey").click()
    page.get_by_text("Passkey “Test laptop” added").wait_for()
    assert page.get_by_role("cell", name="Test laptop", exact=True).is_visible()
    assert len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]) == 1

    context.clear_cookies()  # signed out
    sign_in_with_password(page, site)
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    assert page.get_by_role("heading", level=1).count()  # the admin dashboard, both factors given
    context.close()

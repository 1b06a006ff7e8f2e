"""Accounts for the browser tests: made in the served demo, signed in as a person signs in.

Password, then the six-digit code of an authenticator app (a TOTP key the test knows).
"""

import re

from django_otp.oath import totp

PASSWORD = "a long test password 8"
TOTP_KEY = "3132333435363738393031323334353637383931"


def create_account(instance, username, role, region=None, language=None, password=PASSWORD, key=TOTP_KEY):
    """A user of the served demo with one role (per region or language where the role is) and an app."""
    instance.shell(
        "from django.contrib.auth import get_user_model\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        "from rapporteur.editorial.roles import grant_role\n"
        f"user = get_user_model().objects.create_user({username!r}, {username + '@example.org'!r}, {password!r})\n"
        f"grant_role(user, {role!r}, {region!r}, language={language!r})\n"
        f"TOTPDevice.objects.create(user=user, name='app', confirmed=True, key={key!r})\n"
    )


def sign_in(page, site, username, password=PASSWORD, key=TOTP_KEY):
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/admin/2fa/verify/.*"))
    page.get_by_label("Code").fill(f"{totp(bytes.fromhex(key)):06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r".*/admin/$"))

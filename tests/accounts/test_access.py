"""Access control: two-factor sign-in for staff, lock-out, passwords, previews, security headers."""

import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axes.utils import reset as reset_lockouts
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry, PageViewRestriction

from rapporteur.reports.models import RegionPage
from tests.support.helpers import add_entry

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"
REPO = Path(__file__).resolve().parents[2]


def sign_in(client, username, password=PASSWORD, **meta):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **meta)


def code_for(secret):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def test_password_alone_does_not_open_the_admin(team):
    client = Client()
    sign_in(client, "publisher")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("rapporteur_2fa_setup"))
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 302
    # the second-factor pages still get the admin's icons (a redirect here once pasted the page into itself)
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200 and b"<svg" in sprite.content


def test_setting_up_and_using_two_factor_authentication(team):
    client = Client()
    sign_in(client, "publisher")
    setup = client.get(reverse("rapporteur_2fa_setup"))
    assert b"<svg" in setup.content
    secret = re.search(rb"data-secret>([A-Z2-7]+)<", setup.content).group(1).decode()

    wrong = client.post(reverse("rapporteur_2fa_setup"), {"code": "000000"})
    assert b"That code did not match" in wrong.content
    assert ModelLogEntry.objects.filter(action="rapporteur.2fa_failed", object_id=str(team["publisher"].pk)).exists()

    too_soon = client.post(reverse("rapporteur_2fa_setup"), {"code": code_for(secret)})
    assert b"Too many wrong codes" in too_soon.content  # each wrong code makes the next try wait
    TOTPDevice.objects.get(user=team["publisher"]).throttle_reset()  # ...and time passes

    done = client.post(reverse("rapporteur_2fa_setup"), {"code": code_for(secret)})
    codes = re.findall(rb"<li><code>(\d{8})</code></li>", done.content)
    assert len(codes) == 10
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # Next sign-in asks for a code; a backup code works once.
    other = Client()
    sign_in(other, "publisher")
    assert other.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("rapporteur_2fa_verify"))
    assert (
        other.post(reverse("rapporteur_2fa_verify"), {"code": codes[0].decode(), "next": "/admin/"}).status_code == 302
    )
    assert other.get(reverse("wagtailadmin_home")).status_code == 200
    third = Client()
    sign_in(third, "publisher")
    reused = third.post(reverse("rapporteur_2fa_verify"), {"code": codes[0].decode()})
    assert b"That code is not valid" in reused.content


def test_every_refused_code_is_audited_including_throttled_ones(team):
    user = team["publisher"]
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client = Client()
    sign_in(client, "publisher")
    answers = [client.post(reverse("rapporteur_2fa_verify"), {"code": "000000"}).content for _ in range(6)]
    assert sum(b"Too many wrong codes" in answer for answer in answers) >= 4  # most were not even checked
    client.post(reverse("rapporteur_2fa_verify"), {"code": "00000000"})  # a backup code; none were issued
    failures = ModelLogEntry.objects.filter(action="rapporteur.2fa_failed", object_id=str(user.pk))
    assert failures.count() == 7
    assert sum(bool(entry.data.get("throttled")) for entry in failures) >= 4


def test_unverified_staff_count_as_anonymous_on_reader_pages(team, kazakhstan):
    PageViewRestriction.objects.create(page=kazakhstan, restriction_type=PageViewRestriction.LOGIN)
    client = Client()
    sign_in(client, "administrator")  # password only
    response = client.get(kazakhstan.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_repeated_failures_lock_the_account_and_are_audited(team):
    client = Client()
    for _ in range(4):
        assert sign_in(client, "legal", "wrong-password").status_code == 200  # the form again, with an error
    assert sign_in(client, "legal", "wrong-password").status_code == 429  # the fifth failure locks the account
    locked = sign_in(client, "legal")  # even the right password is refused now
    assert locked.status_code == 429
    assert b"Account temporarily locked" in locked.content
    user = team["legal"]
    # five wrong passwords, and the right one refused while locked
    assert ModelLogEntry.objects.filter(action="rapporteur.login_failed", object_id=str(user.pk)).count() == 6
    assert ModelLogEntry.objects.filter(action="rapporteur.lockout", object_id=str(user.pk)).exists()
    # failures for an account that does not exist are recorded too
    sign_in(Client(REMOTE_ADDR="10.0.0.9"), "no-such-person", "guess")
    assert ModelLogEntry.objects.filter(
        action="rapporteur.login_failed", label="no-such-person (no such account)"
    ).exists()
    reset_lockouts(username="legal")
    assert sign_in(Client(), "legal").status_code == 302


def fail_five_times(username, **client_meta):
    client = Client(**client_meta)
    return [sign_in(client, username, "wrong-password").status_code for _ in range(5)]


def test_a_lock_holds_one_account_at_one_address_not_everywhere(team):
    assert fail_five_times("administrator", REMOTE_ADDR="10.0.0.1")[-1] == 429
    assert sign_in(Client(REMOTE_ADDR="10.0.0.1"), "administrator").status_code == 429
    # a stranger's guesses do not lock the administrator out where they work
    assert sign_in(Client(REMOTE_ADDR="10.0.0.2"), "administrator").status_code == 302


def test_behind_a_proxy_each_client_counts_on_its_own(team, settings):
    settings.RAPPORTEUR_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    # the guesser forges a left-hand entry; the proxy appends the address it really saw
    assert fail_five_times("publisher", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy)[-1] == 429
    locked = sign_in(Client(HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy), "publisher")
    assert locked.status_code == 429
    assert sign_in(Client(HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy), "publisher").status_code == 302
    failure = ModelLogEntry.objects.filter(action="rapporteur.login_failed", object_id=str(team["publisher"].pk))
    assert failure.first().data["ip"] == "203.0.113.5"


def test_without_a_configured_proxy_a_forwarded_header_changes_nothing(team, settings):
    settings.RAPPORTEUR_TRUSTED_PROXY_COUNT = 0
    client = Client(REMOTE_ADDR="10.0.0.3")
    answers = [
        sign_in(client, "legal", "wrong-password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code for n in range(5)
    ]
    assert answers[-1] == 429, "a client cannot escape the lock by inventing addresses"


@pytest.mark.parametrize("password", ["short1", "password123456", "123456789012345", "legal-legal-legal"])
def test_weak_passwords_are_refused(password):
    user = get_user_model()(username="legal-legal-legal")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_previews_are_only_for_staff_allowed_to_see_the_page(team, signed_in, edition):
    africa = RegionPage.objects.child_of(edition).get(region__slug="africa")
    page = add_entry(africa, "GH", "<p>PREVIEW-TOKEN</p>", user=team["researcher_africa"])
    url = reverse("wagtailadmin_pages:revisions_view", args=(page.pk, page.latest_revision_id))
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert b"PREVIEW-TOKEN" not in signed_in("researcher_asia").get(url).content
    allowed = signed_in("researcher_africa").get(url)
    assert allowed.status_code == 200 and b"PREVIEW-TOKEN" in allowed.content


def test_reader_pages_have_a_strict_content_security_policy(client):
    response = client.get("/en/2013/europe-and-central-asia/kazakhstan/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "no inline scripts"
    assert " style=" not in html and "<style" not in html, "no inline styles"


def test_deploy_checks_pass_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rapporteur.settings.production",
        "SECRET_KEY": "k" * 20 + "Q9w-Z_x" * 8,
        "ALLOWED_HOSTS": "report.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_staff_sessions_are_short_and_cookies_locked_down(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY

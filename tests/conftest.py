"""Shared fixtures.

The demo edition is loaded once per test session into the test database; each test runs
inside a transaction that is rolled back, so tests may change content freely.
"""

import os
import shutil

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command

from rapporteur.reports.models import CountryEntryPage, EditionPage

REQUIRE_EXTERNAL = os.environ.get("RAPPORTEUR_REQUIRE_EXTERNAL") == "1"


def require_tool(path_or_name, why):
    """Skip when an external tool is missing, unless CI demands it (RAPPORTEUR_REQUIRE_EXTERNAL=1)."""
    found = path_or_name if os.path.isabs(path_or_name) and os.path.exists(path_or_name) else shutil.which(path_or_name)
    if found:
        return found
    message = f"{path_or_name} is not installed ({why})"
    if REQUIRE_EXTERNAL:
        pytest.fail(message + " and RAPPORTEUR_REQUIRE_EXTERNAL=1")
    pytest.skip(message)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def edition(db):
    return EditionPage.objects.get(year=2013)


@pytest.fixture
def kazakhstan(db):
    return CountryEntryPage.objects.get(country__iso_code="KZ", url_path__startswith="/home/2013/")


def verify_second_factor(client, user):
    """Sign ``user`` in on ``client`` as if they had entered their password and a valid TOTP code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser who has passed two-factor authentication (pytest-django's, plus the second factor)."""
    return verify_second_factor(client, admin_user)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def read(client, db):
    """GET a reader page as an anonymous reader and return (response, parsed HTML)."""

    def _read(url, status=200):
        response = client.get(url)
        assert response.status_code == status, f"{url}: {response.status_code}"
        return response, soup(response)

    return _read

"""Every shared fixture, in one place (plain helpers are in ``tests/support/helpers.py``).

The demo edition is loaded once per test session into the test database; each test runs
inside a transaction that is rolled back, so tests may change content freely.
"""

import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from rapporteur.editorial.embargo import schedule_launch
from rapporteur.editorial.roles import grant_role
from rapporteur.reports.models import CountryEntryPage, EditionPage, HomePage, Region, RegionPage
from tests.support.helpers import soup, verify_second_factor


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture(autouse=True)
def source_language():
    """Each test starts in the source language: the test client's requests activate a page's
    language in this thread (as LocaleMiddleware does) and Django never switches it back, so a
    test reading /ar/ would leave Arabic month names to whatever test runs next in the worker."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def edition(db):
    return EditionPage.objects.get(year=2013, locale__language_code="en")


@pytest.fixture
def kazakhstan(db):
    return CountryEntryPage.objects.get(
        country__iso_code="KZ", url_path__startswith="/home/2013/", locale__language_code="en"
    )


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser who has passed two-factor authentication (pytest-django's, plus the second factor)."""
    return verify_second_factor(client, admin_user)


@pytest.fixture
def read(client, db):
    """GET a reader page as an anonymous reader and return (response, parsed HTML)."""

    def _read(url, status=200):
        response = client.get(url)
        assert response.status_code == status, f"{url}: {response.status_code}"
        return response, soup(response)

    return _read


# -- the report team ---------------------------------------------------------------------------

TEAM = {
    "researcher_africa": ("researcher", "africa"),
    "researcher_asia": ("researcher", "asia-pacific"),
    "editor_africa": ("regional_editor", "africa"),
    "editor_asia": ("regional_editor", "asia-pacific"),
    "legal": ("legal_reviewer", None),
    "publisher": ("publisher", None),
    "administrator": ("administrator", None),
}


@pytest.fixture
def team(db):
    """One account per role (see ``TEAM``), keyed by username."""
    users = {}
    for username, (role, region) in TEAM.items():
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
        grant_role(user, role, region)
        users[username] = user
    return users


@pytest.fixture
def signed_in(team):
    """A client signed in (password and second factor) as one member of the team."""

    def _signed_in(username):
        return verify_second_factor(Client(), team[username])

    return _signed_in


@pytest.fixture
def embargoed_edition(db):
    """ "Annual Report 2014", launching tomorrow, with a published Africa region (invisible until the launch).

    Returns (edition, region, launch time).
    """
    home = HomePage.objects.get(locale__language_code="en")
    edition = EditionPage(
        title="Annual Report 2014", year=2014, subtitle="The state of the world's human rights", live=False
    )
    home.add_child(instance=edition)
    edition.save_revision()
    launch_at = (timezone.now() + timezone.timedelta(days=1)).replace(microsecond=0)
    schedule_launch(edition, launch_at)
    region = RegionPage(
        title="Africa",
        slug="africa",
        region=Region.objects.get(slug="africa"),
        teaser="Teaser.",
        overview=[],
        live=False,
    )
    edition.add_child(instance=region)
    region.save_revision().publish()
    edition.refresh_from_db()
    return edition, RegionPage.objects.get(pk=region.pk), launch_at

"""Fixtures for the editorial workflow: a report team with one account per role."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from rapporteur.editorial.embargo import schedule_launch
from rapporteur.editorial.roles import grant_role
from rapporteur.reports.models import (
    Country,
    CountryEntryPage,
    EditionPage,
    HomePage,
    Region,
    RegionPage,
)
from tests.conftest import verify_second_factor

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


def add_entry(region_page, iso_code, summary="<p>Summary.</p>", user=None):
    country = Country.objects.filter(iso_code=iso_code).first() or Country.objects.create(iso_code=iso_code)
    page = CountryEntryPage(
        title=country.name, slug=country.slug, country=country, summary=summary, body=[], owner=user, live=False
    )
    region_page.add_child(instance=page)
    page.save_revision(user=user)
    return CountryEntryPage.objects.get(pk=page.pk)


def approve(page, user):
    """Publish the latest revision as a publisher would (inside an embargoed edition, readers see it only at launch)."""
    page.get_latest_revision().publish(user=user)
    return CountryEntryPage.objects.get(pk=page.pk) if isinstance(page, CountryEntryPage) else page


@pytest.fixture
def embargoed_edition(db):
    """ "Annual Report 2014", launching tomorrow, with a published Africa region (invisible until the launch).

    Returns (edition, region, launch time).
    """
    home = HomePage.objects.get()
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

"""The demo edition is complete enough to show the product, and loading it is idempotent."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page

from rapporteur.reports.models import (
    ArticlePage,
    CountryEntryPage,
    EditionPage,
    GlossaryTerm,
    OrganisationSettings,
    Person,
    PressReleasePage,
    Region,
    RegionPage,
    Theme,
)

pytestmark = pytest.mark.django_db


def run_load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return (
        Page.objects.count(),
        Theme.objects.count(),
        Person.objects.count(),
        GlossaryTerm.objects.count(),
        get_user_model().objects.count(),
    )


def test_loading_twice_changes_nothing():
    before = counts()
    output = run_load_demo()
    assert counts() == before
    assert "nothing to do" in output
    assert "password '" not in output


def test_demo_edition_2013_has_all_regions_and_enough_entries(edition):
    regions = RegionPage.objects.child_of(edition).live()
    assert sorted(r.region.name for r in regions) == sorted(Region.objects.values_list("name", flat=True))
    assert regions.count() == 5
    for region in regions:
        assert len(region.overview) >= 1 and region.teaser
        assert CountryEntryPage.objects.child_of(region).live().exists(), region.title
    assert CountryEntryPage.objects.descendant_of(edition).live().count() >= 12
    assert {a.kind for a in ArticlePage.objects.child_of(edition).live()} == {"introduction", "essay", "global_update"}
    assert PressReleasePage.objects.child_of(edition).live().exists()
    assert GlossaryTerm.objects.count() >= 10


def test_kazakhstan_is_the_richest_entry(kazakhstan):
    sections = [block for block in kazakhstan.body]
    assert len(sections) == 5
    for section in sections:
        assert any(child.block_type == "case" for child in section.value["content"])
    holders = {h.office: h for h in kazakhstan.office_holders.all()}
    assert holders["head_of_government"].replaced == "Karim Massimov"
    assert holders["head_of_government"].replaced_on.strftime("%B %Y") == "September 2012"
    assert kazakhstan.related_reports.exists() and kazakhstan.visits.exists()


def test_earlier_edition_connects_to_the_same_countries_and_people():
    e2012 = EditionPage.objects.get(year=2012, locale__language_code="en")
    e2013 = EditionPage.objects.get(year=2013, locale__language_code="en")
    countries = lambda e: set(CountryEntryPage.objects.descendant_of(e).values_list("country__iso_code", flat=True))  # noqa: E731
    assert len(countries(e2012) & countries(e2013)) >= 3
    assert e2012.covers_year == 2011 and e2013.covers_year == 2012
    sokolova = Person.objects.get(slug="natalia-sokolova")
    years = set()
    for entry in CountryEntryPage.objects.filter(country__iso_code="KZ"):
        for section in entry.body:
            for child in section.value["content"]:
                if child.block_type == "case" and child.value["person"] == sokolova:
                    years.add(entry.get_parent().get_parent().specific.year)
    assert years == {2012, 2013}


def test_organisation_settings_are_filled(edition):
    settings = OrganisationSettings.objects.get()
    assert settings.name and settings.social_links.count() >= 2
    assert settings.cookie_statement_page.live


def test_admin_password_is_printed_once_and_works(client):
    get_user_model().objects.filter(username="admin").delete()
    output = run_load_demo()
    password = re.search(r"password '([^']+)'", output).group(1)
    assert len(password) >= 12
    assert client.login(request=HttpRequest(), username="admin", password=password)
    assert "password '" not in run_load_demo()
    output = run_load_demo("--reset-admin-password")
    new_password = re.search(r"password '([^']+)'", output).group(1)
    assert new_password != password
    assert client.login(request=HttpRequest(), username="admin", password=new_password)


def test_the_review_team_of_one_region_is_printed_and_can_sign_in(client):
    get_user_model().objects.filter(username__startswith="demo-").delete()
    output = run_load_demo()
    line = next(line for line in output.splitlines() if line.startswith("Review team for Europe and Central Asia"))
    password = re.search(r"password '([^']+)'", line).group(1)
    for username in ("demo-researcher", "demo-regional-editor", "demo-legal", "demo-publisher"):
        assert f"'{username}'" in line
        assert client.login(request=HttpRequest(), username=username, password=password)
    editor = get_user_model().objects.get(username="demo-regional-editor")
    assert editor.groups.filter(name__icontains="Europe and Central Asia").exists()
    assert "Review team" not in run_load_demo()

"""The page tree enforces the report's structure, and one entry per country per edition."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page

from rapporteur.reports.models import (
    ArticlePage,
    Country,
    CountryEntryPage,
    DownloadsPage,
    EditionPage,
    GlossaryPage,
    HomePage,
    PressReleasePage,
    Region,
    RegionPage,
    WorldByRegionPage,
)

pytestmark = pytest.mark.django_db


def new_entry_form(title, country):
    """What the admin's "add country entry" form posts for a minimal entry."""
    summary = {
        "blocks": [
            {
                "key": "a",
                "text": "Summary.",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    data = {
        "title": title,
        "slug": country.slug,
        "country": country.pk,
        "summary": json.dumps(summary),
        "body-count": "0",
    }
    for inline in ("office_holders", "facts", "related_reports", "visits", "corrections"):
        data |= {f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"}
    return data


def test_allowed_children_follow_the_report_structure(edition):
    home = HomePage.objects.get(locale__language_code="en")
    region = RegionPage.objects.child_of(edition).first()
    assert EditionPage.can_create_at(home)
    assert not EditionPage.can_create_at(edition)
    assert RegionPage.can_create_at(edition)
    assert not RegionPage.can_create_at(home)
    assert CountryEntryPage.can_create_at(region)
    assert not CountryEntryPage.can_create_at(edition)
    assert not CountryEntryPage.can_create_at(home)
    for model in (ArticlePage, WorldByRegionPage, PressReleasePage, DownloadsPage, GlossaryPage):
        assert model.can_exist_under(edition)
        assert not model.can_exist_under(region)
    assert CountryEntryPage.allowed_subpage_models() == []


def test_singletons_per_edition(edition):
    # the demo edition already has them, so the admin offers no second one
    for model in (PressReleasePage, DownloadsPage, GlossaryPage, WorldByRegionPage):
        assert not model.can_create_at(edition), model


def test_second_entry_for_a_country_in_one_edition_is_refused(kazakhstan, edition):
    other_region = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    before = CountryEntryPage.objects.count()
    duplicate = CountryEntryPage(
        title="Kazakhstan again", slug="kazakhstan-again", country=kazakhstan.country, summary="<p>x</p>", body=[]
    )
    with pytest.raises(ValidationError) as raised:
        other_region.add_child(instance=duplicate)
    message = " ".join(raised.value.message_dict["country"])
    assert "Annual Report 2013 already has an entry for Kazakhstan" in message
    assert "edit that entry instead" in message
    assert CountryEntryPage.objects.count() == before


def test_same_country_in_another_edition_is_fine(kazakhstan):
    entries = CountryEntryPage.objects.filter(country=kazakhstan.country)
    assert {e.get_parent().get_parent().specific.year for e in entries} == {2012, 2013}


def test_admin_refuses_a_duplicate_entry_with_a_clear_message(admin_client, kazakhstan, edition):
    region = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    url = reverse("wagtailadmin_pages:add", args=("reports", "countryentrypage", region.pk))
    before = CountryEntryPage.objects.count()
    response = admin_client.post(url, new_entry_form("Kazakhstan", kazakhstan.country))
    assert response.status_code == 200  # the form is shown again, not saved
    assert "Annual Report 2013 already has an entry for Kazakhstan" in response.content.decode()
    assert CountryEntryPage.objects.count() == before


def test_admin_creates_an_entry_for_a_new_country(admin_client, edition):
    region = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    japan = Country.objects.create(iso_code="JP")
    url = reverse("wagtailadmin_pages:add", args=("reports", "countryentrypage", region.pk))
    response = admin_client.post(url, new_entry_form("Japan", japan))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CountryEntryPage.objects.get(country=japan)
    assert not page.live  # saved as a draft
    assert page.get_parent().pk == region.pk


def test_one_region_page_per_region_per_edition(edition):
    africa = Region.objects.get(slug="africa")
    with pytest.raises(ValidationError) as raised:
        edition.add_child(
            instance=RegionPage(title="Africa 2", slug="africa-2", region=africa, teaser="t", overview=[])
        )
    assert "already has a page for Africa" in " ".join(raised.value.message_dict["region"])


def test_one_article_of_each_kind_per_edition(edition):
    with pytest.raises(ValidationError) as raised:
        edition.add_child(instance=ArticlePage(title="Another essay", slug="essay-2", kind="essay", lead="x", body=[]))
    assert "already has an essay page" in " ".join(raised.value.message_dict["kind"])


def test_one_edition_per_year(edition):
    home = HomePage.objects.get(locale__language_code="en")
    with pytest.raises(ValidationError) as raised:
        home.add_child(
            instance=EditionPage(title="Annual Report 2013 bis", slug="2013-bis", year=2013, covers_year=2012)
        )
    assert "There is already an edition for 2013" in " ".join(raised.value.message_dict["year"])


def test_edition_slug_and_covered_year_default_from_year():
    home = HomePage.objects.get(locale__language_code="en")
    edition = home.add_child(instance=EditionPage(title="Annual Report 2014", year=2014, covers_year=None))
    edition.refresh_from_db()
    assert edition.slug == "2014"
    assert edition.covers_year == 2013
    assert Page.objects.get(pk=edition.pk).url_path == "/home/2014/"


def test_office_holder_replacement_needs_both_name_and_month(kazakhstan):
    holder = kazakhstan.office_holders.get(office="head_of_government")
    holder.replaced_on = None
    with pytest.raises(ValidationError, match="month"):
        holder.full_clean()


def test_country_iso_code_is_validated():
    with pytest.raises(ValidationError, match="not an ISO 3166-1 alpha-2"):
        Country(iso_code="XQ").full_clean()
    country = Country(iso_code="fr")
    country.full_clean()
    country.save()
    assert (country.iso_code, country.name, country.slug, country.alpha_3) == ("FR", "France", "france", "FRA")

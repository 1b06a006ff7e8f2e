"""Unpublished content is absent from every listing and unreachable by URL."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from rapporteur.reports.models import Country, CountryEntryPage, RegionPage

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/en/",
    "/en/2013/",
    "/en/2013/world-by-region/",
    "/en/2013/africa/",
    "/en/2013/asia-pacific/",
    "/en/2013/glossary/",
]


def jump_options(html):
    return {option["value"] for option in html.select("form.jump option") if option["value"]}


def listed_countries(html):
    return [link.get_text() for link in html.select("main .country-list a")]


def assert_nowhere(read, token):
    for url in LISTINGS:
        response, html = read(url)
        assert token not in response.content.decode(), f"{token!r} leaked on {url}"


def make_entry(region_page, iso_code, token, publish):
    country = Country.objects.create(iso_code=iso_code)
    page = CountryEntryPage(
        title=f"{country.name} {token}", slug=country.slug, country=country, summary=f"<p>{token}</p>", body=[]
    )
    region_page.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish() if page.live else None
    return CountryEntryPage.objects.get(pk=page.pk)


def test_draft_entry_is_absent_and_unreachable(read, client, edition):
    asia = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    draft = make_entry(asia, "JP", "DRAFT-TOKEN-1", publish=False)
    assert not draft.live
    assert_nowhere(read, "DRAFT-TOKEN-1")
    _, html = read("/en/2013/")
    assert "japan" not in jump_options(html)
    assert client.get("/en/2013/asia-pacific/japan/").status_code == 404
    assert client.get("/en/2013/jump/", {"country": "japan"}).status_code == 404


def test_unpublished_entry_disappears_from_home_region_and_jump(read, client, edition):
    mali = CountryEntryPage.objects.descendant_of(edition).get(country__iso_code="ML")
    _, html = read("/en/2013/africa/")
    assert "Mali" in listed_countries(html)
    mali.unpublish()
    for url in ("/en/2013/", "/en/2013/africa/", "/en/2013/world-by-region/"):
        _, html = read(url)
        assert "Mali" not in listed_countries(html), url
        assert "/africa/mali/" not in str(html), url
        assert "mali" not in jump_options(html)
    assert client.get("/en/2013/africa/mali/").status_code == 404


def test_entry_under_unpublished_region_is_hidden_too(read, client, edition):
    africa = RegionPage.objects.child_of(edition).get(region__slug="africa")
    africa.unpublish()
    assert CountryEntryPage.objects.get(
        slug="mali", url_path__startswith="/home/2013/"
    ).live  # the entry itself is still live
    assert client.get("/en/2013/africa/mali/").status_code == 404
    _, html = read("/en/2013/")
    assert {"mali", "nigeria", "south-africa"}.isdisjoint(jump_options(html))
    assert "Africa" not in [a.strong.get_text() for a in html.select("ul.region-teasers a")]


def test_unpublished_edition_hides_everything_in_it(read, client, edition):
    edition.unpublish()  # only the edition page itself; its children stay live
    for url in (
        "/en/2013/",
        "/en/2013/introduction/",
        "/en/2013/africa/",
        "/en/2013/europe-and-central-asia/kazakhstan/",
    ):
        assert client.get(url).status_code == 404, url
    _, html = read("/en/")
    assert "Annual Report 2013" not in html.get_text()
    assert "Annual Report 2012" in html.get_text()


def test_private_entry_is_not_listed_and_needs_login(read, client, kazakhstan):
    restriction = PageViewRestriction.objects.create(page=kazakhstan, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Editors")])
    _, html = read("/en/2013/")
    assert "kazakhstan" not in jump_options(html)
    response = client.get("/en/2013/europe-and-central-asia/kazakhstan/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_unpublished_revision_of_live_entry_stays_private(read, kazakhstan):
    kazakhstan.summary = "<p>UNPUBLISHED-REVISION-TOKEN</p>"
    kazakhstan.save_revision()  # a draft revision, not published
    response, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    assert "UNPUBLISHED-REVISION-TOKEN" not in response.content.decode()
    assert "Zhanaozen" in html.find(class_="entry__summary").get_text()
    assert_nowhere(read, "UNPUBLISHED-REVISION-TOKEN")


def test_publishing_a_change_shows_it_at_once(read, kazakhstan):
    read("/en/2013/europe-and-central-asia/kazakhstan/")  # warm the cache
    kazakhstan.summary = "<p>NEWLY-PUBLISHED-SUMMARY</p>"
    kazakhstan.save_revision().publish()
    response, _ = read("/en/2013/europe-and-central-asia/kazakhstan/")
    assert "NEWLY-PUBLISHED-SUMMARY" in response.content.decode()

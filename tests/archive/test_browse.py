"""Country hubs, theme pages and people pages across editions, and the links between years."""

import re

import pytest
from bs4 import BeautifulSoup

from rapporteur.reports.models import Country, CountryEntryPage, Person, RegionPage
from tests.support.helpers import entry_naming_person

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text(" ").split())


def test_country_hub_shows_every_edition_offices_themes_and_people(client):
    html = get(client, "/en/countries/kazakhstan/")
    entries = [(a.get_text(), a["href"]) for a in html.select("ul.hub-entries li > a:first-child")]
    assert entries == [
        ("Annual Report 2013", "/en/2013/europe-and-central-asia/kazakhstan/"),
        ("Annual Report 2012", "/en/2012/europe-and-central-asia/kazakhstan/"),
    ]
    offices = {row.th.get_text(): text(row.td) for row in html.select("table.office-history tbody tr")}
    assert "Serik Akhmetov (replaced Karim Massimov in September 2012)" in offices["2013"]
    assert "Head of government: Karim Massimov" in offices["2012"]
    grid = {
        row["data-year"]: {td["data-theme"] for td in row.select("td") if td.a}
        for row in html.select("table.theme-grid tbody tr")
    }
    assert grid["2013"] == {
        "excessive-use-of-force",
        "torture-and-other-ill-treatment",
        "unfair-trials",
        "freedom-of-expression",
        "refugees-and-asylum-seekers",
    }
    assert grid["2012"] == {"excessive-use-of-force", "unfair-trials"}
    link = html.select_one('tr[data-year="2012"] td[data-theme="unfair-trials"] a')["href"]
    assert link == "/en/2012/europe-and-central-asia/kazakhstan/#unfair-trials"
    people = {a.get_text(): text(a.parent) for a in html.select("#people-h + ul a")}
    assert people["Natalia Sokolova"].endswith("(2012, 2013)")
    assert "Vladimir Kozlov" in people


def test_entries_link_to_the_same_country_in_the_editions_before_and_after(client):
    html = get(client, "/en/2013/europe-and-central-asia/kazakhstan/")
    years = html.select_one("nav.entry__years")
    assert years.select_one('a[rel="prev"]')["href"] == "/en/2012/europe-and-central-asia/kazakhstan/"
    assert not years.select_one('a[rel="next"]')
    every = next(a for a in years.find_all("a") if "in every edition" in a.get_text())
    assert every["href"] == "/en/countries/kazakhstan/"
    html = get(client, "/en/2012/europe-and-central-asia/kazakhstan/")
    assert html.select_one('nav.entry__years a[rel="next"]')["href"] == "/en/2013/europe-and-central-asia/kazakhstan/"
    russia = get(client, "/en/2013/europe-and-central-asia/russian-federation/")
    assert not russia.select("nav.entry__years a[rel]")


def test_theme_page_chart_matches_its_table_and_lists_sections(client):
    html = get(client, "/en/themes/unfair-trials/")
    table = {row.th.get_text(): int(row.td.get_text()) for row in html.select("table.chart-data tbody tr")}
    bars = dict(re.findall(r"(\d{4}): (\d+)", " ".join(t.get_text() for t in html.select("svg.chart rect title"))))
    assert table == {year: int(count) for year, count in bars.items()}
    assert table == {"2012": 2, "2013": 1}
    assert html.select_one("svg.chart")["role"] == "img"
    assert [h.a.get_text() for h in html.select(".theme-section h3")] == ["Kazakhstan"]  # latest edition
    older = get(client, "/en/themes/unfair-trials/?edition=2012")
    assert [h.a.get_text() for h in older.select(".theme-section h3")] == ["Egypt", "Kazakhstan"]
    assert older.select_one(".theme-section h3 a")["href"].endswith("#unfair-trials")


def test_person_page_follows_a_case_across_years(client):
    html = get(client, "/en/people/natalia-sokolova/")
    cases = html.select("ol.cases-timeline li")
    assert [case.h3.a["href"] for case in cases] == [
        "/en/2012/europe-and-central-asia/kazakhstan/#unfair-trials",
        "/en/2013/europe-and-central-asia/kazakhstan/#unfair-trials",
    ]
    assert "sentenced" in text(cases[0]) and "released" in text(cases[1])


def test_unknown_or_unpublished_subjects_are_404(client, team, embargoed_edition, django_capture_on_commit_callbacks):
    get(client, "/en/countries/atlantis/", 404)
    get(client, "/en/people/nobody/", 404)
    get(client, "/en/themes/no-such-theme/", 404)
    _, africa, _ = embargoed_edition
    secret = Person.objects.create(name="Embargoed Person", slug="embargoed-person")
    with django_capture_on_commit_callbacks(execute=True):
        entry_naming_person(
            africa, "GH", secret, team["publisher"], summary="<p>EMBARGOED</p>", case="<p>Secret case.</p>"
        )
    get(client, "/en/countries/ghana/", 404)  # its only entry waits for launch
    get(client, "/en/people/embargoed-person/", 404)
    assert "EMBARGOED" not in client.get("/en/search/?q=embargoed").content.decode().split("<main", 1)[1]


def test_unpublishing_an_entry_removes_it_from_hubs_grids_and_charts(
    client, edition, django_capture_on_commit_callbacks
):
    egypt = CountryEntryPage.objects.get(url_path="/home/2012/middle-east-and-north-africa/egypt/")
    with django_capture_on_commit_callbacks(execute=True):
        egypt.unpublish()
    table = {
        row.th.get_text(): int(row.td.get_text())
        for row in get(client, "/en/themes/unfair-trials/").select("table.chart-data tbody tr")
    }
    assert table == {"2012": 1, "2013": 1}
    hub = get(client, "/en/countries/egypt/")
    assert [a.get_text() for a in hub.select("ul.hub-entries li > a:first-child")] == ["Annual Report 2013"]


def test_hub_theme_and_people_pages_are_cheap(client, django_assert_num_queries):
    for url in ("/en/countries/kazakhstan/", "/en/themes/unfair-trials/", "/en/people/natalia-sokolova/"):
        client.get(url)  # first view builds and caches the page's data
        with django_assert_num_queries(1):  # then only the subject itself (country, theme or person)
            assert client.get(url).status_code == 200


def test_country_in_no_edition_is_not_listed_anywhere(client):
    Country.objects.create(iso_code="JP")
    get(client, "/en/countries/japan/", 404)
    assert RegionPage.objects.exists()

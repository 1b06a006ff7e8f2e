"""Paths across years: index pages of countries, themes and people, links to them from entries,
and every such page in the sitemap — never a subject readers cannot see."""

import pytest
from bs4 import BeautifulSoup

from rapporteur.reports.models import Person
from tests.support.helpers import entry_naming_person

pytestmark = pytest.mark.django_db

KAZAKHSTAN_2013 = "/en/2013/europe-and-central-asia/kazakhstan/"
KAZAKHSTAN_2012 = "/en/2012/europe-and-central-asia/kazakhstan/"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def words(node):
    return " ".join(node.get_text().split())


def test_country_index_lists_every_published_country_by_region_with_its_years(client):
    html = get(client, "/en/countries/")
    regions = {words(section.h2): section for section in html.select("main section")}
    assert list(regions)[:2] == ["Africa", "Americas"]
    europe = [words(li) for li in regions["Europe and Central Asia"].select("li")]
    assert europe == ["Kazakhstan (2012–2013)", "Russian Federation (2013)"]
    for link in html.select("main section a"):
        assert client.get(link["href"]).status_code == 200, link["href"]


def test_theme_index_counts_sections_and_people_index_lists_years(client):
    themes = {
        words(row.th): [words(td) for td in row.select("td")] for row in get(client, "/en/themes/").select("tbody tr")
    }
    assert themes["Unfair trials"] == ["3", "2012–2013"]
    people = get(client, "/en/people/")
    items = {words(li.a): words(li.select_one(".meta")) for li in people.select("main section li")}
    assert items["Natalia Sokolova"] == "(2012, 2013)"
    assert [a.get_text() for a in people.select("nav.az a")] == sorted({name[0] for name in items})


def test_a_person_named_only_under_embargo_is_in_no_index_and_no_sitemap(
    client, team, embargoed_edition, django_capture_on_commit_callbacks
):
    _, africa, _ = embargoed_edition
    secret = Person.objects.create(name="Aaron Embargoed", slug="aaron-embargoed")
    with django_capture_on_commit_callbacks(execute=True):
        entry_naming_person(africa, "GH", secret, team["publisher"])
    assert "Aaron Embargoed" not in client.get("/en/people/").content.decode()
    assert "Ghana" not in client.get("/en/countries/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/people/natalia-sokolova/" in sitemap and "aaron-embargoed" not in sitemap
    assert "/en/countries/ghana/" not in sitemap


def test_sitemap_has_the_indexes_and_every_hub_theme_and_person_page(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in (
        "/en/countries/",
        "/en/themes/",
        "/en/people/",
        "/en/countries/kazakhstan/",
        "/en/themes/unfair-trials/",
    ):
        assert f"http://testserver{path}<" in sitemap, path


def test_an_entry_links_its_country_themes_and_people_across_years(client):
    html = get(client, KAZAKHSTAN_2013)
    breadcrumb = html.select_one(".entry__header .breadcrumb")
    assert [a["href"] for a in breadcrumb.select("a")] == [
        "/en/2013/europe-and-central-asia/",
        "/en/countries/kazakhstan/",
    ]
    trials = html.select_one("#unfair-trials")
    assert trials.select_one(".theme-link a")["href"] == "/en/themes/unfair-trials/"
    case = trials.select_one('.case[data-person="natalia-sokolova"]')
    person = case.select_one(".case__person a")
    assert person["href"] == "/en/people/natalia-sokolova/"
    assert words(person) == "The case of Natalia Sokolova in every edition"
    footer = [a["href"] for a in html.select("footer .footer-nav a")]
    assert footer == ["/en/countries/", "/en/themes/", "/en/people/", "/en/search/"]


def test_an_earlier_edition_points_to_the_latest_entry(client):
    older = get(client, KAZAKHSTAN_2012).select_one(".earlier-edition")
    assert "This entry is from Annual Report 2012, covering 2011." in words(older)
    assert older.a["href"] == KAZAKHSTAN_2013
    assert not get(client, KAZAKHSTAN_2013).select_one(".earlier-edition")

"""The empty search page offers the archive to browse: editions, regions and themes, with counts and links."""

import pytest

from rapporteur.archive.search import search
from rapporteur.reports.models import Region, Theme
from tests.archive.test_search import page, results

pytestmark = pytest.mark.django_db


def offered(html, facet):
    return {
        a.get_text(strip=True): (a["href"], int(a.find_next("span", class_="count").get_text().strip("()").split()[0]))
        for a in html.select(f'.browse ul[data-facet="{facet}"] a')
    }


def test_the_empty_search_page_offers_editions_regions_and_themes(client):
    html = page(client)
    assert not html.select("li.result")
    years = offered(html, "year")
    assert list(years) == ["Annual Report 2013", "Annual Report 2012"]
    href, count = years["Annual Report 2013"]
    assert href == "?year=2013" and count == search("", {"year": ["2013"]}).total
    europe = Region.objects.get(slug="europe-and-central-asia")
    assert offered(html, "region")["Europe and Central Asia"] == (
        f"?region={europe.pk}",
        search("", {"region": [europe.pk]}).total,
    )
    torture = Theme.objects.get(slug="torture-and-other-ill-treatment")
    assert offered(html, "theme")[torture.name][0] == f"?theme={torture.pk}"
    listed = page(client, year=2013)  # the link lists that edition's sections
    assert results(listed) and all(href.startswith("/en/2013/") for href, _ in results(listed))


def test_an_edition_not_yet_launched_is_not_offered(client, embargoed_edition):
    assert "Annual Report 2014" not in offered(page(client), "year")

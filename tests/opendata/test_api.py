"""The open-data API as a data user meets it: each resource and filter, its errors, and what it never shows."""

import pytest

from rapporteur.reports.models import CountryEntryPage, RegionPage
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db

TORTURE = "torture-and-other-ill-treatment"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_the_index_lists_every_resource(client):
    index = get(client, "/api/v1/")
    assert set(index["resources"]) >= {"editions", "entries", "sections", "cases", "search", "matrix", "people"}
    assert index["openapi"].endswith("/api/v1/openapi.json")


def test_editions_carry_both_years(client):
    editions = get(client, "/api/v1/editions")
    assert [(e["id"], e["edition"], e["year_covered"]) for e in editions] == [
        ("2012", 2012, 2011),
        ("2013", 2013, 2012),
    ]
    edition = get(client, "/api/v1/editions/2013")
    assert edition["reader_url"] == "http://testserver/en/2013/"
    europe = next(r for r in edition["regions"] if r["id"] == "europe-and-central-asia")
    assert "2013-KZ" in [e["id"] for e in europe["entries"]]


def test_an_entry_is_what_its_page_says(client, read):
    entry = get(client, "/api/v1/entries/2013-KZ")
    assert (entry["edition"], entry["year_covered"]) == (2013, 2012)
    assert entry["country"] | {"url": None, "reader_url": None} == {
        "id": "KZ",
        "name": "Kazakhstan",
        "iso_alpha2": "KZ",
        "iso_alpha3": "KAZ",
        "cow_code": 705,
        "url": None,
        "reader_url": None,
    }
    assert entry["region"]["id"] == "europe-and-central-asia"
    _, page = read("/en/2013/europe-and-central-asia/kazakhstan/")
    headings = [h.get_text(strip=True) for h in page.select("main h2")]
    for section in entry["sections"]:
        assert section["heading"] in headings
        assert section["reader_url"].endswith(f"/kazakhstan/#{section['id'].removeprefix('2013-KZ-')}")
        assert section["text"] and "<" not in section["text"] and section["html"].startswith("<")
    assert any(holder["replaced"] for holder in entry["office_holders"])
    assert entry["summary"]["text"] in page.get_text(" ", strip=True).replace("\n", " ") or entry["summary"]["text"]
    cases = [case for section in entry["sections"] for case in section["cases"]]
    assert cases and all(case["id"].startswith("2013-KZ-case-") for case in cases)
    assert any(case["person"] for case in cases)
    for key in ("reports", "visits", "corrections", "facts"):
        assert isinstance(entry[key], list)


def test_entries_filter_by_edition_year_covered_country_and_region(client):
    in_2013 = get(client, "/api/v1/entries?edition=2013&per_page=200")
    assert in_2013["count"] == len(in_2013["results"]) > 5
    assert {e["edition"] for e in in_2013["results"]} == {2013}
    assert get(client, "/api/v1/entries?year_covered=2012&per_page=200")["count"] == in_2013["count"]
    kazakhstan = get(client, "/api/v1/entries?country=kz")
    assert [e["id"] for e in kazakhstan["results"]] == ["2013-KZ", "2012-KZ"]  # newest first
    europe = get(client, "/api/v1/entries?region=europe-and-central-asia&edition=2013")
    assert {e["region"]["id"] for e in europe["results"]} == {"europe-and-central-asia"}


def test_lists_page_with_totals_in_a_stable_order(client):
    first = get(client, "/api/v1/entries?per_page=4")
    assert first["pages"] == -(-first["count"] // 4) and first["previous"] is None
    second = get(client, first["next"].removeprefix("http://testserver"))
    assert second["page"] == 2
    everything = get(client, "/api/v1/entries?per_page=200")["results"]
    assert [e["id"] for e in first["results"] + second["results"]] == [e["id"] for e in everything[:8]]
    assert get(client, "/api/v1/entries?per_page=200")["results"] == everything


def test_sections_filter_by_theme_and_link_to_their_anchor(client):
    torture = get(client, f"/api/v1/sections?theme={TORTURE}")
    assert torture["count"] >= 1
    assert {s["theme"]["id"] for s in torture["results"]} == {TORTURE}
    assert "2013-KZ-torture-and-other-ill-treatment" in [s["id"] for s in torture["results"]]
    section = get(client, "/api/v1/sections/2013-KZ-torture-and-other-ill-treatment")
    assert section["reader_url"].endswith(
        "/en/2013/europe-and-central-asia/kazakhstan/#torture-and-other-ill-treatment"
    )
    assert section["entry"] == "2013-KZ" and section["year_covered"] == 2012
    for name, value in (
        ("edition", 2013),
        ("year_covered", 2012),
        ("country", "KZ"),
        ("region", "europe-and-central-asia"),
    ):
        found = get(client, f"/api/v1/sections?{name}={value}&per_page=200")["results"]
        assert found and all(
            s[name] == value or (isinstance(s[name], dict) and s[name]["id"] == value) for s in found
        ), name


def test_cases_and_people_follow_a_person(client):
    people = get(client, "/api/v1/people")
    assert people["count"] >= 1
    someone = people["results"][0]
    person = get(client, f"/api/v1/people/{someone['id']}")
    assert person["cases"] and all(case["person"]["id"] == someone["id"] for case in person["cases"])
    listed = get(client, f"/api/v1/cases?person={someone['id']}")
    assert [c["id"] for c in listed["results"]] == [c["id"] for c in person["cases"]]
    case = get(client, listed["results"][0]["url"].removeprefix("http://testserver"))
    assert case == listed["results"][0]


def test_countries_regions_themes(client):
    countries = get(client, "/api/v1/countries")
    assert {"id": "KZ", "cow_code": 705}.items() <= next(c for c in countries if c["id"] == "KZ").items()
    kazakhstan = get(client, "/api/v1/countries/KZ")
    assert [e["id"] for e in kazakhstan["entries"]] == ["2013-KZ", "2012-KZ"]
    assert client.get("/api/v1/countries/kz")["Location"].endswith("/api/v1/countries/KZ")
    region = get(client, "/api/v1/regions/europe-and-central-asia")
    assert "KZ" in [c["id"] for c in region["countries"]]
    theme = get(client, f"/api/v1/themes/{TORTURE}")
    assert theme["editions"] == [{"edition": 2013, "year_covered": 2012, "sections": 1}]
    assert TORTURE in [t["id"] for t in get(client, "/api/v1/themes")]


def test_the_matrix_answers_which_countries_had_a_torture_section_each_year(client):
    matrix = get(client, f"/api/v1/matrix?theme={TORTURE}&edition_from=2008&edition_to=2013")
    assert [e["edition"] for e in matrix["editions"]] == [2012, 2013]
    assert [t["id"] for t in matrix["themes"]] == [TORTURE]
    rows = {row["country"]["id"]: row["cells"] for row in matrix["rows"]}
    kazakhstan = {cell["edition"]: cell for cell in rows["KZ"]}
    assert kazakhstan[2013] == {"edition": 2013, "year_covered": 2012, "entry": "2013-KZ", "sections": {TORTURE: 1}}
    assert kazakhstan[2012]["entry"] == "2012-KZ" and kazakhstan[2012]["year_covered"] == 2011
    in_2012 = {e["country"]["id"] for e in get(client, "/api/v1/entries?edition=2012&per_page=200")["results"]}
    absent = next(country for country in rows if country not in in_2012)
    assert {cell["edition"]: cell for cell in rows[absent]}[2012] == {
        "edition": 2012,
        "year_covered": 2011,
        "entry": None,  # no entry that year, which is not the same as no torture section
        "sections": {},
    }
    with_torture = sorted(c for c, cells in rows.items() if any(cell["sections"].get(TORTURE) for cell in cells))
    listed = sorted({s["country"]["id"] for s in get(client, f"/api/v1/sections?theme={TORTURE}")["results"]})
    assert with_torture == listed
    only_2012 = get(client, f"/api/v1/matrix?theme={TORTURE}&edition_from=2012&edition_to=2012&country={absent}")
    assert only_2012["rows"] == []


def test_search_uses_the_sites_engine_with_facets(client):
    found = get(client, "/api/v1/search?q=prisoner")
    assert found["count"] > 0 and found["results"][0]["snippet_html"]
    assert {"edition", "region", "country", "theme"} <= set(found["facets"])
    assert any(value["id"] == "2013" for value in found["facets"]["edition"])
    theme = found["facets"]["theme"][0]["id"]
    narrowed = get(client, f"/api/v1/search?q=prisoner&theme={theme}")
    assert narrowed["count"] == found["facets"]["theme"][0]["count"]
    assert all(hit["theme"]["id"] == theme for hit in narrowed["results"])
    assert any(hit["id"] and hit["id"].startswith("2013-") for hit in found["results"])


@pytest.mark.parametrize(
    "url,parameter",
    [
        ("/api/v1/entries?contry=KZ", "contry"),
        ("/api/v1/entries?edition=twenty", "edition"),
        ("/api/v1/entries?edition=1999", "edition"),
        ("/api/v1/entries?country=ZZ", "country"),
        ("/api/v1/sections?theme=no-such-theme", "theme"),
        ("/api/v1/sections?region=atlantis", "region"),
        ("/api/v1/entries?per_page=100000", "per_page"),
        ("/api/v1/entries?page=0", "page"),
        ("/api/v1/entries?page=999", "page"),
        ("/api/v1/cases?person=nobody", "person"),
        ("/api/v1/matrix?edition_from=2013&edition_to=2012", "edition_to"),
        ("/api/v1/matrix?theme=torture,nonsense", "theme"),
        ("/api/v1/search?q=x&page=50", "page"),
        ("/api/v1/editions?page=2", "page"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, url, parameter):
    error = get(client, url, status=400)
    assert error["error"] == "bad_parameter"
    assert error["parameter"] == parameter
    assert error["message"].startswith(parameter)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/editions/1999",
        "/api/v1/entries/2013-ZZ",
        "/api/v1/entries/nonsense",
        "/api/v1/sections/2013-KZ-no-such-section",
        "/api/v1/cases/2013-KZ-case-00000000",
        "/api/v1/people/nobody",
        "/api/v1/themes/nothing",
        "/api/v1/no-such-resource",
    ],
)
def test_what_does_not_exist_is_a_json_404_not_a_redirect(client, url):
    assert get(client, url, status=404)["error"] == "not_found"


def test_drafts_are_absent(client, edition, team, django_capture_on_commit_callbacks):
    regions = {r.region.slug: r for r in RegionPage.objects.child_of(edition)}
    with django_capture_on_commit_callbacks(execute=True):
        add_entry(regions["asia-pacific"], "JP", "<p>SECRET-DRAFT</p>")
    assert get(client, "/api/v1/entries/2013-JP", status=404)
    assert "JP" not in [c["id"] for c in get(client, "/api/v1/countries")]
    assert b"SECRET-DRAFT" not in client.get("/api/v1/entries?per_page=200").content


def test_an_embargoed_edition_is_absent_not_empty(client, embargoed_edition, team, django_capture_on_commit_callbacks):
    edition, africa, _ = embargoed_edition
    with django_capture_on_commit_callbacks(execute=True):
        approve(add_entry(africa, "GH", "<p>SECRET-EMBARGO</p>"), team["publisher"])
    assert CountryEntryPage.objects.get(country__iso_code="GH").live  # published, but under an unlaunched edition
    assert "2014" not in [e["id"] for e in get(client, "/api/v1/editions")]
    get(client, "/api/v1/editions/2014", status=404)
    get(client, "/api/v1/entries/2014-GH", status=404)
    assert get(client, "/api/v1/entries?edition=2014", status=400)["parameter"] == "edition"
    assert get(client, "/api/v1/matrix?edition_from=2014", status=200)["editions"] == []
    get(client, "/api/v1/countries/GH", status=404)
    for url in ("/api/v1/entries?per_page=200", "/api/v1/sections?per_page=200", "/api/v1/search?q=secret"):
        assert b"SECRET-EMBARGO" not in client.get(url).content

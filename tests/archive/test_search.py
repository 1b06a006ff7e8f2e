"""Search across every published edition: facets, highlighted snippets, anchors, order, odd input."""

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapporteur.archive.models import SearchRecord
from rapporteur.archive.search import MAX_TERMS, parse_query, search
from rapporteur.archive.wordindex import term
from rapporteur.editorial.embargo import launch_edition
from rapporteur.reports.models import Country, CountryEntryPage, RegionPage, Theme
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def results(html):
    return [(li.h3.a["href"], li.h3.get_text(" ", strip=True)) for li in html.select("li.result")]


def facet(html, name):
    return {
        a.get_text(strip=True): int(a.find_next("span", class_="count").get_text(strip=True).strip("()"))
        for a in html.select(f'ul[data-facet="{name}"] a')
    }


def test_results_link_to_the_section_and_highlight_the_words(client):
    html = page(client, q="tortured confessions")
    links = [href for href, _ in results(html)]
    assert "/en/2013/europe-and-central-asia/kazakhstan/#torture-and-other-ill-treatment" in links
    first = html.select_one("li.result")
    marks = [m.get_text().lower() for m in first.select(".snippet mark")]
    assert marks and all(m.startswith(("confess", "tortur")) for m in marks)  # stemmed: "confessing" matches
    assert "Annual Report 2013" in first.select_one(".meta").get_text()


def test_facets_narrow_and_combine(client):
    html = page(client, q="prisoner")
    years = facet(html, "year")
    assert set(years) == {"2012", "2013"}
    total = int(re.match(r"\d+", html.select_one("#results-h").get_text()).group())
    assert total == sum(years.values())

    narrowed = page(client, q="prisoner", year=2012)
    assert int(re.match(r"\d+", narrowed.select_one("#results-h").get_text()).group()) == years["2012"]
    assert all(
        li.select_one(".meta").get_text().startswith("Annual Report 2012") for li in narrowed.select("li.result")
    )
    assert facet(narrowed, "year") == years, "the year facet still offers the other year"

    china = Theme.objects.get(slug="prisoners-of-conscience")
    combined = page(client, q="prisoner", year=2012, theme=china.pk)
    for href, _ in results(combined):
        assert href.startswith("/en/2012/") and href.endswith("#prisoners-of-conscience")
    selected = combined.select("a.selected")
    assert {a.get_text(strip=True) for a in selected} == {"2012", "Prisoners of conscience"}


def test_which_countries_had_a_theme_in_a_year_needs_no_words(client):
    theme = Theme.objects.get(slug="unfair-trials")
    html = page(client, theme=theme.pk, year=2013)
    titles = sorted(title.split(":")[0].strip() for _, title in results(html))
    assert titles == ["Kazakhstan"]  # the only 2013 entry with an "Unfair trials" section
    html = page(client, theme=theme.pk)
    assert set(facet(html, "year")) == {"2012", "2013"}


def test_newer_editions_come_first_when_relevance_ties(django_capture_on_commit_callbacks):
    country = Country.objects.create(iso_code="IS")
    for year in (2012, 2013):
        region = RegionPage.objects.get(url_path=f"/home/{year}/europe-and-central-asia/")
        entry = CountryEntryPage(
            title="Iceland", slug="iceland", country=country, summary="<p>Geysers erupted.</p>", body=[]
        )
        with django_capture_on_commit_callbacks(execute=True):
            region.add_child(instance=entry)
            entry.save_revision().publish()
    assert [r.year for r in search("geysers", {}).results] == [2013, 2012]


def test_stronger_matches_come_first(client):
    # a section headed "Unfair trials" ranks above passing mentions of trials
    first = search("unfair trials", {}).results[0]
    assert first.heading == "Unfair trials"


def test_pagination(client):
    first = page(client, year=2013)  # every 2013 record: more than one page
    assert first.select("nav.pagination")
    second = page(client, year=2013, page=2)
    assert len(results(first)) == 20
    assert set(results(first)).isdisjoint(results(second))
    assert second.select_one('nav.pagination [aria-current="page"]').get_text() == "2"
    beyond = page(client, year=2013, page=999)  # clamped to the last page
    assert results(beyond)


ODD_INPUTS = [
    '"',
    '"""',
    "AND OR NOT",
    "torture NEAR trial",
    "text: heading:",
    "*",
    "^prison",
    "(prison",
    "prison)",
    "- - -",
    "!!! ??? ...",
    "'; DROP TABLE archive_searchrecord; --",
    "1 OR 1=1",
    "Қазақстан Kazakhstan",
    "سجناء الرأي",
    "良心犯",
    "prisoner 🕊️",
    "x" * 5000,
    " ".join(["word"] * 400),
    "\x00\x01",
    "%_%",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_errors(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body


def test_odd_input_gets_a_clear_message(client):
    assert "punctuation alone cannot be searched" in client.get("/en/search/", {"q": "!!! ???"}).content.decode()
    long = client.get("/en/search/", {"q": " ".join(["torture"] * 50)}).content.decode()
    assert f"only its first {MAX_TERMS} words were used" in long


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_valid_search(client, query):
    response = client.get("/en/search/", {"q": query.replace("\x00", "")})
    assert response.status_code == 200


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.dictionaries(st.sampled_from(["year", "region", "country", "theme", "page"]), st.text(max_size=20)))
def test_any_filter_values_are_safe(client, params):
    assert client.get("/en/search/", params).status_code == 200


def test_query_parsing():
    parsed = parse_query('unfair "prisoner of conscience" trial')
    assert parsed.words == ["unfair", "trial"] and parsed.phrases == [["prisoner", "of", "conscience"]]
    assert parse_query("!!!").is_empty
    assert len(parse_query("a " * 100).terms) == MAX_TERMS and parse_query("a " * 100).shortened


def publish_entry(region_path, iso_code, summary, capture):
    """A new published entry with ``summary``, indexed as after a real commit."""
    country = Country.objects.create(iso_code=iso_code)
    region = RegionPage.objects.get(url_path=region_path)
    entry = CountryEntryPage(title=country.name, slug=country.slug, country=country, summary=summary, body=[])
    with capture(execute=True):
        region.add_child(instance=entry)
        entry.save_revision().publish()
    return entry


def titles(query):
    return sorted(result.title for result in search(query, {}).results)


def test_quoted_phrases_need_their_words_together(django_capture_on_commit_callbacks):
    europe = "/home/2013/europe-and-central-asia/"
    publish_entry(europe, "IS", "<p>The court denied the editor a fair trial.</p>", django_capture_on_commit_callbacks)
    publish_entry(europe, "NO", "<p>The trial, observers said, was not fair.</p>", django_capture_on_commit_callbacks)
    assert titles("fair trial court observers") == []  # every word must be in the same section
    assert {"Iceland", "Norway"} <= set(titles("fair trial"))
    assert "Iceland" in titles('"fair trial"') and "Norway" not in titles('"fair trial"')
    assert "Iceland" in titles('"fair trials"'), "phrases are compared word by word, stemmed"
    assert "Iceland" not in titles('"trial fair"')
    first = search('"fair trial" editor', {}).results
    assert [r.title for r in first] == ["Iceland"]
    assert "<mark>fair</mark> <mark>trial</mark>" in first[0].snippet


def test_accents_and_other_scripts_are_searchable(django_capture_on_commit_callbacks):
    asia = "/home/2013/asia-pacific/"
    publish_entry(
        asia, "MN", "<p>Delegates from Türkiye and Қазақстан met in São Paulo.</p>", django_capture_on_commit_callbacks
    )
    assert titles("Turkiye") == ["Mongolia"] == titles("TÜRKIYE")
    assert titles("Қазақстан") == ["Mongolia"]
    assert titles('"sao paulo"') == ["Mongolia"]
    assert "<mark>Türkiye</mark>" in search("turkiye", {}).results[0].snippet


def test_a_launched_edition_is_searchable_at_once(team, embargoed_edition, django_capture_on_commit_callbacks):
    edition, africa, launch_at = embargoed_edition
    with django_capture_on_commit_callbacks(execute=True):
        approve(add_entry(africa, "GH", "<p>Flooding displaced fishermen.</p>"), team["publisher"])
        add_entry(africa, "KE", "<p>Fishermen protested; a draft.</p>")  # never approved
    assert search("fishermen", {}).total == 0, "nothing before the launch"
    with django_capture_on_commit_callbacks(execute=True):
        launch_edition(edition, user=team["publisher"])
    found = search("fishermen", {})
    assert [(r.title, r.year) for r in found.results] == [("Ghana", 2014)]
    assert [v.label for v in found.facets["year"]] == ["2014"]


def test_words_are_compared_by_stem_in_their_language():
    assert term("Tortured") == term("torturing") == term("torture")
    assert term("Détentions", "fr") == term("détention", "fr") == "detent"
    assert term("пытки", "ru") == term("пыткам", "ru")
    assert term("x" * 500) == "x" * 60


def test_a_record_removed_behind_the_index_is_skipped_not_an_error(client):
    kazakhstan = "/en/2013/europe-and-central-asia/kazakhstan/#torture-and-other-ill-treatment"
    assert kazakhstan in [href for href, _ in results(page(client, q="tortured"))]
    SearchRecord.objects.filter(
        url__startswith=kazakhstan.split("#")[0], anchor="torture-and-other-ill-treatment"
    ).delete()
    html = page(client, q="tortured confessions")  # a search not yet cached; the word index still lists it
    assert kazakhstan not in [href for href, _ in results(html)]


def test_an_archive_indexed_before_the_word_index_gets_one_at_migrate(client):
    from django.core.management import call_command

    from rapporteur.archive.models import IndexSegment
    from rapporteur.reports.cache import new_generation

    IndexSegment.objects.all().delete()  # as after upgrading: records, but no word index
    new_generation()
    assert search("tortured", {}).total == 0
    call_command("migrate", verbosity=0)
    assert search("tortured", {}).total > 0, "and searches cached meanwhile are forgotten"

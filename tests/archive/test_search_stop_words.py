"""Stop-words ("of", "the", "and"): not required, not scored and not highlighted, unless they are all a
search has, or stand in a quoted phrase."""

import re

import pytest

from rapporteur.archive.search import search
from rapporteur.reports.models import Country
from tests.archive.test_search import page, publish_entry, titles

pytestmark = pytest.mark.django_db

EUROPE = "/home/2013/europe-and-central-asia/"


def marked(snippet):
    return [word.lower() for word in re.findall(r"<mark>(.*?)</mark>", str(snippet))]


def result_for(query, title):
    country = Country.objects.get(name=title)  # narrowed to the country: common words find hundreds
    return next(result for result in search(query, {"country": [country.pk]}).results if result.title == title)


def test_stop_words_in_a_search_are_not_highlighted(client, django_capture_on_commit_callbacks):
    publish_entry(
        EUROPE,
        "IS",
        "<p>The torture of detainees in the north and the south of the country went on.</p>",
        django_capture_on_commit_callbacks,
    )
    assert set(marked(result_for("torture of detainees", "Iceland").snippet)) == {"torture", "detainees"}
    html = page(client, q="torture of the detainees")
    for snippet in html.select(".snippet"):
        assert not {"of", "the", "and"} & {mark.get_text().lower() for mark in snippet.select("mark")}


def test_a_record_without_the_stop_words_is_found(django_capture_on_commit_callbacks):
    publish_entry(EUROPE, "IS", "<p>Detainees reported torture.</p>", django_capture_on_commit_callbacks)
    assert "Iceland" in titles("torture of the detainees")
    assert "Iceland" in titles("The torture and detainees")


def test_stop_words_do_not_change_the_ranking(client):
    ranked = [(r.title, r.year, r.heading) for r in search("freedom expression", {}).results]
    assert len(ranked) > 3
    assert [(r.title, r.year, r.heading) for r in search("the freedom of expression", {}).results] == ranked


def test_a_quoted_phrase_is_highlighted_whole_and_its_stop_words_nowhere_else(django_capture_on_commit_callbacks):
    publish_entry(
        EUROPE,
        "IS",
        "<p>A prisoner of conscience, the son of a farmer, was freed.</p>",
        django_capture_on_commit_callbacks,
    )
    publish_entry(EUROPE, "NO", "<p>A prisoner held for his conscience.</p>", django_capture_on_commit_callbacks)
    assert "Norway" not in titles('"prisoner of conscience"'), "the phrase still needs its stop-word in place"
    snippet = result_for('"prisoner of conscience"', "Iceland").snippet
    assert "<mark>prisoner</mark> <mark>of</mark> <mark>conscience</mark>" in snippet
    assert "son of a farmer" in snippet, "the other 'of' is not marked"


def test_a_search_of_stop_words_alone_still_finds_and_marks_them(django_capture_on_commit_callbacks):
    publish_entry(EUROPE, "IS", "<p>The Who played on.</p>", django_capture_on_commit_callbacks)
    found = result_for("the", "Iceland")
    assert marked(found.snippet) == ["the"]

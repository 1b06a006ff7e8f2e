""" "Did you mean …?" for a misspelt search: built from words readers can find, offered as a link."""

import pytest

from rapporteur.archive.search import search
from rapporteur.archive.suggest import edits
from rapporteur.reports.cache import new_generation
from rapporteur.reports.models import CountryEntryPage, Theme
from tests.archive.test_search import page, publish_entry, results

pytestmark = pytest.mark.django_db

EUROPE = "/home/2013/europe-and-central-asia/"


def suggestion(html):
    found = html.select_one(".suggestion a")
    return (found.get_text(), found["href"]) if found else None


def test_a_misspelt_name_gets_a_link_to_the_corrected_search(client):
    html = page(client, q="Nazarbaev")
    assert not results(html)
    text, href = suggestion(html)
    assert text == "Nazarbayev" and "Did you mean" in html.select_one(".suggestion").get_text()
    corrected = page(client, **{"q": "Nazarbayev"})
    assert href == "?q=Nazarbayev"
    assert "/en/2013/europe-and-central-asia/kazakhstan/" in [link for link, _ in results(corrected)]


def test_words_are_offered_as_the_reports_write_them(client):
    assert suggestion(page(client, q="tortrue confesions")) == ("torture confessions", "?q=torture+confessions")
    assert search('"unfiar trials"', {}).suggestion == '"unfair trials"'


def test_the_filters_are_kept(client):
    theme = Theme.objects.get(slug="torture-and-other-ill-treatment")
    text, href = suggestion(page(client, q="tortrue", theme=theme.pk))
    assert text == "torture" and href == f"?q=torture&theme={theme.pk}"


def test_no_suggestion_when_the_search_finds_enough(client):
    assert suggestion(page(client, q="torture")) is None
    assert search("prisoner", {}).suggestion == ""
    assert search("zzzzqqqq", {}).suggestion == "", "nothing near it: no suggestion"


def test_a_word_readers_cannot_see_is_never_offered(django_capture_on_commit_callbacks):
    entry = publish_entry(EUROPE, "IS", "<p>Quillworts grew by the fjord.</p>", django_capture_on_commit_callbacks)
    assert search("Quilworts", {}).suggestion == "Quillworts"  # as the text writes it
    entry.summary = "<p>Moonworts grew by the fjord.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        entry.save_revision()  # a draft
    assert search("Monworts", {}).suggestion == ""
    # hidden before its records are rebuilt (the word index still holds the word): not offered
    CountryEntryPage.objects.filter(pk=entry.pk).update(live=False)
    new_generation()
    assert search("Quilworts", {}).suggestion == ""


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edits("torture", "tortrue") == 1
    assert edits("nazarbaev", "nazarbayev") == 1
    assert edits("trial", "trail") == 1
    assert edits("abcdef", "badcfe") == 3  # beyond the limit of two

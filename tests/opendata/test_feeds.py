"""Atom feeds: an edition's entries, a country across editions, corrections — valid Atom, readers' content only."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from rapporteur.editorial.embargo import launch_edition
from rapporteur.reports.models import Correction, CountryEntryPage, RegionPage
from rapporteur.reports.visibility import reader_visible
from tests.support.atom import feed_root, parse_atom
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    assert response["Content-Type"].startswith("application/atom+xml")
    return parse_atom(response.content)


def links(entries):
    return {entry.link.replace("http://testserver", "") for entry in entries}


@pytest.fixture
def regions(edition):
    return {region.region.slug: region for region in RegionPage.objects.child_of(edition)}


@pytest.fixture
def hidden_entries(regions, team, django_capture_on_commit_callbacks):
    """A draft, a withdrawn (published, then unpublished) and a private entry in the 2013 edition."""
    publisher = team["publisher"]
    with django_capture_on_commit_callbacks(execute=True):
        draft = add_entry(regions["asia-pacific"], "JP", "<p>FEED-DRAFT</p>")
        withdrawn = approve(add_entry(regions["americas"], "CA", "<p>FEED-WITHDRAWN</p>"), publisher)
        withdrawn.unpublish()
        private = approve(add_entry(regions["europe-and-central-asia"], "FR", "<p>FEED-PRIVATE</p>"), publisher)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return draft, withdrawn, private


def test_the_edition_feed_is_atom_with_every_published_entry(client, edition):
    entries = feed(client, "/en/2013/feed.atom")
    published = reader_visible(CountryEntryPage.objects.descendant_of(edition))
    assert len(entries) == published.count() > 1
    assert KAZAKHSTAN in links(entries)
    kazakhstan = next(entry for entry in entries if entry.link.endswith(KAZAKHSTAN))
    assert kazakhstan.title == "Kazakhstan"
    assert kazakhstan.id == "tag:testserver,2013:2013-KZ"
    assert "Zhanaozen" in kazakhstan.summary  # the entry's summary, as HTML
    assert "Europe and Central Asia" in kazakhstan.categories
    assert "Torture and other ill-treatment" in kazakhstan.categories
    root = feed_root(client.get("/en/2013/feed.atom").content)
    assert root.findtext("{http://www.w3.org/2005/Atom}author/{http://www.w3.org/2005/Atom}name") == (
        "Rapporteur Demonstration Organisation"
    )
    assert [e.published for e in entries] == sorted((e.published for e in entries), reverse=True), "newest first"


def test_feeds_leave_out_drafts_withdrawn_and_private_entries(client, hidden_entries):
    for url in ("/en/2013/feed.atom", "/en/corrections.atom"):
        body = client.get(url).content
        for token in (b"FEED-DRAFT", b"FEED-WITHDRAWN", b"FEED-PRIVATE"):
            assert token not in body, (url, token)
    for slug in ("japan", "canada", "france"):
        assert client.get(f"/en/countries/{slug}/feed.atom").status_code == 404, slug


def test_an_embargoed_edition_has_no_feed_until_it_launches(
    client, embargoed_edition, team, django_capture_on_commit_callbacks
):
    embargo, africa, _ = embargoed_edition
    with django_capture_on_commit_callbacks(execute=True):
        ghana = approve(add_entry(africa, "GH", "<p>FEED-EMBARGO</p>"), team["publisher"])
        ghana.corrections = [Correction(corrected_on=datetime.date(2014, 5, 1), text="FEED-EMBARGO corrected")]
        ghana.save_revision().publish()
    assert client.get("/en/2014/feed.atom").status_code == 404  # absent, not empty
    assert client.get("/en/countries/ghana/feed.atom").status_code == 404
    assert b"FEED-EMBARGO" not in client.get("/en/corrections.atom").content
    assert b"FEED-EMBARGO" not in client.get("/en/2013/feed.atom").content

    with django_capture_on_commit_callbacks(execute=True):
        launch_edition(embargo, user=team["publisher"])
    entries = feed(client, "/en/2014/feed.atom")
    assert links(entries) == {"/en/2014/africa/ghana/"}
    launched = CountryEntryPage.objects.get(pk=ghana.pk).get_parent().get_parent().first_published_at
    assert entries[0].published >= launched.isoformat()[:19], "published when readers could first see it"
    assert "/en/2014/africa/ghana/" in links(feed(client, "/en/countries/ghana/feed.atom"))
    assert "FEED-EMBARGO corrected" in client.get("/en/corrections.atom").content.decode()


def test_the_country_feed_follows_a_country_across_editions(client, kazakhstan):
    entries = feed(client, "/en/countries/kazakhstan/feed.atom")
    editions = reader_visible(CountryEntryPage.objects.filter(country=kazakhstan.country, locale=kazakhstan.locale))
    assert len(entries) == editions.count()
    assert KAZAKHSTAN in links(entries)
    assert all(entry.title.startswith("Kazakhstan: Annual Report") for entry in entries)
    assert client.get("/en/countries/atlantis/feed.atom").status_code == 404


def test_atom_ids_do_not_follow_page_addresses(client, kazakhstan, django_capture_on_commit_callbacks):
    before = {entry.link: entry.id for entry in feed(client, "/en/2013/feed.atom")}
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.slug = "kazakhstan-renamed"
        kazakhstan.save_revision().publish()
    after = {entry.link: entry.id for entry in feed(client, "/en/2013/feed.atom")}
    moved = "http://testserver/en/2013/europe-and-central-asia/kazakhstan-renamed/"
    assert after[moved] == before["http://testserver" + KAZAKHSTAN] == "tag:testserver,2013:2013-KZ"
    assert sorted(after.values()) == sorted(before.values())


def test_the_corrections_feed_lists_a_corrected_entry(client, kazakhstan, django_capture_on_commit_callbacks):
    assert feed(client, "/en/corrections.atom") == []
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.corrections = [
            Correction(corrected_on=today - datetime.timedelta(days=3), text="The verdict was in June, not May."),
            Correction(corrected_on=today, text="A name was misspelt."),
        ]
        kazakhstan.save_revision().publish()
        # a correction in a draft revision is not yet a correction readers know of
        kazakhstan.corrections = [*kazakhstan.corrections.all(), Correction(corrected_on=today, text="FEED-DRAFT")]
        kazakhstan.save_revision()
    entries = feed(client, "/en/corrections.atom")
    assert [entry.summary for entry in entries] == [
        "<p>A name was misspelt.</p>",
        "<p>The verdict was in June, not May.</p>",
    ]
    assert links(entries) == {KAZAKHSTAN + "#corrections"}
    assert entries[0].title == f"Kazakhstan (Annual Report 2013), corrected on {today:%-d %B %Y}"
    assert len({entry.id for entry in entries}) == 2
    assert all(entry.id.startswith("tag:testserver,2013:2013-KZ/correction/") for entry in entries)


def test_pages_announce_their_feeds(read, client):
    for url, expected in (
        ("/en/2013/", {"/en/2013/feed.atom", "/en/corrections.atom"}),
        (KAZAKHSTAN, {"/en/2013/feed.atom", "/en/corrections.atom"}),
        ("/en/countries/kazakhstan/", {"/en/countries/kazakhstan/feed.atom"}),
    ):
        _, html = read(url)
        found = {link["href"] for link in html.select('head link[rel="alternate"][type="application/atom+xml"]')}
        assert found == expected, url
        for href in found:
            parse_atom(client.get(href).content)

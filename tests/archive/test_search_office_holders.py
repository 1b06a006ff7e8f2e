"""Heads of state and government are searchable: their name finds the entries that name them, as
published, and nothing an editor has not yet published (or has hidden) is ever found."""

import pytest

from rapporteur.archive.search import search
from rapporteur.reports.models import OfficeHolder
from tests.archive.test_search import page, results
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db

KAZAKHSTAN_2013 = "/en/2013/europe-and-central-asia/kazakhstan/"


def test_a_presidents_name_finds_the_entries_naming_them(client):
    html = page(client, q="Nazarbayev")
    links = [href for href, _ in results(html)]
    assert KAZAKHSTAN_2013 in links
    assert "/en/2012/europe-and-central-asia/kazakhstan/" in links
    snippet = html.select_one(f'li.result a[href="{KAZAKHSTAN_2013}"]').find_parent("li").select_one(".snippet")
    assert "Head of state: Nursultan Nazarbayev" in snippet.get_text()
    assert [mark.get_text() for mark in snippet.select("mark")] == ["Nazarbayev"]


def test_who_was_replaced_is_searchable_too(client):
    found = {(r.link, r.year) for r in search("Massimov", {}).results}
    assert (KAZAKHSTAN_2013, 2013) in found  # "replaced Karim Massimov in September 2012"
    assert ("/en/2012/europe-and-central-asia/kazakhstan/", 2012) in found  # head of government then
    snippet = next(r.snippet for r in search("Massimov", {}).results if r.year == 2013)
    assert "Head of government: Serik Akhmetov (replaced Karim <mark>Massimov</mark> in September 2012" in snippet


def test_a_draft_office_holder_is_never_found(kazakhstan, django_capture_on_commit_callbacks):
    kazakhstan.office_holders.add(OfficeHolder(office="head_of_government", name="Kassym Tokayev"))
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.save_revision()  # a draft: the live page still names the old holders
    assert search("Tokayev", {}).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.get_latest_revision().publish()
    assert [r.link for r in search("Tokayev", {}).results] == [KAZAKHSTAN_2013]
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.unpublish()
    assert search("Tokayev", {}).total == 0


def test_office_holders_of_an_embargoed_entry_wait_for_the_launch(
    team, embargoed_edition, django_capture_on_commit_callbacks
):
    _edition, africa, _launch_at = embargoed_edition
    with django_capture_on_commit_callbacks(execute=True):
        entry = add_entry(africa, "GH")
        entry.office_holders.add(OfficeHolder(office="head_of_state", name="John Mahama"))
        entry.save_revision()
        approve(entry, team["publisher"])  # published inside an edition that is not yet launched
    assert search("Mahama", {}).total == 0

"""What an import writes: drafts only, in one go, never over a published version, and nothing
the second time. The imported content here is placeholder wording written for these tests."""

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry, PageLogEntry

from rapporteur.importers.imported import (
    Block,
    ImportedEdition,
    ImportedEntry,
    OfficeHolder,
    Replacement,
    Report,
    Section,
)
from rapporteur.importers.writer import plan_import, write_import
from rapporteur.reports.models import CountryEntryPage, EditionPage, Person, RegionPage

pytestmark = pytest.mark.django_db


def entry(name, code, heading="Unfair trials", person="", summary="<p>Placeholder summary for an import test.</p>"):
    return ImportedEntry(
        country_name=name,
        iso_code=code,
        office_holders=[
            OfficeHolder("head_of_state", "A. Placeholder", [Replacement("B. Placeholder", "March 2012")]),
        ],
        facts={"population": "0.4 million", "death_penalty": "abolitionist for all crimes"},
        summary_html=summary,
        sections=[
            Section(
                heading=heading,
                blocks=[
                    Block("paragraph", "<p>Placeholder paragraph.</p>"),
                    Block("subheading", "Placeholder subheading"),
                    Block("case", "<p>Placeholder case.</p>", person=person),
                ],
            )
        ],
        visits=["Delegates visited in May."],
        reports=[Report("Placeholder report", index_number="EUR 00/001/2012")],
        source=f"{name}.docx",
    )


def test_new_entries_are_drafts_in_their_region_and_readers_see_nothing(client):
    imported = ImportedEdition(entries=[entry("Iceland", "IS", person="Placeholder Person")])
    plan = plan_import(imported, 2013)
    assert plan.counts() == {"create": 1, "update": 0, "unchanged": 0, "refused": 0}
    assert plan.entries[0].region.slug == "europe-and-central-asia"
    assert plan.entries[0].new_people == ["Placeholder Person"]
    assert not CountryEntryPage.objects.filter(country__iso_code="IS").exists()  # the plan wrote nothing

    write_import(plan)
    page = CountryEntryPage.objects.get(country__iso_code="IS")
    assert not page.live and page.get_parent().slug == "europe-and-central-asia"
    draft = page.get_latest_revision_as_object()
    section = draft.body[0].value
    assert section["theme"].slug == "unfair-trials" and section["heading"] == ""
    assert [child.block_type for child in section["content"]] == ["paragraph", "subheading", "case"]
    assert section["content"][2].value["person"] == Person.objects.get(name="Placeholder Person")
    holder = draft.office_holders.get()
    assert (holder.name, holder.replaced, holder.replaced_on.isoformat()) == (
        "A. Placeholder",
        "B. Placeholder",
        "2012-03-01",
    )
    assert {f.kind: f.value for f in draft.facts.all()} == {
        "population": "0.4 million",
        "death_penalty": "abolitionist for all crimes",
    }
    assert draft.related_reports.get().index_number == "EUR 00/001/2012"
    assert client.get("/en/2013/europe-and-central-asia/iceland/").status_code == 404
    assert PageLogEntry.objects.filter(page=page, action="rapporteur.import").exists()


def test_importing_the_same_thing_twice_changes_nothing():
    imported = ImportedEdition(entries=[entry("Iceland", "IS")])
    write_import(plan_import(imported, 2013))
    page = CountryEntryPage.objects.get(country__iso_code="IS")
    revisions = page.revisions.count()
    again = plan_import(imported, 2013)
    assert again.counts()["unchanged"] == 1
    write_import(again)
    assert page.revisions.count() == revisions


def test_a_published_entry_gains_a_revision_and_readers_keep_the_published_one(kazakhstan):
    imported = ImportedEdition(entries=[entry("KAZAKHSTAN", "KZ", summary="<p>A new placeholder summary.</p>")])
    plan = plan_import(imported, 2013)
    assert plan.counts()["update"] == 1
    write_import(plan)
    reader = Client().get(kazakhstan.url).content.decode()
    assert "A new placeholder summary." not in reader
    fresh = CountryEntryPage.objects.get(pk=kazakhstan.pk)
    assert "A new placeholder summary." in fresh.get_latest_revision_as_object().summary
    assert fresh.live and "A new placeholder summary." not in fresh.summary


def test_refusals_say_why_and_write_nothing(kazakhstan, team):
    kazakhstan.locked = True
    kazakhstan.save()
    imported = ImportedEdition(
        entries=[entry("Atlantis", ""), entry("Iceland", "IS"), entry("ICELAND", "IS"), entry("Kazakhstan", "KZ")]
    )
    plan = plan_import(imported, 2013)
    reasons = [(p.action, p.reason) for p in plan.entries]
    assert reasons[0] == ("refused", "the country “Atlantis” is not known")
    assert reasons[1][0] == "create"
    assert reasons[2][0] == "refused" and "appears twice" in reasons[2][1]
    assert reasons[3] == ("refused", "the entry is locked or in review: finish that first")
    africa = plan_import(ImportedEdition(entries=[entry("Iceland", "IS")]), 2013, user=team["researcher_africa"])
    assert africa.entries[0].action == "refused"


def test_an_unknown_heading_keeps_its_words_and_no_theme():
    plan = plan_import(ImportedEdition(entries=[entry("Iceland", "IS", heading="Placeholder heading")]), 2013)
    assert plan.entries[0].unthemed == ["Placeholder heading"]
    write_import(plan)
    section = CountryEntryPage.objects.get(country__iso_code="IS").get_latest_revision_as_object().body[0].value
    assert section["theme"] is None and section["heading"] == "Placeholder heading"


def test_a_book_for_a_new_year_becomes_a_draft_edition(client):
    imported = ImportedEdition(covers_year=2010, entries=[entry("Iceland", "IS"), entry("Kazakstan", "KZ")])
    plan = plan_import(imported, 2011)
    assert plan.edition is None and plan.counts()["create"] == 2
    write_import(plan, source="book.txt")
    edition = EditionPage.objects.get(year=2011, locale__language_code="en")
    assert not edition.live and edition.covers_year == 2010
    assert sorted(RegionPage.objects.child_of(edition).values_list("slug", flat=True)) == ["europe-and-central-asia"]
    assert CountryEntryPage.objects.descendant_of(edition).count() == 2
    assert client.get("/en/2011/").status_code == 404
    assert not ModelLogEntry.objects.filter(action="rapporteur.import").exists()  # pages log as pages
    assert PageLogEntry.objects.filter(action="rapporteur.import", data__source="book.txt").count() == 2

"""An office that changed hands several times in one year keeps every person and date, from the
file to the entry page a reader sees. Names are placeholders, except the facts read from the
real 2012 book at run time."""

import datetime

import pytest

from rapporteur.importers.imported import Block, ImportedEdition, ImportedEntry, Section
from rapporteur.importers.legacy import read_country_file
from rapporteur.importers.offices import holder_rows, month_date, parse_office_line
from rapporteur.importers.writer import plan_import, write_import
from rapporteur.reports.document import entry_document
from rapporteur.reports.models import CountryEntryPage
from tests.importers.legacy_samples import chunk_path
from tests.support.helpers import soup

CHAIN_LINE = (
    "Head of government: Fourth Placeholder (replaced Third Placeholder in December, "
    "who replaced Second Placeholder in March, who replaced First Placeholder in January)"
)


def test_a_chain_becomes_the_holder_and_one_former_row_per_earlier_holder():
    rows = holder_rows(parse_office_line(CHAIN_LINE), covers_year=2011)
    assert rows == [
        ("head_of_government", "Fourth Placeholder", "Third Placeholder", datetime.date(2011, 12, 1), False),
        ("head_of_government", "Third Placeholder", "Second Placeholder", datetime.date(2011, 3, 1), True),
        ("head_of_government", "Second Placeholder", "First Placeholder", datetime.date(2011, 1, 1), True),
    ]


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("September 2012", None, datetime.date(2012, 9, 1)),
        ("December", 2011, datetime.date(2011, 12, 1)),
        ("11 February 2011", None, datetime.date(2011, 2, 11)),
        ("December", None, None),
        ("Someday 2012", 2011, None),
    ],
)
def test_a_printed_month_becomes_a_date_in_the_year_covered(text, year, expected):
    assert month_date(text, year) == expected


def chain_entry():
    return ImportedEntry(
        country_name="Iceland",
        iso_code="IS",
        office_holders=[parse_office_line(CHAIN_LINE), parse_office_line("Head of state: A. Placeholder")],
        summary_html="<p>Placeholder summary.</p>",
        sections=[Section("Unfair trials", blocks=[Block("paragraph", "<p>Placeholder paragraph.</p>")])],
    )


@pytest.mark.django_db
def test_the_whole_chain_is_stored_unchanged_twice_and_read_in_order(client, edition):
    write_import(plan_import(ImportedEdition(entries=[chain_entry()]), 2013))
    again = plan_import(ImportedEdition(entries=[chain_entry()]), 2013)
    assert again.counts()["unchanged"] == 1

    page = CountryEntryPage.objects.get(country__iso_code="IS")
    page.get_latest_revision().publish()
    page.refresh_from_db()
    stored = [
        (h.name, h.replaced, h.replaced_on.isoformat() if h.replaced_on else "", h.former)
        for h in page.office_holders.all()
    ]
    assert stored == [
        ("Fourth Placeholder", "Third Placeholder", "2012-12-01", False),
        ("Third Placeholder", "Second Placeholder", "2012-03-01", True),
        ("Second Placeholder", "First Placeholder", "2012-01-01", True),
        ("A. Placeholder", "", "", False),
    ]
    lines = entry_document(page).office_holders
    assert [line.name for line in lines] == ["Fourth Placeholder", "A. Placeholder"]
    assert lines[0].replacements == (
        ("Third Placeholder", "December 2012"),
        ("Second Placeholder", "March 2012"),
        ("First Placeholder", "January 2012"),
    )

    response = client.get(page.url)
    assert response.status_code == 200
    holders = [" ".join(div.get_text(" ").split()) for div in soup(response).select("dl.office-holders > div")]
    assert (
        "Head of government Fourth Placeholder (replaced Third Placeholder in December 2012, "
        "who replaced Second Placeholder in March 2012, who replaced First Placeholder in January 2012)"
    ) in holders
    assert "Head of state A. Placeholder" in holders


@pytest.mark.django_db
def test_the_real_2012_chain_keeps_every_person_and_month():
    """The 2012 book's Egyptian head of government replaced three people in 2011."""
    entry = read_country_file(chunk_path("2012-egypt.txt"))
    plan = plan_import(ImportedEdition(covers_year=2011, entries=[entry]), 2012)
    write_import(plan)
    page = CountryEntryPage.objects.get(
        country__iso_code="EG", url_path__startswith="/home/2012/", locale__language_code="en"
    )
    draft = page.get_latest_revision_as_object()
    government = [
        (h.name, h.replaced, h.replaced_on.strftime("%B %Y"), h.former)
        for h in draft.office_holders.all()
        if h.office == "head_of_government"
    ]
    assert government == [
        ("Kamal Ganzouri", "Essam Sharaf", "December 2011", False),
        ("Essam Sharaf", "Ahmed Shafik", "March 2011", True),
        ("Ahmed Shafik", "Ahmed Nazif", "January 2011", True),
    ]

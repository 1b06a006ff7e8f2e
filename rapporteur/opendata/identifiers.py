"""The identifiers open data gives every object, and the codes researchers merge on.

An identifier that leaves the site (in the API, a dataset, a citation) is quoted in
research code, spreadsheets and court filings for years, so none of them may change when the
archive is rebuilt or an unrelated part of the report is edited. Each is therefore made
only from what names the thing itself, never from a database row number or a position
that an edit elsewhere could shift:

=========  ==========================================  ============================================
Object     Identifier                                  Made from
=========  ==========================================  ============================================
edition    ``2013``                                    the year of publication
entry      ``2013-KZ``                                 edition year + the country's ISO alpha-2 code
section    ``2013-KZ-torture-and-other-ill-treatment`` entry + the section's anchor on the page: the
                                                       theme's slug; a second section of the same
                                                       theme ``…-2``; a section without a theme the
                                                       slug of its heading
case       ``2013-KZ-case-3f2a9c1e``                   entry + the start of the case block's stream
                                                       id, which Wagtail keeps through every edit
country    ``KZ``                                      ISO 3166-1 alpha-2 (``XK`` for Kosovo)
region     ``europe-and-central-asia``                 the region's slug
theme      ``torture-and-other-ill-treatment``         the theme's slug
person     ``aigerim-example``                         the person's slug
=========  ==========================================  ============================================

Slugs of themes and people change only when a publisher deliberately moves a reader address,
and the old slug keeps leading to the new one (``reports.models.addresses``); the API answers
an old identifier with a redirect to the current one.

Every object also carries the edition year *and* the year it covers (the 2013 edition reports
on 2012: mixing the two is the classic error when merging country-year data), the country's
ISO alpha-2 and alpha-3 codes and its Correlates of War state number (``data/cow.csv``).

This module is plain functions over strings and numbers: the API, the datasets and the
citations all name things through it, so they always agree.
"""

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

COW_TABLE = Path(__file__).parent / "data" / "cow.csv"

# Codes ISO 3166 leaves to its users. Kosovo: "XK"/"XKX" as the EU, the World Bank and most data
# publishers use them (the model accepts the same, ``reports.models.snippets.USER_ASSIGNED_CODES``).
USER_ASSIGNED_ALPHA_3 = {"XK": "XKX"}

CASE_KEY_LENGTH = 8  # hex digits of the stream id: unique within an entry, short enough to quote

ENTRY_ID = re.compile(r"^(?P<year>\d{4})-(?P<iso>[A-Za-z]{2})$")
SECTION_ID = re.compile(r"^(?P<year>\d{4})-(?P<iso>[A-Za-z]{2})-(?P<anchor>[a-z0-9][a-z0-9_-]*)$")
CASE_ID = re.compile(rf"^(?P<year>\d{{4}})-(?P<iso>[A-Za-z]{{2}})-case-(?P<key>[0-9a-f]{{{CASE_KEY_LENGTH}}})$")


# -- identifiers --------------------------------------------------------------------------------


def edition_id(year):
    return str(year)


def entry_id(year, iso_code):
    return f"{year}-{iso_code.upper()}"


def section_id(year, iso_code, anchor):
    """``anchor`` is the section's anchor in the entry's document (``reports.document.AnchorSet``)."""
    return f"{entry_id(year, iso_code)}-{anchor}"


def case_key(stream_id):
    """The part of a case block's stream id (a UUID) that its identifier carries."""
    return stream_id.replace("-", "").lower()[:CASE_KEY_LENGTH]


def fallback_case_key(section_anchor, position):
    """For a case stored before blocks inside sections were given ids (``CountryEntryPage.bind_body``):
    the same on every rebuild, until the entry is next saved and the case gets its own id."""
    return hashlib.sha256(f"{section_anchor}:{position}".encode()).hexdigest()[:CASE_KEY_LENGTH]


def case_id(year, iso_code, key):
    """``key``: the case's ``case_key`` (or, for a case stored without an id, its ``fallback_case_key``)."""
    return f"{entry_id(year, iso_code)}-case-{key}"


@dataclass(frozen=True)
class EntryRef:
    year: int
    iso_code: str


@dataclass(frozen=True)
class SectionRef:
    year: int
    iso_code: str
    anchor: str


@dataclass(frozen=True)
class CaseRef:
    year: int
    iso_code: str
    key: str


def parse_entry_id(text):
    """``"2013-KZ"`` → ``EntryRef(2013, "KZ")``; None for anything else."""
    match = ENTRY_ID.match(text or "")
    return EntryRef(int(match["year"]), match["iso"].upper()) if match else None


def parse_case_id(text):
    match = CASE_ID.match(text or "")
    return CaseRef(int(match["year"]), match["iso"].upper(), match["key"]) if match else None


def parse_section_id(text):
    """``"2013-KZ-unfair-trials-2"`` → ``SectionRef(2013, "KZ", "unfair-trials-2")``; None otherwise."""
    match = SECTION_ID.match(text or "")
    return SectionRef(int(match["year"]), match["iso"].upper(), match["anchor"]) if match else None


# -- what every object carries ---------------------------------------------------------------


def years(year, covers_year):
    """The two years of an edition, named so that nobody merges on the wrong one."""
    return {"edition": year, "year_covered": covers_year}


@dataclass(frozen=True)
class CountryCodes:
    iso_alpha2: str
    iso_alpha3: str
    cow_code: int | None  # Correlates of War state number; None for a territory COW does not list

    def as_dict(self):
        return {"iso_alpha2": self.iso_alpha2, "iso_alpha3": self.iso_alpha3, "cow_code": self.cow_code}


@cache
def cow_codes():
    """{ISO alpha-2: COW state number} from the table shipped with the project."""
    with COW_TABLE.open(encoding="utf-8") as table:
        return {row["iso_alpha2"]: int(row["cow_code"]) for row in csv.DictReader(table)}


@cache
def country_codes(iso_alpha2):
    """Every code of a country that data users merge on, from its ISO alpha-2 code."""
    iso_alpha2 = iso_alpha2.upper()
    record = pycountry.countries.get(alpha_2=iso_alpha2)
    alpha3 = record.alpha_3 if record else USER_ASSIGNED_ALPHA_3.get(iso_alpha2, "")
    return CountryCodes(iso_alpha2, alpha3, cow_codes().get(iso_alpha2))


def reader_link(url, anchor=""):
    """The reader page's address, with the anchor of the part meant (a section, a case's section)."""
    return f"{url}#{anchor}" if anchor else url

"""The shapes of the API's answers, as the OpenAPI document publishes them.

Every object names itself with an ``id`` from ``opendata.identifiers`` and carries ``url``
(its address in the API) and, where readers have a page for it, ``reader_url``. Whatever
belongs to one edition carries both ``edition`` (the year of publication) and
``year_covered`` (the year reported on).
"""

from typing import Generic, TypeVar

from ninja import Field, Schema

T = TypeVar("T")

EDITION = "The year the edition was published, e.g. 2013."
YEAR_COVERED = "The year the edition reports on, e.g. 2012 for the 2013 edition. Merge country-year data on this."


class Error(Schema):
    error: str = Field(description="A word for the kind of error: bad_parameter, not_found, rate_limited...")
    parameter: str | None = Field(None, description="The query parameter at fault, if any.")
    message: str


class Page(Schema, Generic[T]):
    count: int = Field(description="How many results there are in all, on every page.")
    page: int
    per_page: int
    pages: int
    next: str | None = Field(description="The next page's address, or null on the last page.")
    previous: str | None
    results: list[T]


class EditionRef(Schema):
    id: str = Field(examples=["2013"])
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    title: str
    url: str


class CountryRef(Schema):
    id: str = Field(description="ISO 3166-1 alpha-2 code (XK for Kosovo).", examples=["KZ"])
    name: str
    iso_alpha2: str
    iso_alpha3: str
    cow_code: int | None = Field(description="Correlates of War state number; null where COW lists none.")
    url: str
    reader_url: str


class RegionRef(Schema):
    id: str = Field(examples=["europe-and-central-asia"])
    name: str
    url: str


class ThemeRef(Schema):
    id: str = Field(examples=["torture-and-other-ill-treatment"])
    name: str
    url: str
    reader_url: str


class PersonRef(Schema):
    id: str
    name: str
    url: str
    reader_url: str


class EntryRef(Schema):
    id: str = Field(examples=["2013-KZ"])
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    language: str
    title: str
    country: CountryRef
    region: RegionRef | None
    url: str
    reader_url: str


class Case(Schema):
    id: str = Field(examples=["2013-KZ-case-3f2a9c1e"])
    key: str = Field(description="The case block's full stream id.")
    entry: str
    section: str
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    country: CountryRef
    theme: ThemeRef | None
    person: PersonRef | None
    html: str
    text: str
    url: str
    reader_url: str


class Section(Schema):
    id: str = Field(examples=["2013-KZ-torture-and-other-ill-treatment"])
    key: str = Field(description="The section block's full stream id.")
    entry: str
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    country: CountryRef
    region: RegionRef | None
    theme: ThemeRef | None
    heading: str
    html: str
    text: str
    cases: list[Case]
    url: str
    reader_url: str


class SectionSummary(Schema):
    id: str
    entry: str
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    country: CountryRef
    region: RegionRef | None
    theme: ThemeRef | None
    heading: str
    text: str
    url: str
    reader_url: str


class OfficeHolder(Schema):
    office: str
    office_label: str
    name: str
    replaced: str
    replaced_in: str | None = Field(description="Month the office changed hands, YYYY-MM.")


class Fact(Schema):
    kind: str
    label: str
    value: str


class Text(Schema):
    html: str
    text: str


class Report(Schema):
    title: str
    url: str | None
    index_number: str


class Visit(Schema):
    description: str
    visited_on: str | None


class Correction(Schema):
    corrected_on: str
    text: str


class Entry(EntryRef):
    office_holders: list[OfficeHolder]
    facts: list[Fact]
    summary: Text
    sections: list[Section]
    reports: list[Report]
    visits: list[Visit]
    corrections: list[Correction]


class RegionInEdition(RegionRef):
    entries: list[EntryRef]


class Edition(EditionRef):
    subtitle: str
    language: str
    reader_url: str
    regions: list[RegionInEdition]


class Country(CountryRef):
    entries: list[EntryRef] = Field(description="The country's entry in each edition, newest first.")


class Region(RegionRef):
    countries: list[CountryRef] = Field(description="Countries with an entry in this region in some edition.")


class ThemeInEdition(Schema):
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    sections: int


class Theme(ThemeRef):
    description: str
    editions: list[ThemeInEdition] = Field(description="How many sections of this theme each edition has.")


class Person(PersonRef):
    status: str
    description: str
    cases: list[Case]


class Cell(Schema):
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    entry: str | None = Field(description="The entry's identifier, or null if the country had no entry that year.")
    sections: dict[str, int] = Field(description="Sections per theme id (empty when there is no entry).")


class MatrixRow(Schema):
    country: CountryRef
    cells: list[Cell]


class Matrix(Schema):
    editions: list[EditionRef]
    themes: list[ThemeRef]
    rows: list[MatrixRow]


class SearchHit(Schema):
    kind: str = Field(description="section, summary, article, overview or press_release.")
    id: str | None = Field(description="The section's or entry's identifier; null for articles.")
    title: str
    heading: str
    edition: int = Field(description=EDITION)
    year_covered: int = Field(description=YEAR_COVERED)
    country: CountryRef | None
    theme: ThemeRef | None
    snippet_html: str = Field(description="An excerpt, the words found marked with <mark>.")
    reader_url: str


class FacetValue(Schema):
    id: str
    label: str
    count: int


class Facets(Schema):
    edition: list[FacetValue]
    region: list[FacetValue]
    country: list[FacetValue]
    theme: list[FacetValue]


class EntryPage(Page[EntryRef]):
    pass


class SectionPage(Page[SectionSummary]):
    pass


class CasePage(Page[Case]):
    pass


class PersonPage(Page[PersonRef]):
    pass


class SearchPage(Page[SearchHit]):
    query: str
    facets: Facets
    suggestion: str = Field(description="A corrected search that finds more, or empty.")


class Index(Schema):
    name: str
    version: str
    documentation: str
    openapi: str
    resources: dict[str, str]

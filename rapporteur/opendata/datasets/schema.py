"""The tables of the open datasets, described once.

Every format (the Frictionless package's CSV files and ``datapackage.json``, the spreadsheet,
the SQLite file) is written from these descriptions, so a column cannot exist in one and be
missing from another, and the Table Schema researchers validate against is the same one the
writers used. Types are Frictionless Table Schema types.

Each row of an edition's tables carries the edition year *and* the year it covers: mixing the
two is the classic merge error when these reports are coded into country-year data.
"""

from dataclasses import dataclass, field

from rapporteur.reports.models import EntryFact, OfficeHolder


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless: string, integer, date, number
    description: str
    required: bool = False
    enum: tuple = ()


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple
    primary_key: tuple
    foreign_keys: tuple = field(default_factory=tuple)  # (columns, table, table columns)
    full_text: tuple = ()  # columns the SQLite file indexes for full-text search

    @property
    def column_names(self):
        return [column.name for column in self.columns]


def year_columns():
    return (
        Column("edition", "integer", "The edition's year (the year it was published).", required=True),
        Column("year_covered", "integer", "The year the edition reports on (usually edition − 1).", required=True),
    )


def country_columns():
    return (
        Column("iso_alpha2", "string", "ISO 3166-1 alpha-2 code (XK for Kosovo).", required=True),
        Column("iso_alpha3", "string", "ISO 3166-1 alpha-3 code (XKX for Kosovo)."),
        Column("cow_code", "integer", "Correlates of War state number, for merging with COW-keyed data."),
    )


EDITIONS = Table(
    "editions",
    "Editions",
    "One row per published edition of the report.",
    (
        Column("edition_id", "string", "Stable identifier: the edition's year.", required=True),
        *year_columns(),
        Column("title", "string", "The edition's title.", required=True),
        Column("language", "string", "Language code of this version (BCP 47)."),
        Column("url", "string", "Address of the edition on the reader site."),
    ),
    ("edition",),
)

COUNTRIES = Table(
    "countries",
    "Countries",
    "The countries and territories with an entry in at least one published edition.",
    (
        Column("country_id", "string", "Stable identifier: the ISO alpha-2 code.", required=True),
        Column("name", "string", "Name as the report gives it.", required=True),
        *country_columns(),
    ),
    ("country_id",),
)

THEMES = Table(
    "themes",
    "Themes",
    "The theme vocabulary sections are filed under (torture, freedom of expression...).",
    (
        Column("theme_id", "string", "Stable identifier: the theme's slug.", required=True),
        Column("name", "string", "The theme's name.", required=True),
    ),
    ("theme_id",),
)

PEOPLE = Table(
    "people",
    "People",
    "People named in cases (individuals at risk, prisoners of conscience...).",
    (
        Column("person_id", "string", "Stable identifier: the person's slug.", required=True),
        Column("name", "string", "Name as the report gives it.", required=True),
    ),
    ("person_id",),
)

ENTRIES = Table(
    "entries",
    "Country entries",
    "One row per country entry of an edition.",
    (
        Column(
            "entry_id", "string", "Stable identifier: edition year and ISO alpha-2 code, e.g. 2013-KZ.", required=True
        ),
        *year_columns(),
        Column("country_id", "string", "The country (see countries).", required=True),
        *country_columns(),
        Column("region_id", "string", "The region the edition files the entry under."),
        Column("title", "string", "The entry's title.", required=True),
        Column("summary", "string", "The entry's summary, as plain text."),
        Column("url", "string", "Address of the entry on the reader site."),
        Column("last_corrected_on", "date", "When the published entry was last corrected, if ever."),
    ),
    ("entry_id",),
    (
        (("edition",), "editions", ("edition",)),
        (("country_id",), "countries", ("country_id",)),
    ),
    full_text=("title", "summary"),
)

OFFICE_HOLDERS = Table(
    "office_holders",
    "Office holders",
    "Heads of state and government as the entry's data box gives them.",
    (
        Column("entry_id", "string", "The entry (see entries).", required=True),
        *year_columns(),
        Column("iso_alpha2", "string", "ISO 3166-1 alpha-2 code.", required=True),
        Column("position", "integer", "Order in the data box, from 1.", required=True),
        Column("office", "string", "Which office.", required=True, enum=tuple(OfficeHolder.Office.values)),
        Column("name", "string", "Who held it.", required=True),
        Column("replaced", "string", "Whom they replaced during the year, if anyone."),
        Column("replaced_on", "date", "When they took over (the first of the month)."),
    ),
    ("entry_id", "position"),
    ((("entry_id",), "entries", ("entry_id",)),),
)

FACTS = Table(
    "facts",
    "Data-box facts",
    "The entry's data box beyond office holders: death penalty status, population, and so on.",
    (
        Column("entry_id", "string", "The entry (see entries).", required=True),
        *year_columns(),
        Column("iso_alpha2", "string", "ISO 3166-1 alpha-2 code.", required=True),
        Column("kind", "string", "Which fact.", required=True, enum=tuple(EntryFact.Kind.values)),
        Column("value", "string", "As the edition prints it.", required=True),
    ),
    ("entry_id", "kind"),
    ((("entry_id",), "entries", ("entry_id",)),),
)

SECTIONS = Table(
    "sections",
    "Sections",
    "One row per section of an entry, with its theme and full text.",
    (
        Column(
            "section_id",
            "string",
            "Stable identifier: the entry and the section's anchor, e.g. 2013-KZ-torture-and-other-ill-treatment.",
            required=True,
        ),
        Column("entry_id", "string", "The entry (see entries).", required=True),
        *year_columns(),
        Column("iso_alpha2", "string", "ISO 3166-1 alpha-2 code.", required=True),
        Column("position", "integer", "Order in the entry, from 1.", required=True),
        Column("theme_id", "string", "The theme (see themes); empty when the section has none."),
        Column("heading", "string", "The heading as printed.", required=True),
        Column("text", "string", "The section's text, plain, paragraphs separated by blank lines."),
        Column("url", "string", "Address of the section on the reader site."),
    ),
    ("section_id",),
    (
        (("entry_id",), "entries", ("entry_id",)),
        (("theme_id",), "themes", ("theme_id",)),
    ),
    full_text=("heading", "text"),
)

CASES = Table(
    "cases",
    "Cases",
    "Individual cases set out in a section.",
    (
        Column(
            "case_id",
            "string",
            "Stable identifier, kept across edits of the entry, e.g. 2013-KZ-case-3f2a9c1e.",
            required=True,
        ),
        Column("section_id", "string", "The section (see sections).", required=True),
        Column("entry_id", "string", "The entry (see entries).", required=True),
        *year_columns(),
        Column("iso_alpha2", "string", "ISO 3166-1 alpha-2 code.", required=True),
        Column("person_id", "string", "The person the case is about (see people), if named."),
        Column("text", "string", "The case, as plain text."),
        Column("url", "string", "Address of the section holding the case."),
    ),
    ("case_id",),
    (
        (("section_id",), "sections", ("section_id",)),
        (("person_id",), "people", ("person_id",)),
    ),
    full_text=("text",),
)

DOCUMENTS = Table(
    "documents",
    "Country reports",
    "Separate publications the entry lists, with their document reference numbers.",
    (
        Column("entry_id", "string", "The entry (see entries).", required=True),
        *year_columns(),
        Column("iso_alpha2", "string", "ISO 3166-1 alpha-2 code.", required=True),
        Column("position", "integer", "Order in the entry, from 1.", required=True),
        Column("title", "string", "The publication's title.", required=True),
        Column("index_number", "string", "The organisation's document reference, e.g. EUR 57/002/2011."),
        Column("url", "string", "Where to read it, if known."),
    ),
    ("entry_id", "position"),
    ((("entry_id",), "entries", ("entry_id",)),),
)

# In the order a reader meets them; vocabularies last because they are gathered on the way.
TABLES = (EDITIONS, ENTRIES, OFFICE_HOLDERS, FACTS, SECTIONS, CASES, DOCUMENTS, COUNTRIES, THEMES, PEOPLE)


def table_schema(table):
    """The table as a Frictionless Table Schema (a dict for ``datapackage.json``)."""
    fields = []
    for column in table.columns:
        item = {"name": column.name, "type": column.type, "description": column.description}
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.enum:
            constraints["enum"] = list(column.enum)
        if constraints:
            item["constraints"] = constraints
        fields.append(item)
    schema = {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": [""]}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(columns), "reference": {"resource": other, "fields": list(other_columns)}}
            for columns, other, other_columns in table.foreign_keys
        ]
    return schema

"""The rows of the open datasets, read from the edition as a document.

Rows come from ``reports.document.build_edition_document`` — the same reader-visible
document the PDF and the e-book print — so a dataset can hold nothing a reader cannot see.
Editions are read one at a time and their rows handed on at once: memory holds one edition,
whatever the size of the archive. The vocabularies (countries, themes, people) are gathered
on the way, so they list exactly what the rows refer to.
"""

from rapporteur.archive.indexing import plain_text
from rapporteur.reports.document import Case, Paragraph, Subheading

from .. import identifiers


def block_text(block):
    if isinstance(block, Subheading):
        return block.text
    if isinstance(block, (Paragraph, Case)):
        return plain_text(block.html)
    return ""


class Vocabularies:
    """The countries, themes and people the rows refer to, each once."""

    TABLES = {"countries": "country_id", "themes": "theme_id", "people": "person_id"}  # table: key column

    def __init__(self):
        self.countries = {}
        self.themes = {}
        self.people = {}

    def keep(self, table, row):
        """A vocabulary row read back from an edition's kept rows (the first one seen stays)."""
        getattr(self, table).setdefault(row[self.TABLES[table]], row)

    def merge(self, other):
        for mine, theirs in (
            (self.countries, other.countries),
            (self.themes, other.themes),
            (self.people, other.people),
        ):
            for key, row in theirs.items():
                mine.setdefault(key, row)

    def rows(self):
        for row in sorted(self.countries.values(), key=lambda row: row["country_id"]):
            yield "countries", row
        for row in sorted(self.themes.values(), key=lambda row: row["theme_id"]):
            yield "themes", row
        for row in sorted(self.people.values(), key=lambda row: row["person_id"]):
            yield "people", row


def edition_rows(document, vocabularies, root=""):
    """(table name, row) for everything in one edition document, in reading order.

    ``root`` (the site's root URL) makes the reader addresses absolute: a dataset is read far
    from the site.
    """
    years = identifiers.years(document.year, document.covers_year)
    yield (
        "editions",
        {
            "edition_id": identifiers.edition_id(document.year),
            **years,
            "title": document.title,
            "language": document.language,
            "url": root + document.url,
        },
    )
    for region in document.regions:
        for entry in region.entries:
            yield from entry_rows(document, region, entry, years, vocabularies, root)


def entry_rows(document, region, entry, years, vocabularies, root):
    country = identifiers.country_codes(entry.iso_code).as_dict()
    entry_id = identifiers.entry_id(document.year, entry.iso_code)
    vocabularies.countries.setdefault(
        country["iso_alpha2"], {"country_id": country["iso_alpha2"], "name": entry.country_name, **country}
    )
    where = {"entry_id": entry_id, **years, "iso_alpha2": country["iso_alpha2"]}
    corrected = entry.last_corrected_on
    yield (
        "entries",
        {
            "entry_id": entry_id,
            **years,
            "country_id": country["iso_alpha2"],
            **country,
            "region_id": region.slug,
            "title": entry.title,
            "summary": plain_text(entry.summary_html),
            "url": root + entry.url,
            "last_corrected_on": corrected.isoformat() if corrected else "",
        },
    )
    for position, holder in enumerate(entry.office_holders, 1):
        yield (
            "office_holders",
            {
                **where,
                "position": position,
                "office": holder.office,
                "name": holder.name,
                "replaced": holder.replaced,
                "replaced_on": holder.replaced_on.isoformat() if holder.replaced_on else "",
            },
        )
    for fact in entry.facts:
        yield "facts", {**where, "kind": fact.kind, "value": fact.value}
    for position, report in enumerate(entry.related_reports, 1):
        yield (
            "documents",
            {
                **where,
                "position": position,
                "title": report.title,
                "index_number": report.index_number,
                "url": report.url,
            },
        )
    for position, section in enumerate(entry.sections, 1):
        section_id = identifiers.section_id(document.year, entry.iso_code, section.anchor)
        url = root + identifiers.reader_link(entry.url, section.anchor)
        if section.theme_slug:
            vocabularies.themes.setdefault(
                section.theme_slug, {"theme_id": section.theme_slug, "name": section.theme_name}
            )
        yield (
            "sections",
            {
                "section_id": section_id,
                **where,
                "position": position,
                "theme_id": section.theme_slug,
                "heading": section.heading,
                "text": "\n\n".join(text for text in map(block_text, section.blocks) if text),
                "url": url,
            },
        )
        for number, case in enumerate(block for block in section.blocks if isinstance(block, Case)):
            # a case saved without a stream id (never by the admin) falls back to its place
            case_id = (
                identifiers.case_id(document.year, entry.iso_code, case.key)
                if case.key
                else f"{section_id}-case{number + 1}"
            )
            if case.person_slug:
                vocabularies.people.setdefault(
                    case.person_slug, {"person_id": case.person_slug, "name": case.person_name}
                )
            yield (
                "cases",
                {
                    "case_id": case_id,
                    "section_id": section_id,
                    **where,
                    "person_id": case.person_slug,
                    "text": plain_text(case.html),
                    "url": url,
                },
            )

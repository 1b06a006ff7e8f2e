"""What open data publishes, read from the same documents and visibility rule as the pages.

Content — an entry's office holders, summary, sections, cases — always comes from the entry's
document (``reports.document.entry_document``), so the API says exactly what the page says.
To *find and count* (every torture section of 2008–2013), lists read the archive's records,
which are made from those same documents at each publish, only for pages readers can see, and
checked again on every read (``archive.models.RecordQuerySet.visible``); and only within
editions readers can see (``reports.visibility.reader_visible``). An embargoed edition is
therefore absent everywhere: not listed, not countable, its identifiers unknown.

Everything here returns plain dicts named with ``opendata.identifiers``; the API (``api``)
only checks parameters and shapes responses.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.html import strip_tags

from rapporteur.archive.models import CaseRecord, SearchRecord
from rapporteur.reports.cache import cached, current_generation
from rapporteur.reports.document import entry_document
from rapporteur.reports.models import Country, CountryEntryPage, EditionPage, Person, Region, Theme
from rapporteur.reports.models.addresses import FormerSlug
from rapporteur.reports.visibility import hidden_paths, reader_visible

from . import identifiers as ids
from . import schemas

API_ROOT = "/api/v1/"


def plain_text(html):
    return " ".join(unescape(strip_tags(str(html))).split())


# -- the vocabulary of this content generation ----------------------------------------------


@dataclass
class Edition:
    pk: int
    year: int
    covers_year: int
    title: str
    subtitle: str
    language: str
    url: str


@dataclass
class Vocabulary:
    """The visible editions and the regions, countries and themes used on visible pages.

    Small, and read by every request, so kept in this process's memory for the current
    content generation (every publish, unpublish or privacy change starts a new one).
    """

    editions: dict  # pk -> Edition, visible ones only
    hidden: list  # roots of hidden subtrees (``reports.visibility.hidden_paths``)
    countries: dict  # pk -> Country, those with a visible entry
    regions: dict  # pk -> Region, those with a visible entry
    themes: dict  # pk -> Theme, those of a visible section
    by_year: dict = field(default_factory=dict)
    by_iso: dict = field(default_factory=dict)
    region_by_slug: dict = field(default_factory=dict)
    theme_by_slug: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_year = {edition.year: edition for edition in self.editions.values()}
        self.by_iso = {country.iso_code: country for country in self.countries.values()}
        self.region_by_slug = {region.slug: region for region in self.regions.values()}
        self.theme_by_slug = {theme.slug: theme for theme in self.themes.values()}

    def records(self, model=SearchRecord):
        """Records a reader may see, of visible editions only."""
        return model.objects.visible(hidden=self.hidden, language=settings.LANGUAGE_CODE).filter(
            edition_id__in=list(self.editions)
        )


def build_vocabulary():
    language = settings.LANGUAGE_CODE
    editions = {
        edition.pk: Edition(
            edition.pk,
            edition.year,
            edition.covers_year,
            edition.title,
            edition.subtitle,
            language,
            edition.get_url() or "",
        )
        for edition in reader_visible(EditionPage.objects.filter(locale__language_code=language)).order_by("year")
    }
    vocabulary = Vocabulary(editions, hidden_paths(), {}, {}, {})
    summaries = vocabulary.records().filter(kind=SearchRecord.Kind.SUMMARY)
    used = set(summaries.values_list("country_id", "region_id").distinct())
    vocabulary.countries = {c.pk: c for c in Country.objects.filter(pk__in={c for c, _ in used})}
    vocabulary.regions = {r.pk: r for r in Region.objects.filter(pk__in={r for _, r in used})}
    theme_ids = vocabulary.records().filter(kind=SearchRecord.Kind.SECTION).values_list("theme_id", flat=True)
    vocabulary.themes = {t.pk: t for t in Theme.objects.filter(pk__in=set(theme_ids.distinct()))}
    vocabulary.__post_init__()
    return vocabulary


_memo = {"generation": None, "vocabulary": None}


def vocabulary():
    generation = current_generation()
    if _memo["generation"] != generation:
        _memo["vocabulary"], _memo["generation"] = build_vocabulary(), generation
    return _memo["vocabulary"]


def former_slug_holder(model, slug):
    """The theme or person that had ``slug`` before a publisher moved its address, or None."""
    return FormerSlug.objects.holder(model.objects, slug)


# -- references: how one object names another ---------------------------------------------


class Writer:
    """Writes objects as open data, with absolute addresses on the host the request came to."""

    def __init__(self, base, vocab=None):
        self.base = base  # "https://example.org"
        self.vocab = vocab or vocabulary()
        self.refs = {}  # (kind, key) -> reference: an entry names its country in every section and case

    def memo(self, kind, key, build):
        if (kind, key) not in self.refs:
            self.refs[kind, key] = build()
        return self.refs[kind, key]

    def absolute(self, url):
        return urljoin(self.base + "/", url) if url else ""

    def api(self, *parts):
        return self.absolute(API_ROOT + "/".join(str(part) for part in parts))

    def edition_ref(self, edition):
        return {
            "id": ids.edition_id(edition.year),
            **ids.years(edition.year, edition.covers_year),
            "title": edition.title,
            "url": self.api("editions", edition.year),
        }

    def country_ref(self, country):
        return self.memo("country", country.pk, lambda: self.make_country_ref(country))

    def make_country_ref(self, country):
        return {
            "id": country.iso_code,
            "name": country.name,
            **ids.country_codes(country.iso_code).as_dict(),
            "url": self.api("countries", country.iso_code),
            "reader_url": self.absolute(country.reader_url()),
        }

    def region_ref(self, region):
        if region is None:
            return None
        return {"id": region.slug, "name": region.name, "url": self.api("regions", region.slug)}

    def theme_ref(self, theme):
        if theme is None:
            return None
        return self.memo("theme", theme.pk, lambda: self.make_theme_ref(theme))

    def make_theme_ref(self, theme):
        return {
            "id": theme.slug,
            "name": theme.name,
            "url": self.api("themes", theme.slug),
            "reader_url": self.absolute(theme.reader_url()),
        }

    def person_ref(self, slug, name):
        if not slug:
            return None
        return self.memo("person", slug, lambda: self.make_person_ref(slug, name))

    def make_person_ref(self, slug, name):
        return {
            "id": slug,
            "name": name,
            "url": self.api("people", slug),
            "reader_url": self.absolute(reverse("archive_person", kwargs={"slug": slug})),
        }

    def entry_ref(self, row):
        """An entry in a list, from its summary record (``EntryRow``)."""
        edition, country = self.vocab.editions[row.edition_id], self.vocab.countries[row.country_id]
        entry = ids.entry_id(edition.year, country.iso_code)
        return {
            "id": entry,
            **ids.years(edition.year, edition.covers_year),
            "language": edition.language,
            "title": row.title,
            "country": self.country_ref(country),
            "region": self.region_ref(self.vocab.regions.get(row.region_id)),
            "url": self.api("entries", entry),
            "reader_url": self.absolute(row.url),
        }


# -- entries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryRow:
    page_id: int
    edition_id: int
    country_id: int
    region_id: int
    title: str
    url: str


ENTRY_COLUMNS = ("page_id", "edition_id", "country_id", "region_id", "title", "url")


def entry_rows(vocab, edition=None, year_covered=None, country=None, region=None):
    """Summary records (one per visible entry), filtered; newest edition first, then by ISO code."""
    rows = vocab.records().filter(kind=SearchRecord.Kind.SUMMARY)
    rows = filter_places(rows, vocab, edition, year_covered, country, region)
    return rows.order_by("-year", "country__iso_code", "page_id")


def filter_places(rows, vocab, edition=None, year_covered=None, country=None, region=None):
    if edition is not None:
        rows = rows.filter(edition_id=edition.pk)
    if year_covered is not None:
        rows = rows.filter(edition_id__in=[e.pk for e in vocab.editions.values() if e.covers_year == year_covered])
    if country is not None:
        rows = rows.filter(country_id=country.pk)
    if region is not None:
        rows = rows.filter(region_id=region.pk)
    return rows


def entry_row(vocab, year, iso_code):
    edition, country = vocab.by_year.get(year), vocab.by_iso.get(iso_code)
    if edition is None or country is None:
        return None
    found = entry_rows(vocab, edition=edition, country=country).values_list(*ENTRY_COLUMNS).first()
    return EntryRow(*found) if found else None


def visible_entry_document(row):
    """The entry's document, if its page is (still) one a reader may see."""
    page = reader_visible(CountryEntryPage.objects.filter(pk=row.page_id)).first()
    return entry_document(page) if page is not None else None


def entry_payload(writer, row):
    """The whole entry as JSON (checked against its schema), made once per content generation and host.

    ``row`` comes from a visible record (checked on every request); the page itself is read,
    through the visibility rule once more, only when the payload is not cached yet. Sections
    and cases are answered from the same payload, so all three always agree.
    """

    def build():
        document = visible_entry_document(row)
        if document is None:
            return None
        return schemas.Entry.model_validate(entry_detail(writer, row, document)).model_dump(mode="json")

    return cached("opendata-entry", row.page_id, writer.base, build=build)


def entry_detail(writer, row, document):
    edition = writer.vocab.editions[row.edition_id]
    reference = writer.entry_ref(row)
    return {
        **reference,
        "office_holders": [
            {
                "office": holder.office,
                "office_label": holder.office_label,
                "name": holder.name,
                "replaced": holder.replaced,
                "replaced_in": holder.replaced_on.strftime("%Y-%m") if holder.replaced_on else None,
            }
            for holder in document.office_holders
        ],
        "facts": [{"kind": fact.kind, "label": fact.label, "value": fact.value} for fact in document.facts],
        "summary": {"html": str(document.summary_html), "text": plain_text(document.summary_html)},
        "sections": [section_detail(writer, row, edition, document, section) for section in document.sections],
        "reports": [
            {"title": report.title, "url": writer.absolute(report.url) or None, "index_number": report.index_number}
            for report in document.related_reports
        ],
        "visits": [
            {"description": visit.description, "visited_on": visit.visited_on.isoformat() if visit.visited_on else None}
            for visit in document.visits
        ],
        "corrections": [
            {"corrected_on": note.corrected_on.isoformat(), "text": note.text} for note in document.corrections
        ],
    }


# -- sections and cases --------------------------------------------------------------------


def section_detail(writer, row, edition, document, section):
    country = writer.vocab.countries[row.country_id]
    theme = writer.vocab.theme_by_slug.get(section.theme_slug)
    section_id = ids.section_id(edition.year, country.iso_code, section.anchor)
    html = "".join(str(block.html) for block in section.blocks)
    return {
        "id": section_id,
        "key": section.key,
        "entry": ids.entry_id(edition.year, country.iso_code),
        **ids.years(edition.year, edition.covers_year),
        "country": writer.country_ref(country),
        "region": writer.region_ref(writer.vocab.regions.get(row.region_id)),
        "theme": writer.theme_ref(theme),
        "heading": section.heading,
        "html": html,
        "text": plain_text(html),
        "cases": [
            case_detail(writer, row, edition, section, block) for block in section.blocks if block.kind == "case"
        ],
        "url": writer.api("sections", section_id),
        "reader_url": writer.absolute(ids.reader_link(row.url, section.anchor)),
    }


def key_of_case(section, case):
    if case.key:
        return ids.case_key(case.key)
    position = [block for block in section.blocks if block.kind == "case"].index(case)
    return ids.fallback_case_key(section.anchor, position)


def case_detail(writer, row, edition, section, case):
    country = writer.vocab.countries[row.country_id]
    case_id = ids.case_id(edition.year, country.iso_code, key_of_case(section, case))
    return {
        "id": case_id,
        "key": case.key,
        "entry": ids.entry_id(edition.year, country.iso_code),
        "section": ids.section_id(edition.year, country.iso_code, section.anchor),
        **ids.years(edition.year, edition.covers_year),
        "country": writer.country_ref(country),
        "theme": writer.theme_ref(writer.vocab.theme_by_slug.get(section.theme_slug)),
        "person": writer.person_ref(case.person_slug, case.person_name),
        "html": str(case.html),
        "text": plain_text(case.html),
        "url": writer.api("cases", case_id),
        "reader_url": writer.absolute(ids.reader_link(row.url, section.anchor)),
    }


def section_rows(vocab, edition=None, year_covered=None, country=None, region=None, theme=None):
    rows = vocab.records().filter(kind=SearchRecord.Kind.SECTION)
    rows = filter_places(rows, vocab, edition, year_covered, country, region)
    if theme is not None:
        rows = rows.filter(theme_id=theme.pk)
    return rows.order_by("-year", "country__iso_code", "page_id", "position")


SECTION_COLUMNS = ("edition_id", "country_id", "region_id", "theme_id", "anchor", "heading", "url", "text")


def section_summary(writer, values):
    """A section in a list, from its record: everything but its HTML and cases (see its own address)."""
    edition_id, country_id, region_id, theme_id, anchor, heading, url, text = values
    edition, country = writer.vocab.editions[edition_id], writer.vocab.countries[country_id]
    section_id = ids.section_id(edition.year, country.iso_code, anchor)
    return {
        "id": section_id,
        "entry": ids.entry_id(edition.year, country.iso_code),
        **ids.years(edition.year, edition.covers_year),
        "country": writer.country_ref(country),
        "region": writer.region_ref(writer.vocab.regions.get(region_id)),
        "theme": writer.theme_ref(writer.vocab.themes.get(theme_id)),
        "heading": heading,
        "text": text,
        "url": writer.api("sections", section_id),
        "reader_url": writer.absolute(ids.reader_link(url, anchor)),
    }


def case_rows(vocab, edition=None, year_covered=None, country=None, region=None, theme=None, person=None):
    """Case records (cases that name a person), filtered; newest edition first."""
    rows = vocab.records(CaseRecord)
    rows = filter_places(rows, vocab, edition, year_covered, country, None)
    if region is not None:
        rows = rows.filter(page_id__in=entry_rows(vocab, region=region).values("page_id"))
    if theme is not None:
        rows = rows.filter(theme_id=theme.pk)
    if person is not None:
        rows = rows.filter(person_id=person.pk)
    return rows.order_by("-year", "country__iso_code", "page_id", "position")


def cases_of_records(writer, records):
    """The cases that case records (``page_id``, ``position``) point to, from their entries' payloads.

    A case record's position counts the entry's cases that name a person, in reading order;
    the entry lists them in the same order.
    """
    vocab = writer.vocab
    rows = vocab.records().filter(kind=SearchRecord.Kind.SUMMARY, page_id__in={page for page, _ in records})
    named = {}
    for values in rows.values_list(*ENTRY_COLUMNS):
        row = EntryRow(*values)
        payload = entry_payload(writer, row)
        if payload is not None:
            named[row.page_id] = [
                case for section in payload["sections"] for case in section["cases"] if case["person"]
            ]
    return [
        named[page_id][position] for page_id, position in records if page_id in named and position < len(named[page_id])
    ]


# -- vocabularies --------------------------------------------------------------------------


def visible_people(vocab):
    """People named in a case a reader can see, by name."""
    person_ids = vocab.records(CaseRecord).values_list("person_id", flat=True).distinct()
    return Person.objects.filter(pk__in=person_ids).order_by("name", "slug")


def entry_counts(vocab, **filters):
    """{(edition_id, country_id): entry page id} of visible entries."""
    rows = vocab.records().filter(kind=SearchRecord.Kind.SUMMARY, **filters)
    return {
        (edition, country): page for edition, country, page in rows.values_list("edition_id", "country_id", "page_id")
    }


def theme_counts(vocab, theme):
    """[(edition_id, number of sections)] of a theme."""
    rows = vocab.records().filter(kind=SearchRecord.Kind.SECTION, theme_id=theme.pk)
    return dict(rows.values_list("edition_id").annotate(n=Count("id")).values_list("edition_id", "n"))


# -- the matrix ----------------------------------------------------------------------------


def matrix(writer, editions, themes, countries=None, region=None):
    """Country × edition × theme: how many sections of each theme each country's entry had.

    One row per country with an entry in at least one of ``editions``; one cell per edition,
    whose ``entry`` is None when the country had no entry that year (so "no torture section"
    and "no entry at all" are told apart).
    """
    vocab = writer.vocab
    edition_ids = [edition.pk for edition in editions]
    entries = vocab.records().filter(kind=SearchRecord.Kind.SUMMARY, edition_id__in=edition_ids)
    sections = vocab.records().filter(kind=SearchRecord.Kind.SECTION, edition_id__in=edition_ids)
    if themes:
        sections = sections.filter(theme_id__in=[theme.pk for theme in themes])
    else:
        sections = sections.exclude(theme_id=None)
    if countries:
        entries = entries.filter(country_id__in=[country.pk for country in countries])
        sections = sections.filter(country_id__in=[country.pk for country in countries])
    if region is not None:
        entries, sections = entries.filter(region_id=region.pk), sections.filter(region_id=region.pk)
    present = set(entries.values_list("country_id", "edition_id"))
    counts = defaultdict(dict)
    for country_id, edition_id, theme_id, n in (
        sections.values_list("country_id", "edition_id", "theme_id").annotate(n=Count("id")).order_by()
    ):
        counts[country_id, edition_id][vocab.themes[theme_id].slug] = n
    shown_themes = themes or sorted(
        {vocab.themes[t] for t in sections.values_list("theme_id", flat=True).distinct()}, key=lambda t: t.slug
    )
    zero = {theme.slug: 0 for theme in shown_themes}
    rows = []
    for country in sorted({vocab.countries[c] for c, _ in present}, key=lambda c: c.iso_code):
        cells = []
        for edition in editions:
            has_entry = (country.pk, edition.pk) in present
            cells.append(
                {
                    **ids.years(edition.year, edition.covers_year),
                    "entry": ids.entry_id(edition.year, country.iso_code) if has_entry else None,
                    "sections": {**zero, **counts.get((country.pk, edition.pk), {})} if has_entry else {},
                }
            )
        rows.append({"country": writer.country_ref(country), "cells": cells})
    return {
        "editions": [writer.edition_ref(edition) for edition in editions],
        "themes": [writer.theme_ref(theme) for theme in shown_themes],
        "rows": rows,
    }

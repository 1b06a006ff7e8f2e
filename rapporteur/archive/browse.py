"""What the country, theme and people pages show, from archive records in a few queries each.

Each builder returns plain data, cached for the current content generation.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.translation import pgettext
from wagtail.models import Page

from rapporteur.reports.cache import cached
from rapporteur.reports.document import OFFICE_LABELS
from rapporteur.reports.languages import versions_by_key
from rapporteur.reports.models import OfficeHolder, Theme
from rapporteur.reports.visibility import hidden_paths

from .models import CaseRecord, SearchRecord

# -- country hub ---------------------------------------------------------------------------


@dataclass
class HubEntry:
    year: int
    covers_year: int
    edition_title: str
    url: str
    page_id: int
    office_holders: list = field(default_factory=list)  # (office label, name, replaced, month)
    languages: list = field(default_factory=list)  # (code, name, url) of the entry's versions, its own included


@dataclass
class CountryHub:
    entries: list  # newest first
    themes: list  # (slug, name) columns of the grid
    grid: list  # rows, newest first: (year, [(theme slug, theme name, link or None), ...])
    people: list  # (slug, name, years)

    @property
    def years(self):
        return [entry.year for entry in self.entries]


def build_country_hub(country):
    hidden = hidden_paths()
    summaries = (
        SearchRecord.objects.visible(hidden)
        .filter(country=country, kind=SearchRecord.Kind.SUMMARY)
        .values("page_id", "url", "year", "edition__covers_year", "edition__title")
    )
    entries = {
        row["page_id"]: HubEntry(
            row["year"], row["edition__covers_year"], row["edition__title"], row["url"], row["page_id"]
        )
        for row in summaries
    }
    offices = dict(OfficeHolder.Office.choices)
    # The hub shows who held each office at the year's end; the entry itself shows the whole chain.
    for holder in OfficeHolder.objects.filter(entry_id__in=entries, former=False).order_by("sort_order"):
        month = format_date(holder.replaced_on, "F Y") if holder.replaced_on else ""
        label = str(OFFICE_LABELS.get(holder.office, offices[holder.office]))
        entries[holder.entry_id].office_holders.append((label, holder.name, holder.replaced, month))
    grid, theme_ids = defaultdict(dict), set()
    sections = SearchRecord.objects.visible(hidden).filter(
        country=country, kind=SearchRecord.Kind.SECTION, page_id__in=entries
    )
    for row in sections.values("year", "theme_id", "url", "anchor"):
        if row["theme_id"]:
            grid[row["year"]][row["theme_id"]] = f"{row['url']}#{row['anchor']}"
            theme_ids.add(row["theme_id"])
    themes = list(Theme.objects.filter(pk__in=theme_ids).order_by("name").values_list("pk", "slug", "name"))
    people = defaultdict(lambda: {"name": "", "years": set()})
    cases = CaseRecord.objects.visible(hidden).filter(country=country)
    for row in cases.values("person__slug", "person__name", "year"):
        people[row["person__slug"]]["name"] = row["person__name"]
        people[row["person__slug"]]["years"].add(row["year"])
    # the languages each entry can be read in (the hub itself is in the reader's language)
    keys = dict(Page.objects.filter(pk__in=entries).values_list("pk", "translation_key"))
    versions = versions_by_key(keys.values())
    for entry in entries.values():
        entry.languages = versions.get(keys.get(entry.page_id), [])
    return CountryHub(
        entries=sorted(entries.values(), key=lambda e: -e.year),
        themes=[(slug, name) for _, slug, name in themes],
        grid=[
            (entry.year, [(slug, name, grid.get(entry.year, {}).get(pk)) for pk, slug, name in themes])
            for entry in sorted(entries.values(), key=lambda e: -e.year)
        ],
        people=sorted((slug, data["name"], sorted(data["years"])) for slug, data in people.items()),
    )


def country_hub(country):
    return cached("country-hub", country.pk, translation.get_language(), build=lambda: build_country_hub(country))


# -- theme pages ---------------------------------------------------------------------------


@dataclass
class ThemeSection:
    country: str
    heading: str
    link: str
    excerpt: str
    region: str


@dataclass
class ThemeOverview:
    counts: list  # (year, number of countries), oldest first
    year: int | None
    sections: list


def build_theme_overview(theme, year=None):
    records = SearchRecord.objects.visible().filter(theme=theme, kind=SearchRecord.Kind.SECTION)
    counts = list(records.values_list("year").annotate(countries=Count("country", distinct=True)).order_by("year"))
    years = [y for y, _ in counts]
    if year not in years:
        year = years[-1] if years else None
    sections = []
    if year is not None:
        for row in (
            records.filter(year=year)
            .order_by("title")
            .values("title", "heading", "url", "anchor", "text", "region__name")
        ):
            words = row["text"].split()
            sections.append(
                ThemeSection(
                    country=row["title"],
                    heading=row["heading"],
                    link=f"{row['url']}#{row['anchor']}",
                    excerpt=" ".join(words[:60]) + (" …" if len(words) > 60 else ""),
                    region=row["region__name"] or "",
                )
            )
    return ThemeOverview(counts=counts, year=year, sections=sections)


def theme_overview(theme, year=None):
    key = (theme.pk, year or "latest", translation.get_language())
    return cached("theme", *key, build=lambda: build_theme_overview(theme, year))


# -- people --------------------------------------------------------------------------------


def build_person_cases(person):
    rows = CaseRecord.objects.visible().filter(person=person).select_related("country", "theme", "edition")
    return [
        {
            "year": case.year,
            "covers_year": case.covers_year,
            "edition": case.edition.title,
            "country": case.country.name if case.country else "",
            "theme": case.theme.name if case.theme else "",
            "link": case.link,
            "text": case.text,
        }
        for case in rows.order_by("covers_year", "position")
    ]


def person_cases(person):
    return cached("person", person.pk, translation.get_language(), build=lambda: build_person_cases(person))


# -- indexes: every country, theme and person readers can follow across years ----------------


@dataclass
class IndexItem:
    slug: str
    name: str
    years: list  # editions (years) in which it appears, oldest first
    count: int = 0  # themes: sections across every edition

    @property
    def initial(self):
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"

    @property
    def span(self):
        return f"{self.years[0]}–{self.years[-1]}" if len(self.years) > 1 else str(self.years[0])


def by_initial(items):
    """[(letter, items)] in A–Z order, for an index's letter bar."""
    letters = defaultdict(list)
    for item in sorted(items, key=lambda item: item.name.casefold()):
        letters[item.initial].append(item)
    return sorted(letters.items(), key=lambda pair: (pair[0] == "#", pair[0]))


def build_country_index():
    """Countries with a visible entry: [(region name, [IndexItem])] by the region of their latest entry."""
    rows = (
        SearchRecord.objects.visible()
        .filter(kind=SearchRecord.Kind.SUMMARY, country__isnull=False)
        .values_list("country__slug", "country__name", "year", "region__name", "region__sort_order")
        .order_by("year")
    )
    countries, region_of = {}, {}
    for slug, name, year, region, order in rows:
        item = countries.setdefault(slug, IndexItem(slug, name, []))
        if year not in item.years:
            item.years.append(year)
        region_of[slug] = (
            order if order is not None else 999,
            region or pgettext("region", "Other"),
        )  # the latest wins
    regions = defaultdict(list)
    for slug, item in countries.items():
        regions[region_of[slug]].append(item)
    return [
        (region, sorted(items, key=lambda item: item.name.casefold())) for (_, region), items in sorted(regions.items())
    ]


def build_theme_index():
    rows = (
        SearchRecord.objects.visible()
        .filter(kind=SearchRecord.Kind.SECTION, theme__isnull=False)
        .values_list("theme__slug", "theme__name", "year")
        .annotate(sections=Count("id"))
        .order_by("year")
    )
    themes = {}
    for slug, name, year, sections in rows:
        item = themes.setdefault(slug, IndexItem(slug, name, []))
        item.years.append(year)
        item.count += sections
    return sorted(themes.values(), key=lambda item: item.name.casefold())


def build_people_index():
    rows = CaseRecord.objects.visible().values_list("person__slug", "person__name", "year").distinct().order_by("year")
    people = {}
    for slug, name, year in rows:
        item = people.setdefault(slug, IndexItem(slug, name, []))
        if year not in item.years:
            item.years.append(year)
    return list(people.values())


def country_index():
    return cached("country-index", translation.get_language(), build=build_country_index)


def theme_index():
    return cached("theme-index", translation.get_language(), build=build_theme_index)


def people_index():
    return cached("people-index", translation.get_language(), build=build_people_index)

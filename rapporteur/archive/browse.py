"""What the country, theme and people pages show, from archive records in a few queries each.

Each builder returns plain data, cached for the current content generation.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import translation

from rapporteur.reports.cache import cached
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
    for holder in OfficeHolder.objects.filter(entry_id__in=entries).order_by("sort_order"):
        month = holder.replaced_on.strftime("%B %Y") if holder.replaced_on else ""
        entries[holder.entry_id].office_holders.append((offices[holder.office], holder.name, holder.replaced, month))
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

"""Full-text search over archive records, with facets and highlighted snippets.

Section-level records let a result link to the exact section and let "theme" be a facet;
Wagtail's search backend indexes whole pages and cannot do either, so this module talks to
the database's own engine (SQLite FTS5, PostgreSQL full text) with parameterised SQL.

Reader input never reaches the engine's query language: it is reduced to words and
quoted phrases, which are passed as quoted literals (FTS5) or through
``plainto_tsquery``/``phraseto_tsquery`` (PostgreSQL). Odd input gives a message, not an error.
"""

import hashlib
import heapq
import re
from array import array
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from django.db import connection

from rapporteur.reports.cache import cached, current_generation
from rapporteur.reports.models import Country, Region, Theme
from rapporteur.reports.visibility import hidden_paths

from .models import SearchRecord
from .snippets import excerpt

MAX_TERMS = 12
MAX_TERM_LENGTH = 60
PER_PAGE = 20
FACETS = ("year", "region", "country", "theme")
WORD = re.compile(r"\w+", re.UNICODE)
# Records exist only for visible pages; checking that the page is live at query time too means
# that a record left behind by a missed update still cannot show an unpublished page.
LIVE_JOIN = " JOIN wagtailcore_page p ON p.id = r.page_id AND p.live"
PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class ParsedQuery:
    raw: str
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # lists of words
    shortened: bool = False

    @property
    def is_empty(self):
        return not self.words and not self.phrases

    @property
    def terms(self):
        """Every word, for highlighting."""
        return self.words + [word for phrase in self.phrases for word in phrase]


def parse_query(raw):
    """Reduce reader input to words and quoted phrases, at most ``MAX_TERMS`` words in all."""
    raw = (raw or "")[:2000]
    budget = MAX_TERMS
    parsed = ParsedQuery(raw=raw)
    for phrase in PHRASE.findall(raw):
        words = [w[:MAX_TERM_LENGTH] for w in WORD.findall(phrase)]
        if len(words) > budget:
            words, parsed.shortened = words[:budget], True
        if len(words) == 1:
            parsed.words += words
        elif words:
            parsed.phrases.append(words)
        budget -= len(words)
    for word in WORD.findall(PHRASE.sub(" ", raw)):
        if budget <= 0:
            parsed.shortened = True
            break
        parsed.words.append(word[:MAX_TERM_LENGTH])
        budget -= 1
    if len(raw) >= 2000:
        parsed.shortened = True
    return parsed


@dataclass
class FacetValue:
    value: int
    label: str
    count: int
    selected: bool


@dataclass
class Result:
    record_id: int
    link: str
    title: str
    heading: str
    kind: str
    year: int
    region: str
    snippet: str


@dataclass
class SearchResults:
    query: ParsedQuery
    filters: dict
    total: int = 0
    page: int = 1
    results: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)

    @property
    def pages(self):
        return max(1, -(-self.total // PER_PAGE))


class Engine:
    """The SQL that differs between SQLite and PostgreSQL."""

    def __init__(self, parsed):
        self.parsed = parsed
        self.vendor = connection.vendor

    def tsquery(self):
        parts, params = [], []
        if self.parsed.words:
            parts.append("plainto_tsquery('english', %s)")
            params.append(" ".join(self.parsed.words))
        for phrase in self.parsed.phrases:
            parts.append("phraseto_tsquery('english', %s)")
            params.append(" ".join(phrase))
        return " && ".join(parts), params

    def fts5_query(self):
        parts = [f'"{w}"' for w in self.parsed.words] + ['"' + " ".join(p) + '"' for p in self.parsed.phrases]
        return " AND ".join(parts)

    def hits(self):
        """Every visible matching record as (id, score, year, region, country, theme); larger scores are better.

        The engine returns ids and scores only; facet values come from ``visible_records``.
        """
        facets = visible_records()
        ids, scores = self.matches()
        return [
            (record_id, score, *facets[record_id])
            for record_id, score in zip(ids, scores, strict=True)
            if record_id in facets
        ]

    def matches(self):
        """(ids in ascending order, their scores) for the words, remembered for the content generation.

        A reader refining a search by facets or turning its pages asks the same words again; the
        full-text pass is the expensive part, so the last few are kept (compactly) in this process.
        """
        key = (connection.alias, current_generation(), tuple(self.parsed.words), tuple(map(tuple, self.parsed.phrases)))
        if key in _matches:
            _matches.move_to_end(key)
            return _matches[key]
        if self.vendor == "sqlite":
            sql = "SELECT rowid, ROUND(-bm25(archive_fts, 4.0, 1.0), 2) FROM archive_fts WHERE archive_fts MATCH %s"
            params = [self.fts5_query()]
        else:
            query, params = self.tsquery()
            sql = (
                "SELECT r.id, ROUND(CAST(ts_rank(r.search_vector, q.query) AS NUMERIC), 4)::float FROM archive_searchrecord r, "
                f"(SELECT {query} AS query) AS q WHERE r.search_vector @@ q.query"
            )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = sorted(cursor.fetchall())  # by id, so that equal scores keep a stable order
        result = (array("q", (row[0] for row in rows)), array("d", (row[1] or 0.0 for row in rows)))
        _matches[key] = result
        while len(_matches) > REMEMBERED_SEARCHES:
            _matches.popitem(last=False)
        return result


REMEMBERED_SEARCHES = 24  # at most a few MB: 8 bytes per match, two arrays per search
_matches = OrderedDict()

_visible = {"generation": None, "records": {}}


def visible_records():
    """Facet values of every record a reader may see: {id: (year, region, country, theme)}.

    Kept in this process's memory for the current content generation (a few MB for an
    archive of 30 editions), so a search never joins its hits to the records table. Only
    records of live pages outside hidden subtrees are in it: it is also the search's
    second visibility check.
    """
    generation = (connection.alias, current_generation())
    if _visible["generation"] != generation:
        rows = SearchRecord.objects.visible().values_list("id", "year", "region_id", "country_id", "theme_id")
        rows = rows.iterator(chunk_size=10000)
        _visible["records"] = {row[0]: row[1:] for row in rows}
        _visible["generation"] = generation
    return _visible["records"]


# Positions in a hit: (id, score, year, region, country, theme).
COLUMN = {"year": 2, "region": 3, "country": 4, "theme": 5}


def clean_filters(raw):
    """Facet filters from the query string: lists of integers, unknown values dropped."""
    filters = {}
    for facet in FACETS:
        values = []
        for value in raw.get(facet, []):
            try:
                values.append(int(value))
            except (TypeError, ValueError):
                continue
        if values:
            filters[facet] = sorted(set(values))[:50]
    return filters


def search(raw_query, raw_filters, page=1):
    """Run a search (cached for the current content generation).

    ``raw_filters`` is a dict of lists, e.g. ``{facet: request.GET.getlist(facet)}``.
    """
    parsed = parse_query(raw_query)
    filters = clean_filters(raw_filters)
    page = max(1, page)
    if parsed.is_empty and not filters:
        return SearchResults(query=parsed, filters=filters, page=page)
    key = hashlib.sha256(repr((parsed.words, parsed.phrases, sorted(filters.items()), page)).encode()).hexdigest()
    results = cached("search", connection.vendor, key, build=lambda: run_search(parsed, filters, page), timeout=600)
    results.query = parsed  # keep the reader's own wording
    return results


def run_search(parsed, filters, page):
    results = SearchResults(query=parsed, filters=filters, page=page)
    engine = Engine(parsed)
    if parsed.is_empty:
        ids = browse(results, filters, hidden_paths())
    else:
        ids = rank(results, engine.hits(), filters)
    details = {
        row[0]: row
        for row in SearchRecord.objects.filter(pk__in=ids).values_list(
            "id", "url", "anchor", "title", "heading", "kind", "year", "region__name", "text"
        )
    }
    for record_id in ids:
        _, url, anchor, title, heading, kind, year, region, text = details[record_id]
        results.results.append(
            Result(
                record_id=record_id,
                link=f"{url}#{anchor}" if anchor else url,
                title=title,
                heading=heading,
                kind=kind,
                year=year,
                region=region or "",
                snippet=excerpt(text, parsed.terms),
            )
        )
    return results


def rank(results, hits, filters):
    """Words given: filter, count, facet and order the hits in one pass. Returns this page's record ids.

    Facet counts are "disjunctive": each facet is counted under every *other* selected
    filter, so the values of a facet the reader has narrowed stay on offer.
    """
    selected = {facet: set(values) for facet, values in filters.items()}
    passes = {facet: [hit[COLUMN[facet]] in values for hit in hits] for facet, values in selected.items()}

    def mask(skip=None):
        checks = [ok for facet, ok in passes.items() if facet != skip]
        return map(all, zip(*checks, strict=True)) if checks else None

    def rows(skip=None):
        selected = mask(skip)
        return hits if selected is None else list(compress(hits, selected))

    matching = rows()
    results.total = len(matching)
    results.page = min(results.page, results.pages)
    counts = {}
    for facet in FACETS:
        source = matching if facet not in filters else rows(skip=facet)
        counts[facet] = Counter(map(itemgetter(COLUMN[facet]), source))
    results.facets = facet_values(counts, filters)
    first = (results.page - 1) * PER_PAGE
    return [hit[0] for hit in top(matching, first + PER_PAGE)[first:]]


def top(hits, count):
    """The best ``count`` hits: highest (rounded) score first; equal scores, the newer edition first.

    Scores come rounded from the database (two decimals for bm25, four for ts_rank), so near
    equals count as ties; ``nlargest`` is stable, so full ties keep the hits' id order.
    """
    return heapq.nlargest(count, hits, key=itemgetter(1, 2))


def browse(results, filters, hidden):
    """No words, only facets: list the matching records newest first, with the same facet counts."""

    def records(skip=None):
        queryset = SearchRecord.objects.visible(hidden)
        for facet, values in filters.items():
            if facet != skip:
                queryset = queryset.filter(**{"year__in" if facet == "year" else f"{facet}_id__in": values})
        return queryset

    def rows(skip=None):
        return list(records(skip).values_list("id", "id", "year", "region_id", "country_id", "theme_id"))

    matching = rows()
    results.total = len(matching)
    results.page = min(results.page, results.pages)
    counts = {}
    for facet in FACETS:
        if facet not in filters:
            source = matching
        elif len(filters) > 1:
            source = rows(skip=facet)
        else:  # the only filter: every record counts, and those counts are the same for every such page
            counts[facet] = overall_counts(hidden)[facet]
            continue
        counts[facet] = Counter(row[COLUMN[facet]] for row in source)
    results.facets = facet_values(counts, filters)
    first = (results.page - 1) * PER_PAGE
    return list(records().order_by("-year", "title", "position").values_list("pk", flat=True)[first : first + PER_PAGE])


def overall_counts(hidden):
    """Facet counts over every visible record (cached for the content generation)."""

    def build():
        rows = SearchRecord.objects.visible(hidden).values_list("year", "region_id", "country_id", "theme_id")
        counts = {facet: Counter() for facet in FACETS}
        for row in rows.iterator(chunk_size=5000):
            for facet, value in zip(FACETS, row, strict=True):
                counts[facet][value] += 1
        return counts

    return cached("search-overall-counts", connection.vendor, build=build)


def facet_values(counts, filters):
    """Counts per facet value, labelled, with the selected ones marked (they stay visible)."""
    labels = {
        "region": dict(Region.objects.values_list("pk", "name")),
        "country": dict(Country.objects.values_list("pk", "name")),
        "theme": dict(Theme.objects.values_list("pk", "name")),
    }
    facets = {}
    for facet in FACETS:
        selected = set(filters.get(facet, []))
        values = [
            FacetValue(
                value, str(value) if facet == "year" else labels[facet].get(value, "?"), count, value in selected
            )
            for value, count in counts[facet].items()
            if value is not None
        ]
        values.sort(key=(lambda v: -v.value) if facet == "year" else (lambda v: (-v.count, v.label)))
        facets[facet] = values
    return facets

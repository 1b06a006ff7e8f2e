"""Full-text search over archive records, with facets and highlighted snippets.

Section-level records let a result link to the exact section and let "theme" be a facet;
Wagtail's search backend indexes whole pages and cannot do either, so this module talks to
the database's own engine (SQLite FTS5, PostgreSQL full text) with parameterised SQL.

Reader input never reaches the engine's query language: it is reduced to words and
quoted phrases, which are passed as quoted literals (FTS5) or through
``plainto_tsquery``/``phraseto_tsquery`` (PostgreSQL). Odd input gives a message, not an error.
"""

import html
import re
from dataclasses import dataclass, field

from django.db import connection
from django.utils.safestring import mark_safe
from wagtail.models import Page, PageViewRestriction

from rapporteur.reports.models import Country, Region, Theme

MAX_TERMS = 12
MAX_TERM_LENGTH = 60
PER_PAGE = 20
FACETS = ("year", "region", "country", "theme")
MARK_START, MARK_END = "\x02", "\x03"
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


def hidden_paths():
    """Subtrees a reader cannot see: under an unpublished page, or private."""
    unpublished = Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
    private = PageViewRestriction.objects.values_list("page__path", flat=True)
    return sorted(set(unpublished) | set(private))


class Engine:
    """The SQL that differs between SQLite and PostgreSQL."""

    def __init__(self, parsed):
        self.parsed = parsed
        self.vendor = connection.vendor

    def match(self):
        """(FROM-clause addition, WHERE condition, params) for the text match."""
        if self.parsed.is_empty:
            return "", "1=1", []
        if self.vendor == "sqlite":
            parts = [f'"{w}"' for w in self.parsed.words] + ['"' + " ".join(p) + '"' for p in self.parsed.phrases]
            return " JOIN archive_fts ON archive_fts.rowid = r.id", "archive_fts MATCH %s", [" AND ".join(parts)]
        query, params = self.tsquery()
        return "", f"r.search_vector @@ ({query})", params

    def tsquery(self):
        parts, params = [], []
        if self.parsed.words:
            parts.append("plainto_tsquery('english', %s)")
            params.append(" ".join(self.parsed.words))
        for phrase in self.parsed.phrases:
            parts.append("phraseto_tsquery('english', %s)")
            params.append(" ".join(phrase))
        return " && ".join(parts), params

    def rank(self):
        """(SELECT expression, params): larger is better."""
        if self.parsed.is_empty:
            return "0", []
        if self.vendor == "sqlite":
            return "-bm25(archive_fts, 4.0, 1.0)", []
        query, params = self.tsquery()
        return f"ts_rank(r.search_vector, {query})", params

    def snippets(self, ids):
        """Highlighted excerpts for the records on the current page of results."""
        if not ids:
            return {}
        placeholders = ", ".join(["%s"] * len(ids))
        if self.parsed.is_empty:
            sql = f"SELECT id, substr(text, 1, 300) FROM archive_searchrecord WHERE id IN ({placeholders})"
            params = ids
        elif self.vendor == "sqlite":
            _, condition, match_params = self.match()
            sql = (
                f"SELECT archive_fts.rowid, snippet(archive_fts, 1, '{MARK_START}', '{MARK_END}', ' … ', 40) "
                f"FROM archive_fts WHERE {condition} AND archive_fts.rowid IN ({placeholders})"
            )
            params = match_params + ids
        else:
            query, query_params = self.tsquery()
            options = f'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
            sql = f"SELECT id, ts_headline('english', text, {query}, %s) FROM archive_searchrecord WHERE id IN ({placeholders})"
            params = query_params + [options] + ids
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return dict(cursor.fetchall())


def render_snippet(text, fallback_words=45):
    """Escape the excerpt and turn the engine's markers into <mark>. Plain excerpts are shortened."""
    if MARK_START not in text:
        words = text.split()
        text = " ".join(words[:fallback_words]) + (" …" if len(words) > fallback_words else "")
    escaped = html.escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(escaped)


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


def where_clause(filters, hidden, skip=None):
    """SQL conditions for the selected facets (except ``skip``) and for what readers cannot see."""
    conditions, params = [], []
    for facet, values in filters.items():
        if facet == skip:
            continue
        column = "r.year" if facet == "year" else f"r.{facet}_id"
        conditions.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
        params += values
    for path in hidden:
        conditions.append("r.path NOT LIKE %s")
        params.append(path + "%")
    return conditions, params


def search(raw_query, raw_filters, page=1):
    """Run a search. ``raw_filters`` is a dict of lists (e.g. ``request.GET`` as lists)."""
    parsed = parse_query(raw_query)
    filters = clean_filters(raw_filters)
    results = SearchResults(query=parsed, filters=filters, page=max(1, page))
    if parsed.is_empty and not filters:
        return results
    engine = Engine(parsed)
    join, match, match_params = engine.match()
    hidden = hidden_paths()
    conditions, params = where_clause(filters, hidden)
    where = " AND ".join([match, *conditions])
    base = f"FROM archive_searchrecord r{join}{LIVE_JOIN} WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) {base}", match_params + params)
        results.total = cursor.fetchone()[0]
        results.page = min(results.page, results.pages)
        rank, rank_params = engine.rank()
        # Scores equal to two decimals count as a tie, and ties go to the newer edition.
        order = (
            "ROUND(CAST(score AS NUMERIC), 2) DESC, year DESC, id"
            if not parsed.is_empty
            else "year DESC, title, position"
        )
        cursor.execute(
            "SELECT id, url, anchor, title, heading, kind, year, region_id, score FROM ("
            f"SELECT r.id, r.url, r.anchor, r.title, r.heading, r.kind, r.year, r.region_id, r.position, {rank} AS score "
            f"{base}) AS hits ORDER BY {order} LIMIT %s OFFSET %s",
            rank_params + match_params + params + [PER_PAGE, (results.page - 1) * PER_PAGE],
        )
        rows = cursor.fetchall()
        results.facets = facet_counts(cursor, join, match, match_params, filters, hidden)
    snippets = engine.snippets([row[0] for row in rows])
    regions = dict(Region.objects.values_list("pk", "name"))
    for record_id, url, anchor, title, heading, kind, year, region_id, _score in rows:
        results.results.append(
            Result(
                record_id=record_id,
                link=f"{url}#{anchor}" if anchor else url,
                title=title,
                heading=heading,
                kind=kind,
                year=year,
                region=regions.get(region_id, ""),
                snippet=render_snippet(snippets.get(record_id, "")),
            )
        )
    return results


def facet_counts(cursor, join, match, match_params, filters, hidden):
    """For each facet, counts under every *other* selected filter, so choices stay visible."""
    labels = {
        "region": dict(Region.objects.values_list("pk", "name")),
        "country": dict(Country.objects.values_list("pk", "name")),
        "theme": dict(Theme.objects.values_list("pk", "name")),
    }
    facets = {}
    for facet in FACETS:
        column = "r.year" if facet == "year" else f"r.{facet}_id"
        conditions, params = where_clause(filters, hidden, skip=facet)
        where = " AND ".join([match, f"{column} IS NOT NULL", *conditions])
        cursor.execute(
            f"SELECT {column}, COUNT(*) FROM archive_searchrecord r{join}{LIVE_JOIN} WHERE {where} GROUP BY {column}",
            match_params + params,
        )
        selected = set(filters.get(facet, []))
        values = [
            FacetValue(
                value, str(value) if facet == "year" else labels[facet].get(value, "?"), count, value in selected
            )
            for value, count in cursor.fetchall()
        ]
        if facet == "year":
            values.sort(key=lambda v: -v.value)
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        facets[facet] = values
    return facets

"""Full-text search over archive records, with facets and highlighted snippets.

Section-level records let a result link to the exact section and let "theme" be a facet;
Wagtail's search backend indexes whole pages and can do neither. Words and quoted phrases
are looked up in the archive's own word index (``archive.postings``: BM25 weights and word
positions stored when an edition's records change, so a common word costs about as much as
a rare one, and SQLite and PostgreSQL give the same results in the same order). Facets are
counted and results ordered in memory, over arrays of the visible records.

Reader input never reaches a query language: it is reduced to words and quoted phrases,
and words become index terms (``archive.terms``). Odd input gives a message, not an error.
"""

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from rapporteur.reports.cache import cached, current_generation
from rapporteur.reports.models import Country, Region, Theme

from . import postings
from .models import SearchRecord
from .snippets import excerpt
from .terms import MAX_TERM_LENGTH, WORD

MAX_TERMS = 12
PER_PAGE = 20
FACETS = ("year", "region", "country", "theme")
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


def hits(parsed, visible):
    """Every visible record matching the words and phrases: (ids ascending, BM25 scores).

    One read of the word index serves both: word positions are fetched only when there are phrases.
    """
    fields = ("record_ids", "weights") + (("counts", "positions") if parsed.phrases else ())
    found = postings.postings_of(parsed.terms, visible.languages, fields)
    ids, scores = postings.match(found, parsed.terms, visible.contains, len(visible))
    for phrase in parsed.phrases:
        keep = postings.members(postings.phrase_match(found, phrase, ids), ids)
        ids, scores = ids[keep], scores[keep]
    return ids, scores


class VisibleRecords:
    """Facet values of every record a reader may see, as arrays ordered by record id.

    Kept in this process's memory for the current content generation (about 2 MB for an
    archive of 30 editions), so a search never joins its hits to the records table. Only
    records of live pages outside hidden subtrees are in it: it is also the search's
    second visibility check (records exist only for visible pages in the first place).
    """

    def __init__(self, rows):
        """``rows``: (id, year, region, country, theme, language) in listing order."""
        by_id = np.argsort(np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)), kind="stable")
        rows = [rows[i] for i in by_id]
        columns = list(zip(*rows, strict=True)) or [()] * (len(FACETS) + 2)
        self.ids = np.asarray(columns[0], dtype=np.int64)
        self.columns = {
            facet: np.fromiter((value or 0 for value in values), dtype=np.int64, count=len(values))
            for facet, values in zip(FACETS, columns[1:-1], strict=True)
        }
        self.languages = sorted(set(columns[-1])) or ["en"]
        # each record's place when listed without words (the order ``rows`` came in)
        self.listing_order = by_id

    def __len__(self):
        return len(self.ids)

    def positions(self, ids):
        """Where each of ``ids`` is in the arrays (ids not in them get an arbitrary position)."""
        return postings.locate(self.ids, ids)

    def contains(self, ids):
        return postings.members(self.ids, ids)


_visible = {"generation": None, "records": None}


def visible_records():
    generation = (connection.alias, current_generation())
    if _visible["generation"] != generation:
        rows = SearchRecord.objects.visible().order_by("-year", "title", "position", "id")
        rows = rows.values_list("id", "year", "region_id", "country_id", "theme_id", "language")
        _visible["records"] = VisibleRecords(list(rows.iterator(chunk_size=10000)))
        _visible["generation"] = generation
    return _visible["records"]


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
    visible = visible_records()
    if parsed.is_empty:
        ids = narrow(results, visible, visible.ids, None, filters)
    else:
        ids = narrow(results, visible, *hits(parsed, visible), filters)
    details = {
        row[0]: row
        for row in SearchRecord.objects.filter(pk__in=ids).values_list(
            "id", "url", "anchor", "title", "heading", "kind", "year", "region__name", "text", "language"
        )
    }
    for record_id in ids:
        if record_id not in details:
            continue  # rebuilt a moment ago (``rebuild_archive_index`` running): the next search has it right
        _, url, anchor, title, heading, kind, year, region, text, language = details[record_id]
        results.results.append(
            Result(
                record_id=record_id,
                link=f"{url}#{anchor}" if anchor else url,
                title=title,
                heading=heading,
                kind=kind,
                year=year,
                region=region or "",
                snippet=excerpt(text, parsed.terms, language),
            )
        )
    return results


def narrow(results, visible, ids, scores, filters):
    """Filter the matches by the facets, count the facet values, and return this page's record ids.

    Facet counts are "disjunctive": each facet is counted under every *other* selected
    filter, so the values of a facet the reader has narrowed stay on offer.
    Without ``scores`` (no words, only facets) records are listed newest edition first.
    """
    at = visible.positions(ids)
    values = {facet: visible.columns[facet][at] for facet in FACETS}
    passes = {facet: np.isin(values[facet], selected) for facet, selected in filters.items()}

    def mask(skip=None):
        keep = np.ones(len(ids), dtype=bool)
        for facet, ok in passes.items():
            if facet != skip:
                keep &= ok
        return keep

    matching = mask()
    results.total = int(matching.sum())
    results.page = min(results.page, results.pages)
    counts = {}
    for facet in FACETS:
        per_value = np.bincount(values[facet][matching if facet not in filters else mask(skip=facet)])
        found = np.flatnonzero(per_value)
        counts[facet] = dict(zip(found.tolist(), per_value[found].tolist(), strict=True))
    results.facets = facet_values(counts, filters)
    first = (results.page - 1) * PER_PAGE
    if scores is None:
        order = leading(visible.listing_order[at[matching]], first + PER_PAGE)
    else:
        order = best_first(ids[matching], scores[matching], values["year"][matching], first + PER_PAGE)
    return ids[matching][order[first:]].tolist()


def leading(keys, count, *tie_breaks):
    """Positions of the ``count`` smallest ``keys`` in order, ties settled by ``tie_breaks`` (arrays, smaller first).

    Only the candidates that can make the page are sorted: a page of 20 from 40,000 matches
    sorts a few dozen values, not 40,000.
    """
    candidates = np.arange(len(keys))
    if len(keys) > count > 0:
        threshold = np.partition(keys, count - 1)[count - 1]
        candidates = np.flatnonzero(keys <= threshold)  # everything tied with the last place too
    order = np.lexsort(tuple(t[candidates] for t in reversed(tie_breaks)) + (keys[candidates],))
    return candidates[order][:count]


def best_first(ids, scores, years, count):
    """Positions of the best ``count`` matches: highest score first; equal scores, the newer edition first.

    Scores are rounded to two decimals, so near equals count as ties; full ties go by record id
    (the order records were written in), so the order is the same on every run and database.
    """
    return leading(-np.round(scores, 2), count, -years, ids)


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
            if value
        ]
        values.sort(key=(lambda v: -v.value) if facet == "year" else (lambda v: (-v.count, v.label)))
        facets[facet] = values
    return facets

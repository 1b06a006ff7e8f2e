"""Full-text search over archive records, with facets and highlighted snippets.

Results are sections (a country's "Unfair trials" section in 2012), so a result links to
the exact section and "theme" is a facet. Words and quoted phrases are looked up in the
archive's own word index (``archive.wordindex``), which scores the records a reader may see;
facets are counted and results ordered here, in memory, over a table of those records.

Reader input never reaches a query language: it is reduced to words and quoted phrases,
and words become index terms (``wordindex.term``). Odd input gives a message, not an error.
"""

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from django.db.models.functions import Coalesce
from django.utils import translation

from rapporteur.reports.cache import cached, current_generation
from rapporteur.reports.models import Country, EditionPage, Region, Theme
from rapporteur.reports.visibility import invisible_page_ids

from . import wordindex
from .models import SearchRecord
from .snippets import excerpt
from .suggest import FEW_RESULTS, correction
from .wordindex import MAX_TERM_LENGTH, WORD

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
        """Every word, those inside phrases included."""
        return self.words + [word for phrase in self.phrases for word in phrase]

    def significant(self, languages):
        """The words a record must hold and is scored by: every word but the stop-words ("of", "the")
        of the records' languages, unless the search has nothing else ("the who")."""
        kept = [word for word in self.terms if not any(wordindex.is_stop_word(word, lang) for lang in languages)]
        return kept or self.terms


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
    browse: bool = False  # no words and no filters: the facets over everything, to browse by
    suggestion: str = ""  # "Did you mean …?": a corrected search that finds more (``archive.suggest``)

    @property
    def pages(self):
        return max(1, -(-self.total // PER_PAGE))


def hits(parsed, visible):
    """Every visible record matching the words and phrases: (places in the table, BM25 scores)."""
    words = parsed.significant(visible.languages)
    return wordindex.find(words, parsed.phrases, visible.records, visible.languages)


class EditionRecords:
    """One edition's records as arrays in id order, reloaded only when its word index is rebuilt.

    ``rank``: each record's place when the edition is listed without words (by title, then
    order within the page).
    """

    COLUMNS = ("id", "year", "region_id", "country_id", "theme_id", "page_id", "edition_id")

    def __init__(self, edition_id):
        rows = SearchRecord.objects.filter(edition_id=edition_id).order_by("title", "position", "id")
        rows = list(rows.values_list(*(Coalesce(name, 0) for name in self.COLUMNS), "language"))
        self.languages = {row[-1] for row in rows}
        table = np.array([row[:-1] for row in rows], dtype=np.int64).reshape(len(rows), len(self.COLUMNS))
        order = np.argsort(table[:, 0], kind="stable")
        self.arrays = {name: table[order, n] for n, name in enumerate(self.COLUMNS)}
        self.arrays["rank"] = order.argsort(kind="stable")  # listing place of each record, in id order


class VisibleRecords:
    """Every record a reader may see, with its facet values, as arrays ordered by record id.

    Kept in this process's memory for the current content generation; after a change only
    the editions whose word index was rebuilt are read again (a publish touches one). Records
    of pages that are no longer visible (unpublished, or under a hidden page, until their
    records are rebuilt) are left out: the search's second visibility check.
    """

    def __init__(self, editions, invisible_pages, labels):
        parts = [edition.arrays for edition in editions]
        joined = {
            name: np.concatenate([part[name] for part in parts]) if parts else np.empty(0, np.int64)
            for name in (*EditionRecords.COLUMNS, "rank")
        }
        keep = ~np.isin(joined["page_id"], np.fromiter(invisible_pages, dtype=np.int64))
        order = np.argsort(joined["id"][keep], kind="stable")
        joined = {name: array[keep][order] for name, array in joined.items()}
        self.records = wordindex.RecordSet(joined["id"])
        self.columns = {facet: joined[f"{facet}_id" if facet != "year" else "year"] for facet in FACETS}
        self.listing = (joined["year"], joined["edition_id"], joined["rank"])
        self._listing_order = None
        self.languages = sorted(set().union(*(edition.languages for edition in editions))) or ["en"]
        self.labels = labels

    def __len__(self):
        return len(self.records)

    @property
    def ids(self):
        return self.records.ids

    @property
    def listing_order(self):
        """Each record's place when listed without words: newest edition first, then by title."""
        if self._listing_order is None:
            year, edition, rank = self.listing
            order = np.lexsort((rank, edition, -year))
            self._listing_order = np.empty(len(order), dtype=np.int64)
            self._listing_order[order] = np.arange(len(order))
        return self._listing_order


_visible = {"editions": {}, "languages": {}}  # the records of each language: {language: (generation, records)}


def facet_labels():
    return {
        "region": dict(Region.objects.values_list("pk", "name")),
        "country": dict(Country.objects.values_list("pk", "name")),
        "theme": dict(Theme.objects.values_list("pk", "name")),
    }


def visible_records():
    """The visible records in the reader's language for this content generation, rebuilt from what changed.

    Each language's editions are searched on their own: an English search finds English pages,
    a French one the French versions (an edition's records are all in its own language).
    """
    generation, language = current_generation(), translation.get_language()
    known = _visible["languages"].get(language)
    if known is None or known[0] != generation:
        loaded, editions = _visible["editions"], {}
        for edition_id, version in wordindex.versions().items():
            if edition_id not in loaded or loaded[edition_id][0] != version:
                loaded[edition_id] = (version, EditionRecords(edition_id))
            editions[edition_id] = loaded[edition_id]
        _visible["editions"] = editions
        in_language = editions_in_language(language)
        records = VisibleRecords(
            [records for edition_id, (_, records) in editions.items() if edition_id in in_language],
            invisible_page_ids(),
            facet_labels(),
        )
        known = _visible["languages"][language] = (generation, records)
    return known[1]


def editions_in_language(language):
    return set(EditionPage.objects.filter(locale__language_code=language).values_list("pk", flat=True))


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
        results = cached("search", "browse", translation.get_language(), build=browse, timeout=600)
        results.query = parsed
        return results
    language = translation.get_language()
    key = hashlib.sha256(
        repr((language, parsed.words, parsed.phrases, sorted(filters.items()), page)).encode()
    ).hexdigest()
    results = cached("search", key, build=lambda: run_search(parsed, filters, page), timeout=600)
    results.query = parsed  # keep the reader's own wording
    return results


def browse():
    """The empty search page: every facet value with its count over every visible record, no results."""
    results = SearchResults(query=parse_query(""), filters={}, browse=True)
    visible = visible_records()
    narrow(results, visible, np.arange(len(visible)), None, {})
    results.total = 0  # a listing of everything helps nobody: the page offers the facets instead
    return results


def run_search(parsed, filters, page):
    results = SearchResults(query=parsed, filters=filters, page=page)
    visible = visible_records()
    if parsed.is_empty:
        ids = narrow(results, visible, np.arange(len(visible)), None, filters)
    else:
        ids = narrow(results, visible, *hits(parsed, visible), filters)
    if not parsed.is_empty and results.total < FEW_RESULTS:
        results.suggestion = suggestion(parsed, filters, visible, results.total)
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
                snippet=excerpt(text, parsed.terms, language, phrases=parsed.phrases),
            )
        )
    return results


def suggestion(parsed, filters, visible, found):
    """The search with its misspelt words corrected, if that finds more than ``found`` records; or ""."""
    fixed = {}
    for word in dict.fromkeys(parsed.terms):
        better = correction(word, visible)
        if better and better.lower() != word.lower():
            fixed[word] = better
    if not fixed:
        return ""
    corrected = ParsedQuery(
        raw="",
        words=[fixed.get(word, word) for word in parsed.words],
        phrases=[[fixed.get(word, word) for word in phrase] for phrase in parsed.phrases],
    )
    at, _ = hits(corrected, visible)
    keep = np.ones(len(at), dtype=bool)
    for facet, selected in filters.items():
        keep &= np.isin(visible.columns[facet][at], selected)
    if int(keep.sum()) <= found:
        return ""
    return " ".join([*corrected.words, *(f'"{" ".join(phrase)}"' for phrase in corrected.phrases)])


def narrow(results, visible, at, scores, filters):
    """Filter the matches (``at``: their places in the table) by the facets, count the facet values,
    and return this page's record ids.

    Facet counts are "disjunctive": each facet is counted under every *other* selected
    filter, so the values of a facet the reader has narrowed stay on offer.
    Without ``scores`` (no words, only facets) records are listed newest edition first.
    """
    ids = visible.ids[at]
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
    results.facets = facet_values(counts, filters, visible.labels)
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


def facet_values(counts, filters, labels):
    """Counts per facet value, labelled (``labels``: {facet: {value: name}}), the selected ones marked."""
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

"""The archive's word index side by side with Tantivy, on the same records and the same 200 searches.

    .venv/bin/pip install -r benchmarks/requirements.txt      # Tantivy: for this benchmark only
    .venv/bin/python benchmarks/search_vs_tantivy.py [--existing] [--rounds 3]

Without ``--existing`` it builds a scratch database with the demo and 30 synthetic editions of
160 countries (several minutes); with it, it reads the archive DATABASE_URL names. In one
process it indexes every visible search record in Tantivy (words as ``wordindex.term`` makes
them: \\w+, lower case, English Snowball stem, accents dropped; heading and text as two fields,
the heading boosted ×4; year, region, country and theme as fast fields) and runs
``archive_search.py``'s 200 varied searches through both:

- engine: ours = ``search.hits`` + ``search.narrow`` (match, score, facet counts, the page's
  ids); Tantivy = a boolean query (every word and phrase required, facet filters as zero-score
  filters) + one aggregation for the facet counts + the top 20;
- whole results page: ours = ``search.run_search`` (adds the 20 records' details and their
  excerpts); Tantivy = its engine work + the 20 stored documents + the same excerpts.

It checks that both find the same number of records with the same facet counts, and prints
p50 / p95 / max of each (the median of ``--rounds`` runs per search, after a warm-up round).
"""

import argparse
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _harness import django_on_scratch_database, generate_archive, percentile

FACETS = ("year", "region", "country", "theme")
STORED = ("url", "anchor", "title", "kind", "region_name", "language")


class TantivyArchive:
    """The same records in a Tantivy index, answering the same questions as ``archive.search``."""

    def __init__(self, records, path):
        from tantivy import Document, Filter, Index, SchemaBuilder, TextAnalyzerBuilder, Tokenizer

        builder = SchemaBuilder()
        builder.add_unsigned_field("id", stored=True, fast=True)
        for name in ("heading", "text"):
            builder.add_text_field(name, stored=True, tokenizer_name="archive")
        for name in STORED:
            builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
        for facet in FACETS:
            builder.add_unsigned_field(facet, stored=False, indexed=True, fast=True)
        self.schema = builder.build()
        self.analyzer = (
            TextAnalyzerBuilder(Tokenizer.regex(r"\w+"))
            .filter(Filter.lowercase())
            .filter(Filter.stemmer("english"))
            .filter(Filter.ascii_fold())
            .build()
        )
        self.index = Index(self.schema, path=str(path))
        self.index.register_tokenizer("archive", self.analyzer)
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        for record in records:
            document = Document()
            document.add_unsigned("id", record["id"])
            for name in ("heading", "text", *STORED):
                document.add_text(name, record[name] or "")
            for facet in FACETS:
                document.add_unsigned(facet, record[facet] or 0)
            writer.add_document(document)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def tokens(self, word):
        return list(self.analyzer.analyze(word))

    def query(self, parsed):
        from tantivy import Occur, Query

        def heading_or_text(make):
            return Query.boolean_query(
                [(Occur.Should, Query.boost_query(make("heading"), 4.0)), (Occur.Should, make("text"))]
            )

        clauses = []
        for word in dict.fromkeys(parsed.words):
            for token in self.tokens(word):
                clauses.append(
                    (Occur.Must, heading_or_text(lambda field, t=token: Query.term_query(self.schema, field, t)))
                )
        for phrase in parsed.phrases:
            tokens = [token for word in phrase for token in self.tokens(word)]
            clauses.append(
                (Occur.Must, heading_or_text(lambda field, ts=tokens: Query.phrase_query(self.schema, field, ts)))
            )
        return Query.boolean_query(clauses) if clauses else Query.all_query()

    @staticmethod
    def filter_string(filters, skip=None):
        return " AND ".join(
            "(" + " OR ".join(f"{facet}:{value}" for value in values) + ")"
            for facet, values in filters.items()
            if facet != skip
        )

    def search(self, parsed, filters, page, per_page=20):
        """(total, {facet: {value: count}}, hits of the page): what ``search.narrow`` works out."""
        from tantivy import Occur, Query

        base = self.query(parsed)
        aggregations = {}
        for facet in FACETS:  # each facet counted under the *other* facets' filters, as ours
            terms = {"terms": {"field": facet, "size": 100_000}}
            others = self.filter_string(filters, skip=facet)
            aggregations[facet] = {"filter": others, "aggs": {"v": terms}} if others else terms
        counted = self.searcher.aggregate(base, aggregations)
        facets = {}
        for facet in FACETS:
            buckets = (counted[facet]["v"] if "v" in counted[facet] else counted[facet])["buckets"]
            facets[facet] = {int(bucket["key"]): bucket["doc_count"] for bucket in buckets if bucket["key"]}
        if filters:
            required = [Query.term_set_query(self.schema, facet, values) for facet, values in filters.items()]
            base = Query.boolean_query(
                [(Occur.Must, base)] + [(Occur.Must, Query.const_score_query(q, 0.0)) for q in required]
            )
        order = {"order_by_field": "year"} if parsed.is_empty else {}
        found = self.searcher.search(base, per_page, count=True, offset=(page - 1) * per_page, **order)
        pages = max(1, -(-found.count // per_page))
        hits = found.hits
        if page > pages:  # as ours: a page past the end shows the last page
            hits = self.searcher.search(base, per_page, count=False, offset=(pages - 1) * per_page, **order).hits
        return found.count, facets, hits

    def whole(self, parsed, filters, page):
        from rapporteur.archive.snippets import excerpt

        total, facets, hits = self.search(parsed, filters, page)
        results = []
        for _, address in hits:
            document = self.searcher.doc(address)
            first = document.get_first
            anchor = first("anchor")
            results.append(
                {
                    "link": f"{first('url')}#{anchor}" if anchor else first("url"),
                    "title": first("title"),
                    "heading": first("heading"),
                    "snippet": excerpt(first("text"), parsed.terms, first("language")),
                }
            )
        return total, facets, results


def visible_records():
    from rapporteur.archive.models import SearchRecord

    fields = ("id", "heading", "text", "language", "year", "url", "anchor", "title", "kind")
    rows = SearchRecord.objects.visible().order_by("id")
    return [
        {**row, "region": row["region_id"], "country": row["country_id"], "theme": row["theme_id"]}
        for row in rows.values(*fields, "region_id", "country_id", "theme_id", region_name=_region_name()).iterator(
            chunk_size=5000
        )
    ]


def _region_name():
    from django.db.models import F

    return F("region__name")


def ours_engine(parsed, filters, page):
    from rapporteur.archive import search

    results = search.SearchResults(query=parsed, filters=filters, page=page)
    visible = search.visible_records()
    if parsed.is_empty:
        import numpy as np

        ids = search.narrow(results, visible, np.arange(len(visible)), None, filters)
    else:
        ids = search.narrow(results, visible, *search.hits(parsed, visible), filters)
    return results.total, {facet: {v.value: v.count for v in values} for facet, values in results.facets.items()}, ids


def ours_whole(parsed, filters, page):
    from rapporteur.archive import search

    return search.run_search(parsed, filters, page)


def median_times(variants, queries, rounds):
    times = {name: [[] for _ in queries] for name in variants}
    answers = {}
    for round_ in range(rounds + 1):  # round 0 warms up
        for name, run in variants.items():
            for n, query in enumerate(queries):
                started = time.perf_counter()
                answer = run(*query)
                elapsed = (time.perf_counter() - started) * 1000
                if round_:
                    times[name][n].append(elapsed)
                else:
                    answers[name, n] = answer
    return {name: [statistics.median(t) for t in per_query] for name, per_query in times.items()}, answers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=30)
    parser.add_argument("--countries", type=int, default=160)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--existing", action="store_true", help="Use the archive DATABASE_URL names as it is.")
    args = parser.parse_args()
    with django_on_scratch_database(existing=args.existing, demo=not args.existing):
        from importlib.metadata import version

        from archive_search import varied_queries
        from django.db import connection

        from rapporteur.archive import search
        from rapporteur.archive.wordindex.models import Posting

        if not args.existing:
            generate_archive(args.editions, args.countries)
        records = visible_records()
        arrays = sum(
            len(p.record_ids) + len(p.weights) + len(p.counts) + len(p.positions) for p in Posting.objects.all()
        )
        print(f"database: {connection.vendor}; {len(records)} visible records; tantivy {version('tantivy')}")
        print(f"ours: word index arrays {arrays / 2**20:.1f} MiB")

        directory = Path(tempfile.mkdtemp(prefix="tantivy-archive-"))
        try:
            started = time.perf_counter()
            tantivy = TantivyArchive(records, directory)
            size = sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())
            stored = sum(f.stat().st_size for f in directory.glob("*.store"))
            print(
                f"tantivy: index built in {time.perf_counter() - started:.1f} s, {size / 2**20:.1f} MiB "
                f"({(size - stored) / 2**20:.1f} MiB without the stored text)"
            )

            queries = []
            for params in varied_queries(args.queries, random.Random(7)):
                filters = search.clean_filters({f: [str(params[f])] for f in FACETS if f in params})
                queries.append((search.parse_query(params.get("q", "")), filters, int(params.get("page", 1))))
            search.visible_records()  # the in-process table, as a running worker has it
            variants = {
                "ours, engine": ours_engine,
                "tantivy, engine": tantivy.search,
                "ours, whole results page": ours_whole,
                "tantivy, whole results page": tantivy.whole,
            }
            medians, answers = median_times(variants, queries, args.rounds)
        finally:
            shutil.rmtree(directory, ignore_errors=True)

        same = sum(
            1 for n in range(len(queries)) if answers["ours, engine", n][:2] == answers["tantivy, engine", n][:2]
        )
        print(f"same number of matches and same facet counts: {same} of {len(queries)} searches")
        print(f"\n{'ms per search':30} {'p50':>7} {'p95':>7} {'max':>7}")
        for name, values in medians.items():
            print(f"{name:30} {statistics.median(values):7.2f} {percentile(values, 0.95):7.2f} {max(values):7.2f}")
        for ours, theirs in (
            ("ours, engine", "tantivy, engine"),
            ("ours, whole results page", "tantivy, whole results page"),
        ):
            ratio = percentile(medians[ours], 0.95) / percentile(medians[theirs], 0.95)
            print(f"p95 ratio, {ours.split(', ')[1]}: {ratio:.2f}×")


if __name__ == "__main__":
    main()

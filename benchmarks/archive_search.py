"""Archive benchmarks at scale: index build time, database size, search latency, hub and theme pages.

    .venv/bin/python benchmarks/archive_search.py [--editions 30] [--countries 160] [--queries 200]

Builds a scratch database (SQLite, or PostgreSQL if DATABASE_URL points to one) with the
demo plus a synthetic archive, then measures through Django's request handler with
production settings: 200 varied searches (words, names, phrases, facet filters), country
hub pages and theme pages, each on a cold cache (first view after a change) and warm.
Targets: search p95 ≤ 50 ms (also the first search after a publish), country hub ≤ 30 ms,
theme page ≤ 50 ms.
"""

import argparse
import random
import time
from pathlib import Path

from _harness import django_on_scratch_database, generate_archive, summary


def varied_queries(count, rng):
    from rapporteur.demo.synthetic import TOPIC_WORDS, WORDS
    from rapporteur.reports.models import Country, Region, Theme

    themes = list(Theme.objects.values_list("pk", "name"))
    countries = list(Country.objects.values_list("pk", "name"))
    regions = list(Region.objects.values_list("pk", flat=True))
    queries = []
    makers = [
        lambda: {"q": rng.choice(TOPIC_WORDS)},
        lambda: {"q": rng.choice(WORDS)},
        lambda: {"q": f"{rng.choice(TOPIC_WORDS)} {rng.choice(TOPIC_WORDS)}"},
        lambda: {"q": f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"'},
        lambda: {"q": rng.choice(countries)[1]},
        lambda: {"q": rng.choice(themes)[1]},
        lambda: {"q": f"Synthetic Person {rng.choice(countries)[1][:2].upper()}"},
        lambda: {"q": rng.choice(TOPIC_WORDS), "year": rng.randint(1983, 2013)},
        lambda: {"q": rng.choice(TOPIC_WORDS), "theme": rng.choice(themes)[0]},
        lambda: {"theme": rng.choice(themes)[0], "year": rng.randint(1983, 2013)},
        lambda: {"q": rng.choice(WORDS), "region": rng.choice(regions), "page": rng.randint(2, 5)},
        lambda: {"q": "torture Kazakhstan"},
    ]
    while len(queries) < count:
        queries.append(rng.choice(makers)())
    return queries


def time_get(client, url, params=None):
    started = time.perf_counter()
    response = client.get(url, params or {})
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, params, response.status_code)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=30)
    parser.add_argument("--countries", type=int, default=160)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--existing",
        action="store_true",
        help="Measure the database DATABASE_URL names as it is (already generated), instead of building a scratch one.",
    )
    parser.add_argument(
        "--skip-rebuild", action="store_true", help="With --existing: do not time rebuild_archive_index."
    )
    args = parser.parse_args()
    with django_on_scratch_database(existing=args.existing, demo=not args.existing) as database_url:
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client

        from rapporteur.archive.indexing import rebuild_all
        from rapporteur.archive.models import SearchRecord
        from rapporteur.reports.models import Country, CountryEntryPage, Theme

        generated = None
        if not args.existing:
            started = time.perf_counter()
            generate_archive(args.editions, args.countries)
            generated = time.perf_counter() - started
        started = time.perf_counter()
        records = rebuild_all() if not args.skip_rebuild else SearchRecord.objects.count()
        rebuilt = time.perf_counter() - started
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = Path(database_url.removeprefix("sqlite:///")).stat().st_size
        else:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_database_size(current_database())")
                size = cursor.fetchone()[0]
        entries = CountryEntryPage.objects.count()
        print(f"database: {connection.vendor}; {entries} country entries, {records} search records")
        if generated is not None:
            print(f"generate_archive {args.editions}x{args.countries} (pages and their index): {generated:.0f} s")
        print(f"index build (rebuild_archive_index): {rebuilt:.1f} s; database size: {size / 2**20:.0f} MiB")

        client = Client()
        rng = random.Random(7)
        queries = varied_queries(args.queries, rng)
        client.get("/en/search/", {"q": "warm up"})
        searches = [time_get(client, "/en/search/", params) for params in queries]
        print(summary(f"search ({len(searches)} varied queries, full page)", searches))
        slowest = sorted(zip(searches, queries, strict=True), key=lambda pair: -pair[0])[:5]
        print("  slowest: " + "; ".join(f"{params} {ms:.0f} ms" for ms, params in slowest))
        from rapporteur.archive.search import search

        # What drives the cost is how many sections the words match (before facet filters).
        matches = [search(params["q"], {}, 1).total if params.get("q") else None for params in queries]
        groups = (
            ("facets only, no words", lambda n: n is None),
            ("words matching < 2,000 sections", lambda n: n is not None and n < 2000),
            ("words matching 2,000-20,000", lambda n: n is not None and 2000 <= n < 20000),
            ("words matching ≥ 20,000 (of 53,000)", lambda n: n is not None and n >= 20000),
        )
        for label, keep in groups:
            part = [ms for ms, n in zip(searches, matches, strict=True) if keep(n)]
            if part:
                print("  " + summary(label, part))

        # Misspelt searches that find little: "Did you mean …?" is worked out (the first one of a content
        # generation also reads the index's terms); each is a different search, so none is cached.
        misspelt = "tortrue detenion Nazarbaev journalsit polcie protset prisn refugee,asylun lorem,ipsun trail,cuort"
        slow = [time_get(client, "/en/search/", {"q": words.replace(",", " ")}) for words in misspelt.split()]
        print(summary("misspelt searches, 'Did you mean' (the first reads the terms)", slow))
        print(f"  first: {slow[0]:.1f} ms; suggested: {search('tortrue', {}, 1).suggestion!r}")

        # The first search after a publish: each worker's table of visible records is stale; only the
        # edition whose index was rebuilt is read again. (The page frame, shared by all workers through
        # the cache, is rebuilt first by whichever reader comes first, as for the hubs below.)
        entries = list(CountryEntryPage.objects.order_by("?")[:20])
        first = []
        for entry, params in zip(entries, queries, strict=False):
            entry.save_revision().publish()  # its records and its edition's word index are rebuilt after commit
            client.get("/en/")
            first.append(time_get(client, "/en/search/", params))
        print(summary("first search after a publish (one entry republished each time)", first))

        hub_countries = list(
            Country.objects.filter(slug__in=SearchRecord.objects.values("country__slug")).order_by("?")[:20]
        )
        cold, warm = [], []
        for country in hub_countries:
            cache.clear()
            client.get("/en/")  # the page frame (navigation, sidebar) is rebuilt first, as by any reader
            cold.append(time_get(client, f"/en/countries/{country.slug}/"))
            warm.append(time_get(client, f"/en/countries/{country.slug}/"))
        print(summary("country hub, its data not cached", cold))
        print(summary("country hub, warm cache", warm))

        cold, warm = [], []
        for theme in Theme.objects.all():
            cache.clear()
            client.get("/en/")
            cold.append(time_get(client, f"/en/themes/{theme.slug}/"))
            warm.append(time_get(client, f"/en/themes/{theme.slug}/"))
        print(summary("theme page, its data not cached", cold))
        print(summary("theme page, warm cache", warm))


if __name__ == "__main__":
    main()

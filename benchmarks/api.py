"""Open-data API latency at archive scale: one entry, lists, the matrix, search.

    .venv/bin/python benchmarks/api.py [--editions 30] [--countries 160] [--requests 300]
    .venv/bin/python benchmarks/api.py --existing      # the database DATABASE_URL names, as it is

Builds a scratch database (SQLite, or PostgreSQL if DATABASE_URL points to one) with the demo
plus a synthetic archive, then times full requests through Django's request handler with
production settings and the default file cache (routing, middleware, validation, JSON), as a
data user's client would meet them, on a warm cache (the content generation unchanged).
Varied addresses: entries of random countries and years, section lists filtered by edition,
theme, country or region at random pages, the matrix for one theme over ranges of editions.
Targets: one entry p95 ≤ 15 ms; list and matrix p95 ≤ 30 ms.
"""

import argparse
import os
import random
import time

from _harness import django_on_scratch_database, generate_archive, summary


def timed(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code, response.content[:200])
    return elapsed


def measure(client, label, urls):
    for url in set(urls):  # warm: every answer made once in this content generation
        timed(client, url)
    print(summary(label, [timed(client, url) for url in urls]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=30)
    parser.add_argument("--countries", type=int, default=160)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--existing", action="store_true", help="Measure DATABASE_URL's database as it is.")
    args = parser.parse_args()
    # The limit is counted as in production (the file cache), but set high enough not to refuse.
    os.environ["API_RATE_LIMIT"] = "100000000/60"
    with django_on_scratch_database(existing=args.existing, demo=not args.existing):
        from django.db import connection
        from django.test import Client

        from rapporteur.opendata.catalogue import vocabulary

        if not args.existing:
            started = time.perf_counter()
            generate_archive(args.editions, args.countries)
            print(f"generate_archive {args.editions}x{args.countries}: {time.perf_counter() - started:.0f} s")
        vocab = vocabulary()
        editions = sorted(vocab.by_year)
        client = Client()
        sections = {
            year: client.get(f"/api/v1/sections?edition={year}&per_page=1").json()["count"] for year in editions
        }
        full = [year for year in editions if sections[year] >= 250] or editions  # the synthetic ones
        themes = sorted(vocab.theme_by_slug)
        countries = sorted(vocab.by_iso)
        regions = sorted(vocab.region_by_slug)
        rng = random.Random(2013)
        print(
            f"database: {connection.vendor}; {len(editions)} editions, {len(countries)} countries, "
            f"{client.get('/api/v1/sections').json()['count']} sections; {args.requests} requests per figure"
        )

        entries = [
            e["id"] for e in client.get(f"/api/v1/entries?edition={editions[-1]}&per_page=200").json()["results"]
        ]
        entries += [
            e["id"] for e in client.get(f"/api/v1/entries?edition={editions[0]}&per_page=200").json()["results"]
        ]
        measure(
            client,
            "one entry (GET /entries/{id})",
            [f"/api/v1/entries/{rng.choice(entries)}" for _ in range(args.requests)],
        )

        lists = []
        for _ in range(args.requests):
            choice = rng.randrange(4)
            if choice == 0:
                lists.append(f"/api/v1/sections?edition={rng.choice(full)}&page={rng.randint(1, 5)}")
            elif choice == 1:
                lists.append(f"/api/v1/sections?theme={rng.choice(themes)}&page={rng.randint(1, 3)}")
            elif choice == 2:
                lists.append(f"/api/v1/entries?region={rng.choice(regions)}&page=1")
            else:
                lists.append(f"/api/v1/entries?country={rng.choice(countries)}")
        measure(client, "lists (sections, entries; 50 a page)", lists)

        matrices = []
        for _ in range(max(50, args.requests // 3)):
            first = rng.choice(editions)
            last = min(editions[-1], first + rng.randint(0, 10))
            matrices.append(f"/api/v1/matrix?theme={rng.choice(themes)}&edition_from={first}&edition_to={last}")
        measure(client, "matrix (one theme, 1-11 editions, every country)", matrices)
        measure(
            client,
            "matrix (one theme, every edition)",
            [f"/api/v1/matrix?theme={rng.choice(themes)}" for _ in range(max(30, args.requests // 10))],
        )


if __name__ == "__main__":
    main()

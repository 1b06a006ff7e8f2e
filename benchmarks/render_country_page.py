"""Median in-process render time of a country entry page.

    .venv/bin/python benchmarks/render_country_page.py [--requests 500] [--archive 2x40]

Sets up a scratch database (DATABASE_URL if it points to PostgreSQL, otherwise a
temporary SQLite file) with the demo edition, optionally a synthetic archive, then
times full requests through Django's handler (routing, middleware, template) with
production settings and the default file cache. Reports warm-cache figures (the normal
case) and cold-cache figures (first view after a publish).
"""

import argparse
import statistics
import time

from _harness import django_on_scratch_database, generate_archive, percentile


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--archive", default="", help="EDITIONSxCOUNTRIES synthetic archive to add, e.g. 2x40")
    args = parser.parse_args()

    with django_on_scratch_database():
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client

        # the same entry in English and in the demo's Arabic and French versions (issue 14: the
        # Arabic render within 10 % of the English one); warm requests alternate between them, so a
        # busy machine slows all alike and the ratio holds
        urls = {
            "Kazakhstan (demo)": "/en/2013/europe-and-central-asia/kazakhstan/",
            "Kazakhstan, Arabic (demo)": "/ar/2013/europe-and-central-asia/kazakhstan/",
            "Kazakhstan, French (demo)": "/fr/2013/europe-and-central-asia/kazakhstan/",
        }
        if args.archive:
            editions, countries = (int(n) for n in args.archive.lower().split("x"))
            synthetic = generate_archive(editions, countries)
            from rapporteur.reports.models import CountryEntryPage

            urls["synthetic entry (10 sections, ~1,200 words)"] = (
                CountryEntryPage.objects.descendant_of(synthetic).first().url
            )

        client = Client()
        print(f"database: {connection.vendor}; {args.requests} requests per figure")
        warm, sizes = {label: [] for label in urls}, {}
        for url in urls.values():
            assert client.get(url).status_code == 200
        for _ in range(args.requests):
            for label, url in urls.items():
                started = time.perf_counter()
                response = client.get(url)
                warm[label].append((time.perf_counter() - started) * 1000)
                sizes[label] = len(response.content)
        for label, url in urls.items():
            cold = []
            for _ in range(max(20, args.requests // 10)):
                cache.clear()
                started = time.perf_counter()
                client.get(url)
                cold.append((time.perf_counter() - started) * 1000)
            print(
                f"{label}: {sizes[label] / 1024:.1f} KB HTML; "
                f"warm median {statistics.median(warm[label]):.2f} ms, p95 {percentile(warm[label], 0.95):.2f} ms; "
                f"cold median {statistics.median(cold):.2f} ms"
            )


if __name__ == "__main__":
    main()

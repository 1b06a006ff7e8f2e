"""Confirming an import of a whole book: ``write_import`` of the 2012 text book's 155 entries.

    .venv/bin/python benchmarks/import_confirm.py [--book PATH] [--year 2011]
    DATABASE_URL=postgresql://user@host:port/name .venv/bin/python benchmarks/import_confirm.py

Builds a scratch database (SQLite, or a fresh PostgreSQL database beside the one DATABASE_URL
names) with the demo's site, regions and themes but no edition for ``--year``, so every entry is
created: the edition, five region pages and 155 draft entries with their sections, cases,
people, office holders, facts, reports and visits, in one transaction, audited. Reading the
book and planning (the preview) are timed too, but apart: the target (≤ 60 s on SQLite and on
PostgreSQL) is for the confirm alone. The book is © its publisher and is read from ``../shared``
at run time, never copied.
"""

import argparse
import resource
import time
from pathlib import Path

from _harness import REPO, django_on_scratch_database

BOOK = REPO / ".." / "shared" / "legacy" / "amnesty-ar" / "books" / "2012.txt"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", default=str(BOOK.resolve()))
    parser.add_argument("--year", type=int, default=2011, help="an edition year the demo does not have")
    args = parser.parse_args()
    if not Path(args.book).is_file():
        raise SystemExit(f"The book is not at {args.book} (give --book PATH).")
    with django_on_scratch_database():
        from django.db import connection

        from rapporteur.importers.legacy import read_book
        from rapporteur.importers.writer import plan_import, write_import
        from rapporteur.reports.models import CountryEntryPage, EditionPage

        started = time.perf_counter()
        imported = read_book(args.book, source=Path(args.book).name)
        read = time.perf_counter() - started
        started = time.perf_counter()
        plan = plan_import(imported, args.year)
        planned = time.perf_counter() - started
        started = time.perf_counter()
        counts = write_import(plan, source=Path(args.book).name)
        confirmed = time.perf_counter() - started
        edition = EditionPage.objects.get(year=args.year)
        entries = CountryEntryPage.objects.descendant_of(edition).count()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"database: {connection.vendor}; {entries} draft entries written ({counts})")
        print(f"read the book: {read:.1f} s; plan (preview): {planned:.1f} s")
        print(f"confirm (write_import, one transaction): {confirmed:.1f} s (target ≤ 60 s)")
        print(f"peak memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()

"""Open datasets at scale: building every edition's files and the whole archive's, and peak memory.

    .venv/bin/python benchmarks/open_datasets.py [--editions 30] [--countries 160]
    .venv/bin/python benchmarks/open_datasets.py --existing   # the database DATABASE_URL names, as it is

Builds a scratch database (SQLite, or PostgreSQL if DATABASE_URL points to one) with the demo
plus a synthetic archive (clearly synthetic text), then times ``build_all`` — the scheduler's
job after a publish: each public edition's Data Package, spreadsheet and JSON Lines, and the
whole archive's, plus the SQLite file — first from nothing, then again with nothing changed
(which must rewrite nothing), then after one entry of the newest edition is published again
(which reads that edition again and replays the others' kept rows into the archive). Peak
memory is the process's maximum resident set size.
Targets: whole archive (package + SQLite) ≤ 60 s, peak memory ≤ 500 MB.
"""

import argparse
import resource
import time

from _harness import django_on_scratch_database, generate_archive


def peak_megabytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=30)
    parser.add_argument("--countries", type=int, default=160)
    parser.add_argument("--existing", action="store_true", help="Measure DATABASE_URL's database as it is.")
    args = parser.parse_args()
    with django_on_scratch_database(existing=args.existing, demo=not args.existing) as database_url:
        if not args.existing:
            generate_archive(args.editions, args.countries)
        from rapporteur.opendata.datasets.build import build_all
        from rapporteur.opendata.models import DatasetFile, EditionRows

        DatasetFile.objects.all().delete()  # from nothing, also with --existing
        EditionRows.objects.all().delete()
        before = peak_megabytes()
        started = time.perf_counter()
        written = build_all()
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = build_all()
        second = time.perf_counter() - started
        republish_one_entry()
        started = time.perf_counter()
        after_publish = build_all()
        third = time.perf_counter() - started
        archive = {d.format: d.size for d in DatasetFile.objects.filter(edition=None)}
        from rapporteur.reports.models import EditionPage

        editions = EditionPage.objects.count()
        print(f"database: {database_url.split(':')[0]}, {editions} editions (demo + synthetic)")
        print(f"first build: {first:.1f} s, {len(written)} files written")
        print(f"rebuild with nothing changed: {second:.1f} s, {len(again)} files written")
        print(f"rebuild after one entry published: {third:.1f} s, {len(after_publish)} files written")
        print("archive files: " + ", ".join(f"{fmt} {size / 1e6:.1f} MB" for fmt, size in sorted(archive.items())))
        print(f"peak memory: {peak_megabytes():.0f} MB (after setup: {before:.0f} MB)")


def republish_one_entry():
    """Publish a new revision of one entry of the newest edition, as an editor would."""
    from rapporteur.reports.models import CountryEntryPage, EditionPage
    from rapporteur.reports.visibility import reader_visible

    newest = reader_visible(EditionPage.objects.all()).order_by("-year").first()
    entry = reader_visible(CountryEntryPage.objects.descendant_of(newest)).order_by("path").first()
    entry.summary = f"<p>Synthetic summary, republished at {time.time():.0f}.</p>"
    entry.save_revision().publish()


if __name__ == "__main__":
    main()

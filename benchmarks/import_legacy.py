"""Previewing a whole legacy book, as ``import_report --dry-run`` does: read it, plan the drafts.

    .venv/bin/python benchmarks/import_legacy.py [--runs 1] [--postgres]

Times the 2012 book from its text layer (target ≤ 60 s) and the 2011 book from its PDF (target
≤ 120 s): ``read_book`` / ``read_pdf`` and then ``plan_import`` against a scratch database
(migrated, no demo), nothing written. Reports wall and CPU time per book and the process's peak
memory (``ru_maxrss``; target ≤ 1 GB). The books are © Amnesty International and are read from
``../shared/legacy/amnesty-ar`` at run time (``RAPPORTEUR_LEGACY_SAMPLES`` points elsewhere).
"""

import argparse
import resource
import statistics
import sys
import time

from _harness import REPO, django_on_scratch_database

sys.path.insert(0, str(REPO))


def preview(read, path, year):
    from rapporteur.importers.writer import plan_import

    wall, cpu = time.perf_counter(), time.process_time()
    edition = read(path)
    plan = plan_import(edition, year)
    return edition, plan, time.perf_counter() - wall, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    arguments = parser.parse_args()
    with django_on_scratch_database(demo=False):
        from rapporteur.importers.legacy import read_book
        from rapporteur.importers.legacy.pdf import read_pdf
        from tests.importers.legacy_samples import samples_dir

        samples = samples_dir()
        books = [
            ("2012 text book", read_book, samples / "books" / "2012.txt", 2012, 60),
            ("2011 PDF (432 pages)", read_pdf, samples / "pdfs" / "2011.pdf", 2011, 120),
        ]
        for label, read, path, year, target in books:
            if not path.is_file():
                print(f"{label}: not found at {path}; skipped")
                continue
            walls, cpus = [], []
            for _ in range(arguments.runs):
                edition, plan, wall, cpu = preview(read, path, year)
                walls.append(wall)
                cpus.append(cpu)
            print(
                f"{label}: {len(edition.entries)} entries, {len(plan.lines())} preview lines; "
                f"preview median {statistics.median(walls):.1f} s wall, {statistics.median(cpus):.1f} s CPU "
                f"(target ≤ {target} s, n={arguments.runs})"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"Peak memory (ru_maxrss): {peak:.0f} MB (target ≤ 1024 MB)")


if __name__ == "__main__":
    main()

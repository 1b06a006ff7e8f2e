"""How long the launch of a full-size embargoed edition takes, and how long it holds the database.

    .venv/bin/python benchmarks/launch_edition.py [--countries 160]

Builds a scratch database with one synthetic edition of N entries, every page inside it
approved and published under the still unpublished edition page (the embargo's one gate),
the edition scheduled to launch. Then times ``launch_edition``: until the commit that makes
everything visible to readers (the only time the launch writes — the write transaction), and
until the work that follows the commit (archive records and word index, Wagtail's search and
reference indexes) is done. The target is that an edition is live within 5 seconds of its
launch time; the write transaction should be short, since other writers wait for it.
"""

import argparse
import os
import time

from _harness import django_on_scratch_database, generate_archive


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=int, default=160)
    args = parser.parse_args()
    with django_on_scratch_database(demo=False):
        from django.db import connection, transaction
        from django.utils import timezone

        from rapporteur.editorial.embargo import launch_edition, schedule_launch

        edition = generate_archive(1, args.countries)
        edition.unpublish()  # the gate closes: everything inside is published but invisible
        schedule_launch(edition, timezone.now() + timezone.timedelta(days=1))
        committed = []
        started = time.perf_counter()
        if os.environ.get("PROFILE"):
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
        with transaction.atomic():
            transaction.on_commit(lambda: committed.append(time.perf_counter()))  # runs first after the commit
            count = launch_edition(edition)
        elapsed = time.perf_counter() - started
        if os.environ.get("PROFILE"):
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        to_commit = committed[0] - started
        print(f"database: {connection.vendor}; {count} pages visible after launch ({args.countries} entries)")
        print(f"launch: everything visible (commit) after {to_commit * 1000:.0f} ms — the only write transaction")
        print(f"launch including archive, search and reference indexing after the commit: {elapsed:.2f} s")


if __name__ == "__main__":
    main()

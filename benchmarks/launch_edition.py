"""How long the launch transaction of a full-size embargoed edition takes.

    .venv/bin/python benchmarks/launch_edition.py [--countries 160]

Builds a scratch database with one synthetic edition of N entries, puts it under embargo,
approves every page (so each waits for launch), then times ``launch_edition``: the time
from the launch instant until everything is live for readers (the commit). The target is
that an edition is live within 5 seconds of its launch time.
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
        from django.db import connection
        from django.utils import timezone
        from wagtail.models import Page

        from rapporteur.editorial.embargo import launch_edition
        from rapporteur.editorial.models import EditionLaunch

        edition = generate_archive(1, args.countries)
        pages = list(Page.objects.filter(path__startswith=edition.path).order_by("-depth"))
        Page.objects.filter(pk__in=[p.pk for p in pages]).update(live=False)
        launch = EditionLaunch.objects.create(edition=edition, launch_at=timezone.now() + timezone.timedelta(days=1))
        started = time.perf_counter()
        for page in pages:
            page.specific.save_revision().publish()
        approved = time.perf_counter() - started
        started = time.perf_counter()
        started_wall = timezone.now()
        if os.environ.get("PROFILE"):
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
        count = launch_edition(launch)
        if os.environ.get("PROFILE"):
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        elapsed = time.perf_counter() - started
        launch.refresh_from_db()
        to_commit = (launch.launched_at - started_wall).total_seconds()  # stamped just before the commit
        print(f"database: {connection.vendor}; {count} pages ({args.countries} entries)")
        print(f"approving all pages (waiting for launch): {approved:.1f} s")
        print(
            f"launch: everything visible (commit) after {to_commit:.2f} s ({to_commit / count * 1000:.1f} ms per page)"
        )
        print(f"launch including search and reference indexing after the commit: {elapsed:.2f} s")


if __name__ == "__main__":
    main()

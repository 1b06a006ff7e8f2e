"""What every benchmark shares: production settings, a scratch database, timing summaries."""

import os
import statistics
import sys
import tempfile
from contextlib import contextmanager, nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


@contextmanager
def django_on_scratch_database(existing=False, demo=True):
    """Set up Django with production settings on a new database (or DATABASE_URL's, if ``existing``).

    The new database is a temporary SQLite file, or a fresh PostgreSQL database beside the one
    DATABASE_URL names (dropped afterwards). Migrations run; with ``demo`` the demo is loaded.
    """
    workdir = tempfile.mkdtemp(prefix="rapporteur-bench-")
    from rapporteur.demo.instance import local_production_env, scratch_database

    os.environ.update(local_production_env(workdir, hosts="testserver,127.0.0.1"))

    with nullcontext(os.environ.get("DATABASE_URL", "")) if existing else scratch_database(workdir) as database_url:
        os.environ["DATABASE_URL"] = database_url
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        if demo and not existing:
            call_command("load_demo", stdout=open(os.devnull, "w"))
        yield database_url


def generate_archive(editions, countries):
    """Add synthetic editions (``generate_archive``, quietly); return the newest of them."""
    from django.core.management import call_command

    from rapporteur.reports.models import EditionPage

    call_command("generate_archive", editions=editions, countries=countries, stdout=open(os.devnull, "w"))
    return EditionPage.objects.filter(title__startswith="Synthetic").order_by("-year").first()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def summary(label, values):
    return (
        f"{label}: p50 {statistics.median(values):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
        f"max {max(values):.1f} ms (n={len(values)})"
    )

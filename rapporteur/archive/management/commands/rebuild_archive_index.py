import time

from django.core.management.base import BaseCommand

from rapporteur.archive.indexing import rebuild_all
from rapporteur.reports.cache import new_generation


class Command(BaseCommand):
    help = "Rebuild the archive's search records from every page readers can see (publishing keeps them current)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild_all()
        new_generation()
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} search records in {time.perf_counter() - started:.1f} s.")
        )

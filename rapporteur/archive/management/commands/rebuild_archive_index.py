import time

from django.core.management.base import BaseCommand

from rapporteur.archive.indexing import rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild the archive's search records and each edition's word index from every page readers can see "
        "(publishing keeps them current)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild_all()  # ends with a new content generation, so cached searches and hubs go
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} search records in {time.perf_counter() - started:.1f} s.")
        )

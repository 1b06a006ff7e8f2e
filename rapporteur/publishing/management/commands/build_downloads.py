import time

from django.core.management.base import BaseCommand, CommandError

from rapporteur.publishing.builds import build_edition
from rapporteur.reports.models import EditionPage


class Command(BaseCommand):
    help = "Build the PDF and EPUB of each published edition (or one) and a PDF per entry; unchanged files are kept."

    def add_arguments(self, parser):
        parser.add_argument("--edition", type=int, help="Only this edition (its year).")
        parser.add_argument("--only", choices=["pdf", "epub"], help="Only the edition's PDF or EPUB (no entry PDFs).")

    def handle(self, *args, edition=None, only=None, **options):
        editions = EditionPage.objects.order_by("year")
        if edition is not None:
            editions = editions.filter(year=edition)
            if not editions.exists():
                raise CommandError(f"There is no edition for {edition}.")
        for page in editions:
            started = time.perf_counter()
            report = build_edition(page, only=only)
            self.stdout.write(
                f"{report.edition}: {len(report.built)} built, {len(report.unchanged)} unchanged, "
                f"{len(report.removed)} removed in {time.perf_counter() - started:.1f} s"
            )
            for warning in report.warnings:
                self.stdout.write(self.style.WARNING(f"  {warning}"))

"""Import Word, Markdown or legacy-book files as drafts: ``manage.py import_report PATH… --edition YEAR``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from rapporteur.importers.errors import ImportRefused
from rapporteur.importers.reading import read_paths
from rapporteur.importers.writer import plan_import, write_import


class Command(BaseCommand):
    help = (
        "Read .docx, .md, .zip files, or a legacy book as .pdf or .txt, and write the entries and articles they hold "
        "as drafts of the "
        "edition of YEAR (created as a draft if it does not exist). Prints the preview first; "
        "--dry-run stops there. Nothing is ever published."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--edition", type=int, help="Year of the edition (default: the year the book gives).")
        parser.add_argument("--region", help="Import into this region only (its slug).")
        parser.add_argument("--user", help="Write as this user (their permissions apply, and the audit names them).")
        parser.add_argument("--dry-run", action="store_true", help="Print the preview and write nothing.")

    def handle(self, *args, **options):
        try:
            imported = read_paths(options["paths"])
        except ImportRefused as refusal:
            raise CommandError(refusal.message) from None
        year = options["edition"] or imported.year
        if not year:
            raise CommandError("Which edition? Give --edition YEAR (the files do not say).")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user “{options['user']}”.")
        plan = plan_import(imported, year, region_slug=options["region"], user=user)
        for line in plan.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
            return
        counts = write_import(plan, user=user, source=", ".join(options["paths"])[:200])
        self.stdout.write(
            self.style.SUCCESS(
                f"Written as drafts: {counts['create']} new, {counts['update']} updated. Nothing published."
            )
        )

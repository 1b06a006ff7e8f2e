from django.core.management.base import BaseCommand, CommandError

from rapporteur.backups.archive import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files to one archive (safe while the site runs)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Archive path (default: var/backups/rapporteur-<time>.tar.gz).")

    def handle(self, *args, output=None, **options):
        try:
            path = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))

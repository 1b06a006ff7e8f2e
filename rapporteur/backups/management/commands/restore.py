from django.core.management.base import BaseCommand, CommandError

from rapporteur.backups.archive import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database and uploaded files from a backup archive, replacing the current ones."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            answer = input(f"Replace ALL current content and uploaded files with {archive}? Type 'restore': ")
            if answer.strip() != "restore":
                raise CommandError("Cancelled; nothing was changed.")
        try:
            manifest = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created_at']} ({len(manifest['media'])} files).")
        )

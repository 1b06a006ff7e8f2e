from django.core.management.base import BaseCommand, CommandError

from rapporteur.publishing.mirror.addresses import visible_years
from rapporteur.publishing.mirror.build import MirrorUnavailable, build_mirror


class Command(BaseCommand):
    help = (
        "Build the static mirror of a published edition (every served language, or one): every reader page "
        "with relative links, its PDF, EPUB and datasets, the reader site's static files, a Pagefind search "
        "index per language, SHA256SUMS and its Ed25519 signature; only changed files are rewritten. A whole "
        "mirror is also stored as a ZIP for the Downloads page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--edition", type=int, help="The edition's year (default: the latest published).")
        parser.add_argument("--language", help="Only this language (e.g. fr); no ZIP is stored.")
        parser.add_argument("--all", action="store_true", help="Every published edition.")
        parser.add_argument("--output", help="The folder to write (default: var/mirror/<year>[-<language>]).")
        parser.add_argument("--no-zip", action="store_true", help="Do not store the ZIP for the Downloads page.")

    def handle(self, *args, edition=None, language=None, all=False, output=None, no_zip=False, **options):
        years = visible_years()
        if not years:
            raise CommandError("No edition is published: there is nothing to mirror.")
        if all and (edition or output):
            raise CommandError("--all builds every edition into its own folder: leave out --edition and --output.")
        chosen = years if all else [edition or years[-1]]
        for year in chosen:
            try:
                report = build_mirror(year, language=language, folder=output, with_zip=False if no_zip else None)
            except MirrorUnavailable as error:
                raise CommandError(str(error)) from None
            if report.key_created:
                self.stdout.write("Made a new signing key (see `manage.py mirror_key`).")
            self.stdout.write(
                f"{year}: {report.pages} pages, {report.files} files in {report.folder} — "
                f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed"
                + (f"; {report.zip_name} {'stored' if report.zip_stored else 'unchanged'}" if report.zip_name else "")
                + f" ({report.seconds:.1f} s)"
            )

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rapporteur.publishing.mirror import signing
from rapporteur.publishing.mirror.build import PUBLIC_KEY


class Command(BaseCommand):
    help = (
        "Check a static mirror (a folder, e.g. an unpacked ZIP): every file listed in SHA256SUMS with the right "
        "checksum, none missing or extra, and SHA256SUMS signed with the mirror key."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The mirror's top folder (the one holding SHA256SUMS).")
        parser.add_argument(
            "--key",
            help="A public key file (PEM) to check against. Default: this site's key if it is here, else the "
            "mirror's own mirror-key.pem (then compare it with the one on the live Downloads page).",
        )

    def handle(self, *args, path, key=None, **options):
        root = Path(path)
        if not root.is_dir():
            raise CommandError(f"{root} is not a folder.")
        if key:
            pem, source = Path(key).read_text(), key
        elif signing.key_path().exists():
            private, _ = signing.load_or_create_key()
            pem, source = signing.public_pem(private), "this site's key"
        elif (root / PUBLIC_KEY).is_file():
            pem, source = (root / PUBLIC_KEY).read_text(), f"the mirror's own {PUBLIC_KEY}"
            self.stderr.write(
                self.style.WARNING(f"Checked against {source}: make sure it is the key the live site publishes.")
            )
        else:
            raise CommandError("No public key: pass --key.")
        problems = signing.verify_mirror(root, pem)
        if problems:
            raise CommandError(f"{root} is NOT intact:\n  " + "\n  ".join(problems[:50]))
        self.stdout.write(self.style.SUCCESS(f"{root}: every file intact, signature verified ({source})."))

from django.core.management.base import BaseCommand

from rapporteur.publishing.mirror import signing


class Command(BaseCommand):
    help = (
        "Print the public key that signs the static mirrors (made, with its private key, if there is none yet). "
        "Publish it where readers can find it apart from the mirrors: the Downloads page shows it."
    )

    def handle(self, *args, **options):
        key, created = signing.load_or_create_key()
        path = signing.key_path()
        self.stdout.write(f"{'Made' if created else 'Private key'}: {path} (keep it secret, mode 0600)")
        self.stdout.write(signing.public_pem(key).strip())

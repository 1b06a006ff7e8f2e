"""``manage.py house_style_template OUT.docx``: write the Word template authors fill in for import."""

from pathlib import Path

from django.core.management.base import BaseCommand

from rapporteur.importers.template import house_style_template


class Command(BaseCommand):
    help = "Write the house-style Word template (a country entry that imports as it shows) to OUT.docx."

    def add_arguments(self, parser):
        parser.add_argument("out", help="Where to write the .docx, e.g. house-style.docx")

    def handle(self, *args, out, **options):
        path = Path(out)
        path.write_bytes(house_style_template())
        self.stdout.write(f"Wrote the house-style template to {path}.")

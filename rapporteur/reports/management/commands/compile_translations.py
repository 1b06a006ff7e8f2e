"""Compile the interface translations (``locale/<language>/LC_MESSAGES/django.po``) to ``.mo``.

Django reads only compiled catalogues, and its own ``compilemessages`` needs GNU gettext's
``msgfmt``, which a fresh machine may not have. polib writes the same files in pure Python, so
``make setup`` runs this on every machine and the repository keeps only the ``.po`` sources.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues(locale_dirs):
    """Every ``django.po`` under the given ``locale`` folders, in a stable order."""
    for locale_dir in locale_dirs:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/django.po"))


def compile_catalogue(po_path):
    """Write ``django.mo`` beside ``po_path``; fuzzy and untranslated entries are left out, as msgfmt does."""
    try:
        catalogue = polib.pofile(str(po_path))
    except (OSError, ValueError) as error:
        raise CommandError(f"{po_path}: {error}") from error
    mo_path = po_path.with_suffix(".mo")
    catalogue.save_as_mofile(str(mo_path))
    return mo_path, len(catalogue.translated_entries())


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/django.po of LOCALE_PATHS to .mo (pure Python, no gettext needed)."
    requires_system_checks = []  # runs during setup, before any database exists

    def handle(self, *args, **options):
        found = False
        for po_path in catalogues(settings.LOCALE_PATHS):
            found = True
            mo_path, translated = compile_catalogue(po_path)
            if options["verbosity"] >= 1:
                self.stdout.write(f"{mo_path}: {translated} messages")
        if not found:  # not fatal: the site still runs, in its source language
            where = ", ".join(map(str, settings.LOCALE_PATHS)) or "LOCALE_PATHS (empty)"
            self.stderr.write(f"No django.po found under {where}: the interface is in English only.")

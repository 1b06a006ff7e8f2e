"""What an edition's dataset rows are made from, and the rows kept from the last build.

Reading an edition as a document is most of a dataset build (a 160-entry edition: about a
second on SQLite, two on PostgreSQL), and a publish changes one edition. So each edition's
rows are kept (``EditionRows``) with the hash of their *source*: the reader-visible pages of
the edition with their addresses and publication times, the names of the vocabularies the rows
name (regions, countries, themes, people), the publisher's terms and the dataset version. When
the source hash is unchanged the kept rows are replayed into the archive's files and the
edition's own files are left alone; otherwise the edition is read again.

The source is deliberately wider than the rows (any field of a vocabulary, any republish):
a needless rebuild costs seconds, a missed one would publish stale data.
"""

import gzip
import hashlib
import json

from django.db.models import F
from wagtail.models import Page

from rapporteur.reports.models import Country, Person, Region, Theme
from rapporteur.reports.visibility import reader_visible

from ..models import DatasetFile, EditionRows

VOCABULARY_MODELS = (Region, Country, Theme, Person)


def stamp(value):
    return hashlib.sha256(json.dumps(value, default=str, sort_keys=True).encode()).hexdigest()


def vocabulary_stamp():
    """One hash of every region, country, theme and person as stored (read once per build)."""
    return stamp([list(model.objects.order_by("pk").values_list()) for model in VOCABULARY_MODELS])


def edition_source(edition, version, descriptor, vocabularies):
    """The hash of everything the edition's rows are made from (one query for its pages)."""
    pages = (
        reader_visible(Page.objects.descendant_of(edition, inclusive=True))
        .order_by("path")
        .values_list("pk", "url_path", "last_published_at", "latest_revision_id", F("locale__language_code"))
    )
    return stamp([version, descriptor, vocabularies, edition.year, list(pages)])


def kept_rows(edition, source, formats):
    """The rows kept for ``edition`` if its source is unchanged and its files are all in place."""
    kept = EditionRows.objects.filter(edition=edition, source=source).first()
    if kept is None:
        return None
    files = DatasetFile.objects.filter(edition=edition, content_hash=kept.content_hash).exclude(file="")
    return kept if files.count() == len(formats) else None


def read_rows(kept):
    """The kept rows, each as (table, row, encoded): ``encoded`` is what the archive hashes."""
    for line in gzip.decompress(bytes(kept.rows)).splitlines():
        table, row = json.loads(line)
        yield table, row, line


class RowRecorder:
    """Collects an edition's encoded rows as they are written; ``keep`` stores them compressed."""

    def __init__(self):
        self.lines = []

    def add(self, encoded):
        self.lines.append(encoded)

    def keep(self, edition, source, content_hash):
        EditionRows.objects.update_or_create(
            edition=edition,
            defaults={
                "source": source,
                "content_hash": content_hash,
                "rows": gzip.compress(b"\n".join(self.lines), compresslevel=6),
            },
        )

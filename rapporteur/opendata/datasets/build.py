"""Building the dataset files in the background, only when their rows changed.

Every published edition gets a Data Package (CSV), a spreadsheet and JSON Lines; the whole
archive gets a Data Package, JSON Lines and an SQLite file with full-text search. The rows are
written to every format in one pass, edition by edition (constant memory), and hashed on the
way: when the hash equals the stored file's, the new copy is dropped, so an unrelated publish
rewrites nothing. An edition whose source did not change since the last build is not read
again: its kept rows go straight into the archive's files (``sources``).
"""

import hashlib
import json
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from rapporteur.reports.cache import new_generation
from rapporteur.reports.chrome import build_organisation
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import EditionPage
from rapporteur.reports.visibility import reader_visible

from ..models import DatasetFile, DatasetRequest, EditionRows, OpenDataSettings
from .formats import CsvPackage, SectionLines, SqliteArchive
from .rows import Vocabularies, edition_rows
from .schema import TABLES
from .sources import RowRecorder, edition_source, kept_rows, read_rows, vocabulary_stamp
from .spreadsheet import SpreadsheetWorker

logger = logging.getLogger(__name__)

DATASET_VERSION = "1"  # change when the tables change, to rebuild every file
ARCHIVE = "archive"


def public_editions():
    """The editions a reader can see, in every language, oldest first (the source language first).

    Each language version of an edition gets files of its own (``annual-report-2013-fr-data``),
    its rows in that language (titles, theme names, text) with the same identifiers as the
    original's — ``2013-KZ`` is Kazakhstan 2013 in every language, so the key is shared across
    languages and each row says its ``language``. The archive holds the source language only:
    there an identifier names one row.
    """
    return reader_visible(EditionPage.objects.all()).order_by("year", "locale__language_code")


def in_archive(edition):
    return edition.locale.language_code == settings.LANGUAGE_CODE


def base_name(edition):
    if edition is None:
        return "annual-report-archive-data"
    code = edition.locale.language_code
    language = "" if code == settings.LANGUAGE_CODE else f"-{code}"
    return f"annual-report-{edition.year}{language}-data"


@dataclass(frozen=True)
class Publisher:
    """Who publishes the data and under what terms: read once per build, written into every package."""

    organisation: str
    settings: OpenDataSettings
    root: str  # the site's root URL: reader addresses in the rows are absolute

    @classmethod
    def of_default_site(cls):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return cls("", OpenDataSettings(), "")
        return cls(build_organisation(site).name, OpenDataSettings.for_site(site), site.root_url)


def descriptor(edition, editions, publisher):
    organisation, settings = publisher.organisation, publisher.settings
    if edition:
        title = f"{organisation} {edition.title}: data".strip()
        covers = f"the year {edition.covers_year}"
    else:
        title = f"{organisation} annual reports, all editions: data".strip()
        covers = f"the years {editions[0].covers_year}–{editions[-1].covers_year}" if editions else "no year yet"
    citation = settings.citation or f"{organisation}, {title.removeprefix(organisation).strip(' :')}.".strip(", ")
    return {
        "name": base_name(edition),
        "title": title,
        "description": f"Country entries, sections, cases and data-box facts covering {covers}.",
        "licenses": [{"name": settings.licence_name, "title": settings.licence_title, "path": settings.licence_url}],
        "sources": [{"title": organisation or "Rapporteur", "path": publisher.root}],
        "citation": citation,
        "version": DATASET_VERSION,
    }


def encode(table, row):
    return json.dumps([table, row], sort_keys=True, default=str).encode()


class Output:
    """The files of one scope (an edition, or the archive) being written, and the hash of their rows."""

    def __init__(self, folder, edition, editions, package_descriptor, recorder=None):
        self.edition = edition
        self.recorder = recorder  # keeps the edition's rows for the next archive build
        self.edition_ids = [each.pk for each in editions]
        self.started = time.perf_counter()
        base = base_name(edition)
        self.folder = folder = Path(folder) / (str(edition.pk) if edition else ARCHIVE)
        folder.mkdir()
        self.paths = {"zip": folder / f"{base}.zip", "jsonl": folder / f"{base}.jsonl"}
        self.package = CsvPackage(folder / "package", package_descriptor)
        self.sinks = [self.package, SectionLines(self.paths["jsonl"])]
        if edition is None:
            # The archive comes as one database with full-text search instead of a spreadsheet:
            # 30 editions make a workbook of tens of megabytes that spreadsheets open slowly if at
            # all, and writing it took a third of the whole build (openpyxl, about 30 µs a cell).
            self.paths["sqlite"] = folder / f"{base}.sqlite"
            self.sinks.append(SqliteArchive(self.paths["sqlite"]))
        # an edition's spreadsheet is written from its recorded rows by a worker (``spreadsheet``)
        self.digest = hashlib.sha256(DATASET_VERSION.encode())
        self.digest.update(json.dumps(self.package.descriptor, sort_keys=True).encode())
        self.vocabularies = Vocabularies()

    def add(self, table, row, encoded=None):
        """Write a row everywhere; ``encoded`` is the row as hashed, when another output made it."""
        encoded = encoded or encode(table, row)
        self.digest.update(encoded)
        if self.recorder:
            self.recorder.add(encoded)
        for sink in self.sinks:
            sink.add(table, row)

    def finish(self):
        for table, row in self.vocabularies.rows():
            self.add(table, row)
        for sink in self.sinks:
            sink.close()
        self.package.zip_to(self.paths["zip"])
        self.content_hash = self.digest.hexdigest()
        return store(self.edition, self.edition_ids, self.paths, self.content_hash, self.started)


EDITION_FORMATS = ("zip", "jsonl", "xlsx")


def build_all():
    """Every public edition's files and the archive's, in one pass over the editions.

    Each edition is read once, as a document, and its rows go both to its own files and to the
    archive's. Returns the names of the files written (unchanged files are not rewritten).
    """
    written = remove_hidden()
    editions = list(public_editions().select_related("locale"))
    archived = [edition for edition in editions if in_archive(edition)]
    publisher = Publisher.of_default_site()
    vocabularies = vocabulary_stamp()
    spreadsheets = []  # (edition, its workbook, the hash of its rows, when its build started)
    with tempfile.TemporaryDirectory(prefix="rapporteur-data-") as folder:
        with SpreadsheetWorker([(table.name, table.column_names) for table in TABLES]) as worker:
            archive = Output(folder, None, archived, descriptor(None, archived, publisher))
            for edition in editions:
                own_descriptor = descriptor(edition, [edition], publisher)
                source = edition_source(edition, DATASET_VERSION, own_descriptor, vocabularies)
                kept = kept_rows(edition, source, EDITION_FORMATS)
                if kept:
                    if in_archive(edition):
                        replay(kept, archive)
                    continue
                recorder = RowRecorder()
                own = Output(folder, edition, [edition], own_descriptor, recorder)
                document = build_edition_document(edition, publisher.organisation)
                archived_too = in_archive(edition)
                for table, row in edition_rows(document, own.vocabularies, publisher.root):
                    encoded = encode(table, row)  # once for both hashes
                    own.add(table, row, encoded)
                    if archived_too:
                        archive.add(table, row, encoded)
                if archived_too:
                    archive.vocabularies.merge(own.vocabularies)
                written += own.finish()
                xlsx = own.folder / f"{base_name(edition)}.xlsx"
                worker.write(recorder.lines, own.folder / "rows.jsonl", xlsx)
                recorder.keep(edition, source, own.content_hash)
                # only what storing the workbook needs: the edition's rows are not held to the end
                spreadsheets.append((edition, xlsx, own.content_hash, own.started))
            written += archive.finish()
        # The worker is done: a failure was raised on leaving, and editions whose spreadsheet is
        # missing are read again at the next build.
        for edition, xlsx, content_hash, started in spreadsheets:
            written += store(edition, [edition.pk], {"xlsx": xlsx}, content_hash, started)
    if written:
        new_generation()  # the pages listing the files must show the new ones
    return written


def replay(kept, archive):
    """An unchanged edition's kept rows into the archive, exactly as a new reading would give them."""
    for table, row, encoded in read_rows(kept):
        if table in Vocabularies.TABLES:
            archive.vocabularies.keep(table, row)
        else:
            archive.add(table, row, encoded)


def store(edition, edition_ids, paths, digest, started):
    written = []
    seconds = time.perf_counter() - started
    for fmt, path in paths.items():
        existing = DatasetFile.objects.filter(edition=edition, format=fmt).first()
        if existing and existing.content_hash == digest and existing.file:
            continue
        dataset = existing or DatasetFile(edition=edition, format=fmt)
        if dataset.file:
            dataset.file.delete(save=False)
        dataset.name = path.name
        dataset.editions = edition_ids
        dataset.content_hash = digest
        dataset.size = path.stat().st_size
        dataset.built_at = timezone.now()
        dataset.build_seconds = seconds
        with path.open("rb") as handle:
            dataset.file.save(f"{path.name}", File(handle), save=False)
        dataset.save()
        written.append(path.name)
    return written


def remove_hidden():
    """Files of editions readers can no longer see go at once (the view already refuses them)."""
    visible = set(public_editions().values_list("pk", flat=True))
    removed = []
    for dataset in DatasetFile.objects.exclude(edition=None).exclude(edition__in=visible):
        dataset.file.delete(save=False)
        removed.append(dataset.name)
        dataset.delete()
    EditionRows.objects.exclude(edition__in=visible).delete()
    return removed


def request_datasets():
    transaction.on_commit(lambda: DatasetRequest.objects.update_or_create(pk=1))


def build_requested():
    """Called by the scheduler: rebuild when published content changed since the last build."""
    request = DatasetRequest.objects.filter(pk=1).first()
    if request is None:
        return []
    requested_at = request.requested_at
    written = build_all()
    DatasetRequest.objects.filter(pk=1, requested_at=requested_at).delete()  # a change meanwhile asks again
    return written

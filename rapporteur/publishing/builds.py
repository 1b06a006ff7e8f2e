"""Building the files, only when their content changed, in the background after publishing.

A file's *content hash* is taken over the document it is made from (plus the builder's
version), so rebuilding an unchanged edition costs no typesetting, and editing one entry
rebuilds that entry's PDF and the edition's files — nothing else. Files are made only for
editions readers can see; when an edition or entry is withdrawn, its files go too.
"""

import dataclasses
import hashlib
import json
import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone, translation
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from rapporteur.reports.cache import new_generation
from rapporteur.reports.chrome import build_organisation
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import CountryEntryPage, EditionPage
from rapporteur.reports.visibility import ancestor_paths, reader_visible

from . import epub, pdf
from .models import BuildFailure, BuildRequest, GeneratedFile

logger = logging.getLogger(__name__)

BUILDER_VERSION = "4"  # change when the PDF or EPUB layout changes, to rebuild every file


@dataclasses.dataclass
class BuildReport:
    edition: str
    built: list = dataclasses.field(default_factory=list)  # file names
    unchanged: list = dataclasses.field(default_factory=list)
    removed: list = dataclasses.field(default_factory=list)
    warnings: list = dataclasses.field(default_factory=list)
    failed: list = dataclasses.field(default_factory=list)  # (file name, reason)


def content_hash(*parts):
    encoded = json.dumps(
        [BUILDER_VERSION, *[dataclasses.asdict(p) if dataclasses.is_dataclass(p) else p for p in parts]],
        default=str,
        sort_keys=True,
    )
    return hashlib.sha256(encoded.encode()).hexdigest()


def language_suffix(edition):
    """ "-fr", "-ar"... for a translated edition's files: a reader who downloads the English and the
    French PDF gets two files, not one name twice. Source-language names stay as they always were."""
    code = edition.locale.language_code
    return "" if code == settings.LANGUAGE_CODE else f"-{code}"


def slug_name(edition):
    return f"annual-report-{edition.year}{language_suffix(edition)}"


def store(edition, key, fmt, name, digest, make, report, entry=None):
    """Save a file unless one with the same content hash exists. ``make`` returns (bytes, warnings).

    A file that cannot be made (a typesetting error, say) is recorded as a ``BuildFailure``
    with its reason, and the other files are still built; its previous version, if any, stays.
    """
    existing = GeneratedFile.objects.filter(edition=edition, key=key, format=fmt).first()
    if existing is not None and existing.content_hash == digest and existing.name == name and existing.file:
        report.unchanged.append(name)
        BuildFailure.objects.filter(edition=edition, name=name).delete()
        return existing
    started = time.perf_counter()
    try:
        data, warnings = make()
    except Exception as error:  # noqa: BLE001 — any converter error is reported, not fatal to the others
        logger.exception("%s: could not make %s", edition.title, name)
        reason = failure_reason(error)
        BuildFailure.objects.update_or_create(edition=edition, name=name, defaults={"reason": reason})
        report.failed.append((name, reason))
        return existing
    BuildFailure.objects.filter(edition=edition, name=name).delete()
    generated = existing or GeneratedFile(edition=edition, key=key, format=fmt)
    if generated.file:
        generated.file.delete(save=False)
    generated.entry = entry
    generated.name = name
    generated.content_hash = digest
    generated.size = len(data)
    generated.built_at = timezone.now()
    generated.build_seconds = time.perf_counter() - started
    generated.warnings = warnings
    generated.file.save(f"{edition.year}/{name}", ContentFile(data), save=False)
    generated.save()
    report.built.append(name)
    report.warnings.extend(warnings)
    return generated


def failure_reason(error):
    """An error as one line for the dashboard (converter messages can run over many lines)."""
    return " ".join(str(error).split())[:2000] or type(error).__name__


def edition_is_public(edition):
    return reader_visible(EditionPage.objects.filter(pk=edition.pk)).exists()


def remove(files, report):
    for generated in files:
        generated.file.delete(save=False)
        report.removed.append(generated.name)
        generated.delete()


def build_edition(edition, only=None):
    """Bring the edition's files up to date. ``only``: "pdf" or "epub" for the edition files only."""
    report = BuildReport(edition=edition.title)
    if not edition_is_public(edition):
        remove(GeneratedFile.objects.filter(edition=edition), report)  # nothing may be downloaded before launch
        return report
    site = Site.objects.filter(is_default_site=True).first()
    organisation = build_organisation(site).name if site else ""
    with translation.override(edition.locale.language_code):  # its labels (an article's kind) in its language
        document = build_edition_document(edition, organisation)
    edition_digest = content_hash(document)
    base = slug_name(edition)
    if only in (None, "pdf"):
        store(edition, "edition", "pdf", f"{base}.pdf", edition_digest, lambda: pdf_for_edition(document), report)
    if only in (None, "epub"):
        identifier = f"urn:rapporteur:{edition.pk}:{edition_digest[:16]}"
        store(
            edition,
            "edition",
            "epub",
            f"{base}.epub",
            edition_digest,
            lambda: epub.build_epub(document, identifier),
            report,
        )
    if only is None:
        keys = set()
        entries = {entry.page_id: entry for entry in document.entries}
        for page in CountryEntryPage.objects.filter(pk__in=entries):
            entry = entries[page.pk]
            key = f"entry-{entry.iso_code.lower()}"
            keys.add(key)
            digest = content_hash(entry, document.title, document.subtitle, document.organisation)
            name = f"{entry.country_slug}-{edition.year}{language_suffix(edition)}.pdf"
            store(
                edition,
                key,
                "pdf",
                name,
                digest,
                lambda entry=entry: pdf_for_entry(document, entry),
                report,
                entry=page,
            )
        remove(GeneratedFile.objects.filter(edition=edition, key__startswith="entry-").exclude(key__in=keys), report)
    if report.built or report.removed:
        new_generation()  # pages listing the files must show the new ones
    for warning in report.warnings:
        logger.warning("%s: %s", edition.title, warning)
    return report


def pdf_for_edition(document):
    source, warnings = pdf.edition_source(document)
    return pdf.compile_pdf(source), warnings


def pdf_for_entry(document, entry):
    source, warnings = pdf.entry_source(document, entry)
    return pdf.compile_pdf(source), warnings


# -- in the background -------------------------------------------------------------------------


def request_build(edition_id):
    BuildRequest.objects.update_or_create(edition_id=edition_id, defaults={"started_at": None})


def build_pending(limit=None):
    """Build the editions whose content changed (called by the scheduler). Returns the reports."""
    reports = []
    for request in BuildRequest.objects.select_related("edition").order_by("requested_at")[:limit]:
        requested_at = request.requested_at
        BuildRequest.objects.filter(pk=request.pk).update(started_at=timezone.now())  # "building" on the dashboard
        try:
            reports.append(build_edition(request.edition))
        except Exception as error:
            # recorded for the dashboard, where a publisher can ask again; not retried every second
            BuildFailure.objects.update_or_create(
                edition=request.edition, name="", defaults={"reason": failure_reason(error)}
            )
            BuildRequest.objects.filter(pk=request.pk, requested_at=requested_at).delete()
            raise
        BuildFailure.objects.filter(edition=request.edition, name="").delete()
        # a change published during the build asks again; only clear the request we served
        BuildRequest.objects.filter(pk=request.pk, requested_at=requested_at).delete()
    return reports


def editions_containing(page):
    return EditionPage.objects.filter(path__in=ancestor_paths(page.path))


def after_commit_for_editions_of(page, request):
    """Once the change commits, ``request(edition id)`` for each edition holding ``page``."""
    ids = list(editions_containing(page).values_list("pk", flat=True))
    if ids:
        transaction.on_commit(lambda: [request(pk) for pk in ids])


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def content_changed(sender, instance, **kwargs):
    after_commit_for_editions_of(instance, request_build)


@receiver(post_delete, sender=CountryEntryPage)
def entry_deleted(sender, instance, **kwargs):
    content_changed(sender, instance)

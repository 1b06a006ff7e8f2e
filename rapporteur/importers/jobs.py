"""Running an ``ImportJob``: read and plan (the preview), then, once confirmed, write the drafts.

A small Word or Markdown file is handled at once, in the request; a whole book or a ``.zip``
waits for the scheduler (``process_pending_imports``), which takes one job at a time, so the
person can leave the page and come back. A job is *claimed* by moving its status on in one
UPDATE, so the scheduler and a web worker never run the same job twice.

The preview is stored as JSON — what the page shows — and the plan itself is made again at
confirmation from the same file with the person's theme choices: pages may have been locked
or edited meanwhile, and the writer checks that at the moment it writes. Reading and planning
report progress on the job row; writing happens in one transaction, which other connections
cannot see into, so its progress goes to the cache (shared by the web and scheduler processes).
"""

import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from rapporteur.reports.models import CountryEntryPage, Theme

from .errors import ImportRefused
from .imported import FACTS
from .models import ImportJob
from .reading import read_paths
from .themes import match_theme, theme_pairs
from .writer import Vocabulary, edition_for, plan_import, write_import

logger = logging.getLogger(__name__)

Status = ImportJob.Status

# What the request handles itself (a single small entry); anything larger waits for the
# scheduler. RAPPORTEUR_IMPORT_AT_ONCE_BYTES / _ENTRIES change the limits (0: always in the background).
AT_ONCE_SUFFIXES = (".docx", ".md", ".markdown")
AT_ONCE_MAX_BYTES = 2 * 1024 * 1024
AT_ONCE_MAX_ENTRIES = 10

OFFICE_LABELS = {
    "head_of_state": "Head of state",
    "head_of_government": "Head of government",
    "head_of_state_and_government": "Head of state and government",
}


STALE_SECONDS = 3600
MAX_ATTEMPTS = 3


def reads_at_once(job):
    limit = getattr(settings, "RAPPORTEUR_IMPORT_AT_ONCE_BYTES", AT_ONCE_MAX_BYTES)
    return job.file_name.lower().endswith(AT_ONCE_SUFFIXES) and job.size <= limit


def writes_at_once(job):
    counts = job.preview.get("counts", {})
    limit = getattr(settings, "RAPPORTEUR_IMPORT_AT_ONCE_ENTRIES", AT_ONCE_MAX_ENTRIES)
    return counts.get("create", 0) + counts.get("update", 0) <= limit


def claim(job, waiting, working):
    """Move ``job`` from ``waiting`` to ``working`` unless someone else already did."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=waiting).update(
        status=working, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    if claimed:
        job.refresh_from_db()
    return bool(claimed)


def set_progress(job, done, total):
    ImportJob.objects.filter(pk=job.pk).update(progress_done=done, progress_total=total)
    job.progress_done, job.progress_total = done, total


def writing_progress_key(job):
    return f"import-job-{job.pk}-written"


def writing_progress(job):
    """(done, total) while the drafts are being written, from the cache."""
    return cache.get(writing_progress_key(job)) or (0, job.progress_total)


def finish(job, status, **fields):
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status
    job.finished_at = timezone.now()
    job.save()


@contextmanager
def local_path(stored_file):
    """A path the readers can open: the file where it lies on a file system storage, or a private
    temporary copy of it when the storage has no paths (a bucket, shared by several machines)."""
    try:
        path = stored_file.path
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="rapporteur-import-") as folder:  # readable by its owner only
        copy = Path(folder) / Path(stored_file.name).name  # the name's suffix says how to read it
        target = os.fdopen(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        with stored_file.open("rb") as source, target:
            shutil.copyfileobj(source, target)
        yield str(copy)


def read_and_plan(job, headings=None, progress=None):
    """The file read again and planned with the person's theme choices. Raises ``ImportRefused``."""
    with local_path(job.file) as path:
        imported = read_paths([path])
    user = job.user
    plan = plan_import(
        imported, job.year, region_slug=job.region_slug or None, user=user, headings=headings, progress=progress
    )
    return imported, plan


def run_preview(job):
    """Read and plan a pending job; afterwards it is READY (with its preview), REFUSED or FAILED."""
    if not claim(job, Status.PENDING, Status.READING):
        return job
    try:
        imported, plan = read_and_plan(job, progress=lambda done, total: set_progress(job, done, total))
    except ImportRefused as refusal:
        finish(job, Status.REFUSED, error=refusal.message)
        return job
    except Exception as error:
        logger.exception("Import job %s could not be read", job.pk)
        finish(job, Status.FAILED, error=f"The file could not be read ({type(error).__name__}: {error}).")
        return job
    set_progress(job, len(plan.entries), len(plan.entries))
    job.preview = preview_of(imported, plan)
    job.status = Status.READY
    job.save()
    return job


def run_write(job):
    """Write a confirmed job's drafts; afterwards it is DONE (with its result) or FAILED."""
    if not claim(job, Status.QUEUED, Status.WRITING):
        return job
    key = writing_progress_key(job)
    try:
        imported, plan = read_and_plan(job, headings=job.headings)
        cache.set(key, (0, len(plan.entries)), 3600)
        counts = write_import(
            plan,
            user=job.user,
            source=job.file_name[:200],
            progress=lambda done, total: cache.set(key, (done, total), 3600),
        )
    except ImportRefused as refusal:
        finish(job, Status.FAILED, error=refusal.message)
        return job
    except Exception as error:
        logger.exception("Import job %s could not be written", job.pk)
        finish(job, Status.FAILED, error=f"Nothing was written: {type(error).__name__}: {error}")
        return job
    finally:
        cache.delete(key)
    finish(job, Status.DONE, result=result_of(plan, counts))
    return job


def requeue_stale(now=None):
    """Jobs left reading or writing by a background process that stopped (a restart, a machine lost).

    Writing is one transaction, so an interrupted write left nothing behind: the job can simply
    wait again. After ``MAX_ATTEMPTS`` starts it fails with a message instead, so that a file that
    brings the process down cannot do so for ever. A job counts as interrupted when it has been
    at work for longer than ``RAPPORTEUR_IMPORT_STALE_SECONDS`` (default one hour; a whole book
    takes a few minutes).
    """
    now = now or timezone.now()
    seconds = getattr(settings, "RAPPORTEUR_IMPORT_STALE_SECONDS", STALE_SECONDS)
    stale = ImportJob.objects.filter(
        status__in=(Status.READING, Status.WRITING), started_at__lt=now - timezone.timedelta(seconds=seconds)
    )
    for job in stale:
        if job.attempts >= MAX_ATTEMPTS:
            step = "read" if job.status == Status.READING else "written"
            finish(
                job,
                Status.FAILED,
                error=f"The background process stopped {job.attempts} times while this file was being {step}; "
                "nothing was written. Try a smaller file, or tell an administrator.",
            )
            continue
        waiting = Status.PENDING if job.status == Status.READING else Status.QUEUED
        ImportJob.objects.filter(pk=job.pk, status=job.status).update(status=waiting, progress_done=0)
        logger.warning("Import job %s was interrupted while %s; it waits again", job.pk, job.status)


def process_pending_imports(limit=1):
    """Run the oldest waiting jobs, reading or writing (called by the scheduler). Returns them."""
    requeue_stale()
    done = []
    for job in ImportJob.objects.filter(status__in=(Status.PENDING, Status.QUEUED)).order_by("created_at")[:limit]:
        done.append(run_preview(job) if job.status == Status.PENDING else run_write(job))
    return done


def confirm(job, headings):
    """Queue a READY job for writing with the person's theme choices. False if it was not READY."""
    with transaction.atomic():
        updated = ImportJob.objects.filter(pk=job.pk, status=Status.READY).update(
            status=Status.QUEUED, headings=headings, progress_done=0
        )
    job.refresh_from_db()
    return bool(updated)


# -- what the page shows -------------------------------------------------------------------------


def preview_of(imported, plan):
    """The plan as plain data: every entry with its sections, cases, facts, and warnings in place."""
    vocabulary = Vocabulary()
    themes = theme_pairs(Theme.objects.all())
    unknown = {}
    entries = []
    for planned in plan.entries:
        item = planned.imported
        sections, cases = [], []
        for section in item.sections:
            theme = vocabulary.theme(section)
            sections.append({"heading": section.heading, "theme": theme.name if theme else ""})
            if theme is None and planned.action != "refused":
                found = unknown.setdefault(
                    section.heading,
                    {"heading": section.heading, "closest": match_theme(section.heading, themes).closest, "where": []},
                )
                if planned.country not in found["where"]:
                    found["where"].append(planned.country)
            for block in section.blocks:
                if block.kind == "case":
                    cases.append(
                        {
                            "section": section.heading,
                            "person": block.person,
                            "new": block.person in planned.new_people,
                        }
                    )
        entries.append(
            {
                "country": planned.country,
                "source": item.source,
                "action": planned.action,
                "reason": planned.reason,
                "region": planned.region.name if planned.region else "",
                "page_id": planned.page.pk if planned.page else None,
                "office_holders": [
                    {
                        "office": OFFICE_LABELS.get(holder.office, holder.office),
                        "name": holder.name,
                        "replaced": [f"{r.name} ({r.month})" if r.month else r.name for r in holder.replaced],
                    }
                    for holder in item.office_holders
                ],
                "facts": [[FACTS.get(kind, kind), value] for kind, value in item.facts.items()],
                "sections": sections,
                "cases": cases,
                "reports": [
                    " ".join(filter(None, [r.title, f"({r.index_number})" if r.index_number else ""]))
                    for r in item.reports
                ],
                "visits": list(item.visits),
                "warnings": [{"where": w.where, "message": w.message} for w in planned.warnings],
            }
        )
    return {
        "year": plan.year,
        "new_edition": plan.edition is None,
        "counts": plan.counts(),
        "warnings": [{"where": w.where, "message": w.message} for w in plan.warnings],
        "articles": [
            {
                "kind": planned.label,
                "title": planned.imported.title,
                "source": getattr(planned.imported, "source", ""),
                "action": planned.action,
                "reason": planned.reason,
                "warnings": [{"where": w.where, "message": w.message} for w in planned.warnings],
            }
            for planned in plan.articles
        ],
        "entries": entries,
        "unknown_headings": list(unknown.values()),
    }


def result_of(plan, counts):
    """The counts and a link target for every draft written."""
    edition = edition_for(plan.year)
    pages = []
    for planned in plan.entries:
        if planned.action not in ("create", "update") or edition is None:
            continue
        page = (
            CountryEntryPage.objects.descendant_of(edition).filter(country__iso_code=planned.imported.iso_code).first()
        )
        if page is not None:
            pages.append({"country": planned.country, "action": planned.action, "page_id": page.pk})
    return {"counts": counts, "pages": pages, "edition_id": edition.pk if edition else None}

"""The admin's Import page: upload, follow the reading, read the preview, choose themes, confirm.

Every view answers only to someone who may import (``access.may_import``), and a job only to
the person who uploaded it or an administrator (anyone else gets "not found", so job numbers
reveal nothing). Nothing here publishes: the writer makes drafts.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from . import jobs
from .access import imports_whole_editions, jobs_for, may_import, own_regions
from .forms import HeadingsForm, UploadForm
from .models import ImportJob
from .sample import sample_entry
from .template import house_style_template
from .uploads import max_bytes, megabytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
Status = ImportJob.Status
REFRESH_SECONDS = 3


def importer_only(view):
    def wrapped(request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@importer_only
def import_index(request):
    """The upload form, the two Word files to download, and the person's earlier imports."""
    whole_editions = imports_whole_editions(request.user)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        regions=own_regions(request.user),
        whole_editions=whole_editions,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob(
            token=secrets.token_hex(16),
            user=request.user,
            file_name=upload.name[:255],
            size=upload.size,
            year=form.cleaned_data["year"],
            region_slug=form.cleaned_data["region"],
        )
        job.file.save(upload.name, upload, save=False)
        job.save()
        if jobs.reads_at_once(job):
            jobs.run_preview(job)
        return redirect("rapporteur_import_job", job.pk)
    return TemplateResponse(
        request,
        "importers/index.html",
        {
            "page_title": "Import",
            "form": form,
            "jobs": jobs_for(request.user)[:20],
            "limit": megabytes(max_bytes()),
        },
    )


@importer_only
def import_job(request, job_id):
    """One job as it stands: progress (the page refreshes itself), the preview, or the result."""
    job = get_object_or_404(jobs_for(request.user), pk=job_id)
    headings_form = None
    if job.status == Status.READY:
        headings_form = HeadingsForm(
            unknown_headings=job.preview.get("unknown_headings", []),
            may_create_themes=request.user.has_perm("reports.add_theme"),
        )
    written = None
    if job.status == Status.WRITING:
        written = jobs.writing_progress(job)
    return TemplateResponse(
        request,
        "importers/job.html",
        {
            "page_title": f"Import of {job.file_name}",
            "job": job,
            "preview": job.preview,
            "headings_form": headings_form,
            "heading_rows": list(zip(headings_form, headings_form.unknown, strict=True))
            if headings_form is not None
            else [],
            "written": written,
            "refresh_seconds": REFRESH_SECONDS if job.in_progress else None,
        },
    )


@require_POST
@importer_only
def confirm_import(request, job_id):
    """Write the previewed import as drafts: at once when small, otherwise in the background."""
    job = get_object_or_404(jobs_for(request.user), pk=job_id)
    if job.user_id != request.user.pk:
        raise PermissionDenied  # an administrator may look, but only the uploader confirms
    if job.status != Status.READY:
        messages.error(request, "This import is not waiting for confirmation; nothing was written.")
        return redirect("rapporteur_import_job", job.pk)
    form = HeadingsForm(
        request.POST,
        unknown_headings=job.preview.get("unknown_headings", []),
        may_create_themes=request.user.has_perm("reports.add_theme"),
    )
    if not form.is_valid():
        messages.error(request, "Some theme choices were not valid; nothing was written. Choose again.")
        return redirect("rapporteur_import_job", job.pk)
    if jobs.confirm(job, form.headings()) and jobs.writes_at_once(job):
        jobs.run_write(job)
    return redirect("rapporteur_import_job", job.pk)


@require_POST
@importer_only
def discard_import(request, job_id):
    """Forget a job that is not running, and delete its uploaded file."""
    job = get_object_or_404(jobs_for(request.user), pk=job_id)
    if job.status in (Status.READING, Status.WRITING):
        messages.error(request, "This import is running; wait for it to finish before removing it.")
        return redirect("rapporteur_import_job", job.pk)
    job.file.delete(save=False)
    job.delete()
    messages.success(request, f"The import of {job.file_name} was removed (its drafts, if any, stay).")
    return redirect("rapporteur_import")


def word_file(data, name):
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@importer_only
def download(request, which):
    if which == "template":
        return word_file(house_style_template(), "house-style-template.docx")
    if which == "sample":
        return word_file(sample_entry(), "sample-entry-iceland.docx")
    raise Http404

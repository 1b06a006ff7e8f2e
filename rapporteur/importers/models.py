"""An import as the admin's Import page runs it: an uploaded file, its preview, its result.

Uploaded files can be unpublished report text (a whole edition before its launch), so they are
kept in their own storage apart from ``MEDIA_ROOT`` (``private_storage``): nothing serves it, and
the storage has no URL at all. A job is read and planned, shown, confirmed, then written — the reading and
writing of a whole book run in the scheduler process, and the job row is how the page follows.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from .private_storage import PrivateStorage  # noqa: F401  (the default ``imports`` storage)


def import_storage():
    """Private storage for uploaded import files: ``STORAGES["imports"]``, apart from ``MEDIA_ROOT``."""
    return storages["imports"]


def upload_path(job, filename):
    """Each job's file in a folder of its own, keeping the name the reader needs (its suffix)."""
    return f"{job.token}/{filename}"


class ImportJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be read"
        READING = "reading", "Reading"
        READY = "ready", "Preview ready"
        QUEUED = "queued", "Waiting to be written"
        WRITING = "writing", "Writing drafts"
        DONE = "done", "Written as drafts"
        REFUSED = "refused", "Refused"
        FAILED = "failed", "Failed"

    token = models.CharField(max_length=32, unique=True, help_text="Names the job's private folder.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(storage=import_storage, upload_to=upload_path, max_length=300)
    file_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    year = models.PositiveIntegerField(help_text="The edition the import goes into.")
    region_slug = models.CharField(max_length=100, blank=True, help_text="Empty: each country's default region.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    preview = models.JSONField(default=dict, blank=True, help_text="What the import would do, as the page shows it.")
    headings = models.JSONField(default=dict, blank=True, help_text="Heading as written → the theme chosen for it.")
    result = models.JSONField(default=dict, blank=True, help_text="Counts and the draft pages written.")
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="How often the background process began reading or writing it (see jobs.requeue_stale)."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Import of {self.file_name} into {self.year}"

    @property
    def in_progress(self):
        return self.status in (self.Status.PENDING, self.Status.READING, self.Status.QUEUED, self.Status.WRITING)

"""Generated files: the edition's PDF, EPUB and static mirror (ZIP), and a PDF per country entry."""

from django.db import models

from rapporteur.reports.models import CountryEntryPage, EditionPage


class GeneratedFile(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        EPUB = "epub", "EPUB e-book"
        ZIP = "zip", "Static mirror (ZIP)"

    CONTENT_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip", "zip": "application/zip"}

    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="generated_files")
    entry = models.ForeignKey(CountryEntryPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=80, help_text="“edition”, “mirror”, or “entry-<ISO code>”.")
    format = models.CharField(max_length=10, choices=Format.choices)
    file = models.FileField(upload_to="generated/")
    name = models.CharField(max_length=200, help_text="The file name readers download.")
    content_hash = models.CharField(max_length=64, help_text="Of the content the file was made from.")
    size = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField()
    build_seconds = models.FloatField(default=0)
    warnings = models.JSONField(default=list, blank=True, help_text="Rich text the converters could not render.")
    signing_key = models.TextField(
        blank=True,
        help_text="A mirror's: the Ed25519 public key (PEM) its SHA256SUMS is signed with, shown to readers.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "key", "format"], name="one_file_per_edition_key_format")
        ]
        ordering = ["edition", "key", "format"]

    def __str__(self):
        return self.name

    @property
    def content_type(self):
        return self.CONTENT_TYPES[self.format]


class BuildRequest(models.Model):
    """An edition whose published content changed since its files were last built."""

    edition = models.OneToOneField(EditionPage, on_delete=models.CASCADE, related_name="+")
    requested_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True, help_text="When the scheduler began building it.")

    def __str__(self):
        return f"Rebuild {self.edition_id} (asked {self.requested_at:%Y-%m-%d %H:%M})"


class MirrorRequest(models.Model):
    """An edition whose static mirror should be rebuilt: its published content changed.

    Kept apart from ``BuildRequest``, which is cleared once the PDF and EPUB are made: the
    mirror is built after them (it carries them), so it waits until they are done.
    """

    edition = models.OneToOneField(EditionPage, on_delete=models.CASCADE, related_name="+")
    requested_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Rebuild the mirror of {self.edition_id} (asked {self.requested_at:%Y-%m-%d %H:%M})"


class BuildFailure(models.Model):
    """A file that could not be made on the last attempt, and why; shown on the Editions dashboard.

    ``name`` is the file's name, or empty when the whole build failed. Removed once the file is
    made again, so what the dashboard shows is always the state of the last attempt.
    """

    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200, blank=True)
    reason = models.TextField()
    failed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="one_failure_per_file")]
        ordering = ["edition", "name"]

    def __str__(self):
        return f"{self.name or 'Build'} failed: {self.reason}"

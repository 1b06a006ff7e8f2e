"""The open datasets as files, and the licence they are given under."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from rapporteur.reports.models import EditionPage


@register_setting(icon="table")
class OpenDataSettings(BaseSiteSetting):
    """What the datasets say about their reuse: shown on the data page and written into every package."""

    licence_name = models.CharField(
        max_length=100, default="CC-BY-4.0", help_text="An SPDX identifier or a short name, e.g. CC-BY-4.0."
    )
    licence_title = models.CharField(max_length=200, default="Creative Commons Attribution 4.0 International")
    licence_url = models.URLField(default="https://creativecommons.org/licenses/by/4.0/")
    citation = models.TextField(
        blank=True,
        help_text="How to cite the datasets. Left empty, a citation is made from the organisation and report.",
    )

    panels = [
        FieldPanel("licence_name"),
        FieldPanel("licence_title"),
        FieldPanel("licence_url"),
        FieldPanel("citation"),
    ]

    class Meta:
        verbose_name = "open data"


class DatasetFile(models.Model):
    """One dataset file: of an edition, or of the whole archive (``edition`` empty).

    ``editions`` lists the editions whose rows the file holds. The file is served only while
    every one of them can still be read, so an edition withdrawn after a build can never be
    downloaded from a stale archive file while the rebuild is pending.
    """

    class Format(models.TextChoices):
        PACKAGE = "zip", "Data Package (CSV)"
        XLSX = "xlsx", "Spreadsheet (XLSX)"
        JSONL = "jsonl", "JSON Lines"
        SQLITE = "sqlite", "SQLite database"

    edition = models.ForeignKey(EditionPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(max_length=10, choices=Format.choices)
    file = models.FileField(upload_to="datasets/")
    name = models.CharField(max_length=200, unique=True, help_text="The file name readers download.")
    editions = models.JSONField(default=list, help_text="Ids of the editions the file holds.")
    content_hash = models.CharField(max_length=64, help_text="Of the rows the file was made from.")
    size = models.PositiveBigIntegerField(default=0)
    built_at = models.DateTimeField()
    build_seconds = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "format"], name="one_dataset_per_edition_format")]

    def __str__(self):
        return self.name

    CONTENT_TYPES = {
        "zip": "application/zip",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "jsonl": "application/jsonl; charset=utf-8",
        "sqlite": "application/vnd.sqlite3",
    }

    @property
    def content_type(self):
        return self.CONTENT_TYPES[self.format]


class DatasetRequest(models.Model):
    """Published content changed: the datasets should be rebuilt (the scheduler does it)."""

    requested_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Datasets requested at {self.requested_at:%Y-%m-%d %H:%M:%S}"


class EditionRows(models.Model):
    """The dataset rows last made from one edition, kept to assemble the archive's files.

    Rebuilding after a publish reads again only the editions whose *source* changed (the pages
    readers see in it, their publication times, the names of regions, countries, themes and
    people, the publisher's terms); every other edition's rows come from here, compressed.
    Kept in the database rather than in the media storage: never served, shared by every app
    server, and gone with its edition.
    """

    edition = models.OneToOneField(EditionPage, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=64, help_text="Hash of what the rows were made from.")
    content_hash = models.CharField(max_length=64, help_text="Of the rows: the edition's files carry it too.")
    rows = models.BinaryField(help_text="The encoded rows, one a line, gzip-compressed.")
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Dataset rows of {self.edition_id}"

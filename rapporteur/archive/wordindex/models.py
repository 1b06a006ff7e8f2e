"""Where the word index is stored: one segment per edition, one row per term and segment.

Stored in the database, not in files beside it, so every app server reads the same index,
it is in every backup, and it changes in the same transaction as the records it indexes.
"""

from django.db import models

from rapporteur.reports.models import EditionPage


class IndexSegment(models.Model):
    """The word index of one edition's records.

    One segment per edition, so publishing an entry rebuilds one edition's index, not the
    archive's. ``version`` is a new random token at every rebuild (never a count, which a
    rolled-back rebuild would hand out twice): readers of the records (the search's table of
    visible records) know from it which editions changed since they last looked.
    """

    edition = models.OneToOneField(EditionPage, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, default="en")
    records = models.PositiveIntegerField(default=0)
    version = models.PositiveBigIntegerField(default=0)
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "archive"

    def __str__(self):
        return f"word index of {self.edition_id} ({self.records} records)"


class Posting(models.Model):
    """Which records of a segment contain a term, how strongly (BM25 term weight, before idf), and where.

    The arrays are packed binary, so the records of a word found in 40,000 sections are one
    small read per edition: ``record_ids`` (``uint32``, ascending), ``weights`` (``float32``, one
    per record), ``counts`` (``uint32``, occurrences per record) and ``positions`` (``uint32``,
    every occurrence, record by record; read only for quoted phrases).
    """

    segment = models.ForeignKey(IndexSegment, on_delete=models.CASCADE, related_name="postings")
    language = models.CharField(max_length=10, default="en")
    term = models.CharField(max_length=60)
    record_ids = models.BinaryField()
    weights = models.BinaryField()
    counts = models.BinaryField()
    positions = models.BinaryField()

    class Meta:
        app_label = "archive"
        constraints = [
            models.UniqueConstraint(fields=["segment", "language", "term"], name="archive_posting_unique_term")
        ]
        indexes = [models.Index(fields=["term", "language"], name="archive_posting_term")]

    def __str__(self):
        return f"{self.term} in segment {self.segment_id}"

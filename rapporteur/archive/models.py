"""Archive records: what readers can search and browse across editions.

Only published, reader-visible content is recorded (see ``archive.indexing``). The text is
plain (tags stripped) and searched through the word index of each edition
(``archive.wordindex``, whose storage models are registered here), on SQLite and PostgreSQL
alike.
"""

from django.conf import settings
from django.db import models
from django.utils import translation

from rapporteur.reports.models import Country, EditionPage, Person, Region, Theme
from rapporteur.reports.visibility import hidden_paths

from .wordindex.models import IndexSegment, Posting  # noqa: F401  (the word index's tables belong to this app)


class RecordQuerySet(models.QuerySet):
    def visible(self, hidden=None, language=None):
        """Records of live pages outside any hidden subtree, in one language.

        Records are only made for visible pages; this is the second lock, applied on every read.
        ``hidden``: the hidden subtrees' paths, if the caller already has them. ``language``:
        the editions' language, the reader's by default (each language's pages are browsed on
        their own, as they are searched).
        """
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        queryset = self.filter(page__live=True, edition__locale__language_code=language)
        for path in hidden_paths() if hidden is None else hidden:
            queryset = queryset.exclude(path__startswith=path)
        return queryset


class SearchRecord(models.Model):
    """One searchable unit: a theme section of a country entry, an entry's summary, an article..."""

    class Kind(models.TextChoices):
        SECTION = "section", "Country entry section"
        SUMMARY = "summary", "Country entry summary"
        ARTICLE = "article", "Article"
        OVERVIEW = "overview", "Regional overview"
        PRESS_RELEASE = "press_release", "Press release"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255, db_index=True, help_text="The page's tree path, for visibility checks.")
    url = models.CharField(max_length=500)
    anchor = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(db_index=True)
    region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL, related_name="+")
    country = models.ForeignKey(Country, null=True, on_delete=models.SET_NULL, related_name="+")
    theme = models.ForeignKey(Theme, null=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within the page.")
    title = models.CharField(max_length=255, help_text="The page's title, e.g. the country's name.")
    heading = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    language = models.CharField(max_length=10, default="en")

    objects = RecordQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["country", "year"]),
            models.Index(fields=["theme", "year"]),
            # Covers the search's per-hit lookup (facet values by id) without reading the text.
            models.Index(fields=["id", "year", "region", "country", "theme", "page"], name="archive_record_facets"),
        ]

    def __str__(self):
        return f"{self.title} {self.year}: {self.heading}"

    @property
    def link(self):
        return f"{self.url}#{self.anchor}" if self.anchor else self.url


class CaseRecord(models.Model):
    """A case block naming a person, so that a person can be followed across years and countries."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255, db_index=True)
    url = models.CharField(max_length=500)
    anchor = models.CharField(max_length=200, blank=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="case_records")
    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    covers_year = models.PositiveSmallIntegerField()
    country = models.ForeignKey(Country, null=True, on_delete=models.SET_NULL, related_name="+")
    theme = models.ForeignKey(Theme, null=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["covers_year", "position"]

    def __str__(self):
        return f"{self.person_id} in {self.year}"

    @property
    def link(self):
        return f"{self.url}#{self.anchor}" if self.anchor else self.url

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArchiveConfig(AppConfig):
    name = "rapporteur.archive"
    label = "archive"
    verbose_name = "Archive and search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import indexing  # noqa: F401  (keeps the records in step with publishing)

        post_migrate.connect(build_missing_word_indexes, sender=self)


def build_missing_word_indexes(using="default", **kwargs):
    """After ``migrate``: give every edition that has records but no word index one.

    An archive indexed before the word index existed would otherwise find nothing by words
    until someone ran ``rebuild_archive_index``.
    """
    from django.db import transaction

    from rapporteur.reports.cache import new_generation

    from . import wordindex
    from .indexing import records_of
    from .models import SearchRecord

    with_records = SearchRecord.objects.using(using).values_list("edition_id", flat=True).distinct()
    editions = wordindex.editions_without_index(with_records)
    if editions:
        with transaction.atomic(using=using):
            wordindex.rebuild(editions, records_of)
        new_generation()  # searches cached before found nothing by words

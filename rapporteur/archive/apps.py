from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "rapporteur.archive"
    label = "archive"
    verbose_name = "Archive and search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import indexing  # noqa: F401  (keeps the records in step with publishing)

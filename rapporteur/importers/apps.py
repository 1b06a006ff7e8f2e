from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """Bringing content in: Word and Markdown entries, and whole legacy editions from their PDF or text.

    Every route reads its input into the plain structure of ``importers.imported`` first; one
    writer turns that into draft pages. Depends on ``reports`` only.
    """

    name = "rapporteur.importers"
    label = "importers"
    verbose_name = "Import"
    default_auto_field = "django.db.models.BigAutoField"

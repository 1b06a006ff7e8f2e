from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "rapporteur.opendata"
    label = "opendata"
    verbose_name = "Open data"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .datasets import signals  # noqa: F401 — connects the receivers

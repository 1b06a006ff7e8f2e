from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "rapporteur.opendata"
    label = "opendata"
    verbose_name = "Open data"
    default_auto_field = "django.db.models.BigAutoField"

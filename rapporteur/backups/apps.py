from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "rapporteur.backups"
    label = "backups"
    verbose_name = "Backups"

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "rapporteur.reports"
    label = "reports"
    verbose_name = "Reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the cache check, connects cache invalidation)

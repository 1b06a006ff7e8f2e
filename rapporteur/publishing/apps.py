from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "rapporteur.publishing"
    label = "publishing"
    verbose_name = "Publishing (PDF and e-book)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import builds  # noqa: F401  (queues rebuilds when published content changes)

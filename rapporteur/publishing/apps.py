from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "rapporteur.publishing"
    label = "publishing"
    verbose_name = "Publishing (PDF, e-book and static mirror)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import builds  # noqa: F401  (queues rebuilds when published content changes)
        from .mirror import jobs  # noqa: F401  (and mirror rebuilds)

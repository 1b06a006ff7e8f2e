from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EditorialConfig(AppConfig):
    name = "rapporteur.editorial"
    label = "editorial"
    verbose_name = "Editorial"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit, embargo, roles  # noqa: F401  (connect their signal receivers)

        post_migrate.connect(roles.sync_after_migrate, sender=self)

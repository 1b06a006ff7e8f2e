from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rapporteur.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit  # noqa: F401  (connects the sign-in audit receivers)

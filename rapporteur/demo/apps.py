from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "rapporteur.demo"
    label = "demo"
    verbose_name = "Demo content"

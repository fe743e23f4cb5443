from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "soc.demo"
    label = "demo"
    verbose_name = "Demo data"

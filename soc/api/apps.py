from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "soc.api"
    label = "api"
    verbose_name = "API"

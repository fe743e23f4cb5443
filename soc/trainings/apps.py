from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "soc.trainings"
    verbose_name = _("Trainings and events")
    default_auto_field = "django.db.models.BigAutoField"

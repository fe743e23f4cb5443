from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborativesConfig(AppConfig):
    name = "soc.collaboratives"
    verbose_name = _("Collaboratives")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from soc.teams import calendar

        from .calendar import feed_events

        calendar.add_feed_source(feed_events)  # seat holders see their bodies' meetings

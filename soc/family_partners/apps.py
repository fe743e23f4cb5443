from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamilyPartnersConfig(AppConfig):
    name = "soc.family_partners"
    verbose_name = _("Family partners")

"""The kinds of case information that different laws protect differently."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataCategory(models.TextChoices):
    GENERAL = "general", _("General")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    SUBSTANCE_USE = "substance_use", _("Substance use (42 CFR Part 2)")
    EDUCATION = "education", _("Education (FERPA)")
    CHILD_WELFARE = "child_welfare", _("Child welfare")
    JUVENILE_JUSTICE = "juvenile_justice", _("Juvenile justice")
    HEALTH = "health", _("Health")


PROTECTED = frozenset(c for c in DataCategory.values if c != DataCategory.GENERAL)

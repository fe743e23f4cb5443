"""The plan in the JSON API: plans, versions, parts, agreement and progress ratings.

Field names follow FHIR R4 CarePlan and Goal one to one (status, intent, subject, period,
author, contributor, goal, activity, addresses), so a FHIR export is a view of these
responses. Every endpoint finds the family through `family_or_404` first (404 for anyone not
on the team), reads parts through `visible_to`, and changes through soc.plans.actions.
"""

from . import agreement, parts, versions  # noqa: F401  (they register their endpoints)
from .base import router

__all__ = ["router"]

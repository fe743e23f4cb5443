"""Referrals in the JSON API: the team's referrals and their changes, the provider's inbox, the
family's answer and unmet-need counts. Field names follow FHIR R4 ServiceRequest and Task
(status, reasonCode, note, owner); the team's endpoints find the family through
`family_or_404` (404 for anyone not on the team), the provider's through `received_by`."""

from . import inbox, team  # noqa: F401  (they register their endpoints)
from .base import router

__all__ = ["router"]

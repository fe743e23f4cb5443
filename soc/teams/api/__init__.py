"""The Child and Family Team in the JSON API: members, meetings and next steps.

Every endpoint finds the family through `family_or_404` first, so anyone not on the team gets
404; every change goes through teams.actions, so the API follows the web pages' rules.
"""

from . import meetings, members, next_steps, opening  # noqa: F401  (they register their endpoints)
from .base import router

__all__ = ["router"]

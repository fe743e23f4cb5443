"""Collaboratives in the JSON API: bodies and seats, meetings run from agenda to approved
minutes (confidential items only with a seat), barriers from a team to the state, and
recommendations tracked to the end. Every change goes through collaboratives.actions, with
the rules of collaboratives.rules, as on the pages; no response carries a family."""

# They register their endpoints, in the order the documentation lists them.
# isort: off
from . import bodies, meetings, agenda, minutes, barriers, recommendations  # noqa: F401

# isort: on
from .base import router

__all__ = ["router"]

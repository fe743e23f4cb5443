"""Everything that changes a plan goes through one function here: validate, write, audit,
notify, in one transaction. Pages and the API call these same functions."""

from .agreement import acknowledge_plan, agree_to_plan, propose_plan, record_agreement
from .base import IN_EFFECT_CODE
from .drafting import (
    CRISIS_FIELDS,
    VERSION_FIELDS,
    change_plan_settings,
    change_version,
    save_crisis_plan,
    start_draft,
)
from .parts import PART_FIELDS, PART_MODELS, add_part, add_strategy_step, change_part, remove_part
from .progress import RATING_FIELDS, rate_progress

__all__ = [
    "CRISIS_FIELDS",
    "IN_EFFECT_CODE",
    "PART_FIELDS",
    "PART_MODELS",
    "RATING_FIELDS",
    "VERSION_FIELDS",
    "acknowledge_plan",
    "add_part",
    "add_strategy_step",
    "agree_to_plan",
    "change_part",
    "change_plan_settings",
    "change_version",
    "propose_plan",
    "rate_progress",
    "record_agreement",
    "remove_part",
    "save_crisis_plan",
    "start_draft",
]

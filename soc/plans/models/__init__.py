"""One plan per family: versions, their parts, the crisis plan, agreement and progress."""

from .agreement import Acknowledgement, Agreement, ProgressRating
from .crisis import CrisisLine, CrisisPlan
from .parts import Goal, Need, Strategy, StrategyStep, Strength
from .plan import Plan, PlanVersion

__all__ = [
    "Acknowledgement",
    "Agreement",
    "CrisisLine",
    "CrisisPlan",
    "Goal",
    "Need",
    "Plan",
    "PlanVersion",
    "ProgressRating",
    "Strategy",
    "StrategyStep",
    "Strength",
]

from .barriers import Barrier, BarrierStep
from .body import Collaborative
from .meetings import (
    ActionItem,
    AgendaItem,
    Attendance,
    GovMeeting,
    Minutes,
    MinutesAmendment,
    Motion,
    Vote,
)
from .recommendations import AgencyResponse, Milestone, Recommendation, RecommendationUpdate
from .seats import Office, Seat, SeatTerm, SeatType

__all__ = [
    "AgencyResponse",
    "Barrier",
    "BarrierStep",
    "Milestone",
    "Recommendation",
    "RecommendationUpdate",
    "ActionItem",
    "AgendaItem",
    "Attendance",
    "Collaborative",
    "GovMeeting",
    "Minutes",
    "MinutesAmendment",
    "Motion",
    "Office",
    "Seat",
    "SeatTerm",
    "SeatType",
    "Vote",
]

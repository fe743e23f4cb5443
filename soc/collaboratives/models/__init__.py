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
from .seats import Office, Seat, SeatTerm, SeatType

__all__ = [
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

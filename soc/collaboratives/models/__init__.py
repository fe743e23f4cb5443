from .body import Collaborative
from .seats import Office, Seat, SeatTerm, SeatType

__all__ = ["Collaborative", "Office", "Seat", "SeatTerm", "SeatType"]

"""Everything that changes a collaborative goes through one function here: validate, write, audit.

Pages and the API call the same functions. A refused change raises ValidationError (a clear
message, nothing saved) or PermissionDenied.
"""

from .bodies import add_seat, change_collaborative, create_collaborative, end_term, fill_seat

__all__ = ["add_seat", "change_collaborative", "create_collaborative", "end_term", "fill_seat"]

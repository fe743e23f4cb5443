"""Everything that changes a collaborative goes through one function here: validate, write, audit.

Pages and the API call the same functions. A refused change raises ValidationError (a clear
message, nothing saved) or PermissionDenied.
"""

from .barriers import decide_barrier, escalate_barrier, raise_barrier, record_barrier
from .bodies import add_seat, change_collaborative, create_collaborative, end_term, fill_seat
from .meetings import (
    accept_item,
    add_action_item,
    cancel_meeting,
    change_meeting,
    make_motion,
    record_votes,
    schedule_meeting,
    suggest_item,
    take_roll,
    update_action_item,
)
from .minutes import amend_minutes, approve_minutes, draft_minutes
from .recommendations import (
    add_milestone,
    complete_milestone,
    draft_recommendation,
    move_recommendation,
    post_update,
    respond,
)

__all__ = [
    "add_milestone",
    "complete_milestone",
    "decide_barrier",
    "draft_recommendation",
    "escalate_barrier",
    "move_recommendation",
    "post_update",
    "raise_barrier",
    "record_barrier",
    "respond",
    "accept_item",
    "add_action_item",
    "add_seat",
    "cancel_meeting",
    "change_meeting",
    "amend_minutes",
    "approve_minutes",
    "change_collaborative",
    "create_collaborative",
    "draft_minutes",
    "end_term",
    "fill_seat",
    "make_motion",
    "record_votes",
    "schedule_meeting",
    "suggest_item",
    "take_roll",
    "update_action_item",
]

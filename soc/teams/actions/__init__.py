"""Everything that changes a team goes through one function here: validate, write, audit, notify.

Pages and the API call these same functions, so both doors follow the same rules.
"""

from .invitations import accept_invitation, print_letter, resend_invitation
from .meetings import (
    MEETING_FIELDS,
    answer_meeting,
    cancel_meeting,
    change_meeting,
    convene_meeting,
    record_held_meeting,
    record_meeting,
)
from .members import (
    approve_member,
    ask_to_join,
    decline_member,
    invite_member,
    mark_required,
    propose_member,
    remove_member,
    withdraw_proposal,
)
from .next_steps import add_next_step, update_next_step
from .opening import add_family_person, open_family, start_team

__all__ = [
    "MEETING_FIELDS",
    "accept_invitation",
    "add_family_person",
    "add_next_step",
    "answer_meeting",
    "approve_member",
    "ask_to_join",
    "cancel_meeting",
    "change_meeting",
    "convene_meeting",
    "decline_member",
    "invite_member",
    "mark_required",
    "open_family",
    "print_letter",
    "propose_member",
    "record_held_meeting",
    "record_meeting",
    "remove_member",
    "resend_invitation",
    "start_team",
    "update_next_step",
    "withdraw_proposal",
]

"""Every audit action, named once: what kind of event it is and how it reads to the family.

`record()` refuses a name that is not here, so the log never holds a free-string action.
An action shown on the team's timeline has `timeline` wording ("Maria Rivera called a team
meeting"); a read shown on "Who has looked at our information" has `looked` wording.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    READ = "read"  # someone saw information
    CHANGE = "change"  # someone changed the record
    DISCLOSURE = "disclosure"  # protected records reached someone outside the family
    EMERGENCY = "emergency"  # break-glass access: asked for or opened
    REFUSAL = "refusal"  # something was refused: a guessed id, a consent with missing parts
    ACCOUNT = "account"  # sign-in and a person's own account settings
    SYSTEM = "system"  # work the platform did itself


class UnknownAction(LookupError):
    """An audit action that is not in the registry: add it to soc/audit/actions.py."""


@dataclass(frozen=True)
class Action:
    name: str
    kind: Kind
    timeline: str = ""
    looked: str = ""
    label: str = ""  # plain words for events outside a family (governance)

    @property
    def is_read(self):
        return self.kind == Kind.READ


REGISTRY: dict[str, Action] = {}
LOOKED_DEFAULT = _("Looked at your family's information")


def register(name, kind, *, timeline="", looked="", label=""):
    if name in REGISTRY:
        raise ValueError(f"Audit action {name!r} is registered twice.")
    REGISTRY[name] = Action(name, Kind(kind), timeline, looked, label)


def get(name):
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownAction(
            f"Unknown audit action {name!r}: add it to soc/audit/actions.py."
        ) from None


def looked_wording(name):
    """Plain words for a read on "Who has looked"; old or retired names get the general words."""
    action = REGISTRY.get(name)
    return (action.looked if action else "") or LOOKED_DEFAULT


def timeline_actions():
    return [a.name for a in REGISTRY.values() if a.timeline]


R, C = Kind.READ, Kind.CHANGE

GOVERNANCE_ACTIONS = {
    "collaborative.create": _("Set up a collaborative"),
    "collaborative.change": _("Changed a collaborative"),
    "seat.add": _("Added a seat"),
    "seat.fill": _("Put someone in a seat"),
    "seat.end_term": _("Ended a term in a seat"),
    "gov_meeting.schedule": _("Scheduled a collaborative meeting"),
    "gov_meeting.roll_call": _("Took the roll call"),
    "gov_meeting.change": _("Changed the time or place of a collaborative meeting"),
    "gov_meeting.cancel": _("Cancelled a collaborative meeting"),
    "agenda.suggest": _("Suggested an agenda item"),
    "agenda.accept": _("Put a suggested item on the agenda"),
    "motion.make": _("Recorded a motion"),
    "motion.vote": _("Recorded the votes on a motion"),
    "action_item.add": _("Added an action item"),
    "action_item.update": _("Updated an action item"),
    "minutes.draft": _("Drafted minutes"),
    "minutes.amend": _("Amended draft minutes"),
    "minutes.approve": _("Approved the minutes of a meeting"),
    "barrier.record": _("Recorded a barrier"),
    "barrier.escalate": _("Sent a barrier to the State Collaborative"),
    "barrier.decide": _("Decided on a barrier"),
    "recommendation.draft": _("Drafted a recommendation"),
    "recommendation.move": _("Changed a recommendation's status"),
    "recommendation.respond": _("Recorded an agency's response"),
    "recommendation.milestone": _("Added a milestone"),
    "recommendation.milestone_done": _("Marked a milestone done"),
    "recommendation.update": _("Posted an update on a recommendation"),
    "reporting.requirement_add": _("Added a reporting requirement"),
}
# Form pages of governance opened with a GET, and confidential items read with a seat.
GOVERNANCE_VIEWS = {
    "collaborative_new.view": _("Opened the form to set up a collaborative"),
    "collaborative_edit.view": _("Opened the form to change a collaborative"),
    "seat_add.view": _("Opened the form to add a seat"),
    "seat_fill.view": _("Opened the form to fill a seat"),
    "term_end.view": _("Opened the form to end a term"),
    "gov_meeting_new.view": _("Opened the form to schedule a collaborative meeting"),
    "agenda_suggest.view": _("Opened the form to suggest an agenda item"),
    "roll_call.view": _("Opened the roll call"),
    "motion_new.view": _("Opened the form to record a motion"),
    "motion_votes.view": _("Opened the form to record votes"),
    "action_item_add.view": _("Opened the form to add an action item"),
    "gov_meeting_edit.view": _("Opened the form to change a collaborative meeting"),
    "gov_meeting_cancel.view": _("Opened the form to cancel a collaborative meeting"),
    "minutes_edit.view": _("Opened the minutes to change them"),
    "minutes_approve.view": _("Opened the form to approve minutes"),
    "gov_meeting.confidential": _("Read a meeting's confidential items with a seat"),
    "barrier_new.view": _("Opened the form to record a barrier"),
    "barrier_escalate.view": _("Opened the form to send a barrier to the state"),
    "barrier_decide.view": _("Opened the form to decide on a barrier"),
    "recommendation_new.view": _("Opened the form to draft a recommendation"),
    "recommendation_move.view": _("Opened the form to change a recommendation's status"),
    "milestone_add.view": _("Opened the form to add a milestone"),
    "recommendation_update.view": _("Opened the form to post an update"),
    "agency_response.view": _("Opened the form for an agency's response"),
    "requirement_new.view": _("Opened the form to add a reporting requirement"),
    "reporting.annual_report_download": _("Downloaded an annual report draft"),
}

# Reads of a family's information.
register("family.view", R, looked=_("Opened the team page"))
register("family.export", R, looked=_("Downloaded a spreadsheet of meetings and next steps"))
register("family.duplicate_shown", R, looked=_("Was told your family may already be recorded"))
register("family.list", R)  # the home page and API list: no one family
register("meeting.view", R, looked=_("Opened a meeting"))
register("meeting.pdf", R, looked=_("Printed a meeting summary"))
register("meeting.download", R, looked=_("Downloaded a meeting invitation"))
register("meeting.list", R, looked=_("Looked at the list of meetings"))
register("member.list", R, looked=_("Looked at the list of team members"))
register("person.list", R, looked=_("Looked at the family's people"))
register("next_step.list", R, looked=_("Looked at the next steps"))
register("consent.list", R, looked=_("Looked at your consents"))
register("consent.view", R, looked=_("Opened a consent"))
register("consent.pdf", R, looked=_("Printed a consent"))
register("audit.view", R, looked=_("Looked at this list"))
register("search", R)
register("calendar_feed.view", R)
# Form pages opened with a GET: `families.access.family_for` names them "<url name>.view".
register("family_edit.view", R, looked=_("Opened the form to change the family's information"))
register("person_add.view", R, looked=_("Opened the form to add a person to the family"))
register("person_edit.view", R, looked=_("Opened the form to change a person's information"))
register("member_add.view", R, looked=_("Opened the form to add a team member"))
register("member_remove.view", R, looked=_("Opened the form to remove a team member"))
register("member_required.view", R, looked=_("Opened the form about a required team member"))
register("meeting_new.view", R, looked=_("Opened the form to call a meeting"))
register("meeting_edit.view", R, looked=_("Opened the form to change a meeting"))
register("meeting_cancel.view", R, looked=_("Opened the form to cancel a meeting"))
register("meeting_record.view", R, looked=_("Opened the form to write down what happened"))
register(
    "meeting_held_new.view",
    R,
    looked=_("Opened the form to record a meeting that already happened"),
)
register("consent_new.view", R, looked=_("Opened the form to give a consent"))
register("member_approved.view", R, looked=_("Opened the page about a new team member"))
register("member_letter.view", R, looked=_("Printed a letter to create an account"))
register("member_resend.view", R, looked=_("Opened the page to send an account link again"))
register("member_reminders.view", R, looked=_("Opened how a team member gets reminders"))

# The family's plan (soc/plans). Its pages' own views, by page name (consent.doors.family_for).
for _page in (
    "plan_start", "plan_history", "plan_settings", "plan_goal", "plan_strategy_step",
    "plan_version", "plan_pdf", "plan_edit", "plan_crisis_edit", "plan_propose", "plan_agree",
    "plan_acknowledge", "plan_part_add", "plan_part_edit", "plan_part_remove", "plan_review",
    "plan_record_agreement",
):  # fmt: skip
    register(f"{_page}.view", R, looked=_("Looked at the family's plan"))
for _part in ("strength", "need", "goal", "strategy"):  # soc.plans.actions.parts
    register(f"plan.{_part}_add", C, timeline=_("added to the draft plan"))
    register(f"plan.{_part}_change", C, timeline=_("changed the draft plan"))
    register(f"plan.{_part}_remove", C, timeline=_("took something out of the draft plan"))
register("plan.view", R, looked=_("Opened the family's plan"))
register("plan.history", R, looked=_("Looked at the plan's history"))
register("plan.pdf", R, looked=_("Printed the plan"))
register("plan.goal", R, looked=_("Looked at a goal's progress"))
register("plan.agree_page", R, looked=_("Opened the plan to agree to it"))
register("plan.part_form", R, looked=_("Opened a part of the plan to change it"))
register("plan.part_view", R, looked=_("Opened a part of the plan"))
register("plan.review", R, looked=_("Opened the plan review for a meeting"))
register("plan.api_view", R, looked=_("Looked at the plan"))
register("plan.api_list", R, looked=_("Looked at the plan's versions"))
register("plan.api_agreement", R, looked=_("Looked at who agreed to the plan"))
register("plan.api_ratings", R, looked=_("Looked at progress on the plan"))
register("plan.start", C, timeline=_("started the family's plan"))
register("plan.start_draft", C, timeline=_("started a new draft of the plan"))
register("plan.change", C, timeline=_("changed the draft plan"))
register("plan.crisis_plan", C, timeline=_("updated the crisis and safety plan"))
register("plan.settings", C, timeline=_("changed the plan's settings"))
register("plan.propose", C, timeline=_("sent the plan to the family to agree"))
register("plan.agree", C, timeline=_("agreed to the plan"))
register("plan.disagree", C, timeline=_("said what to change in the plan"))
# Given in person, on paper or by phone; the facilitator records it on the member's behalf.
register("plan.record_agreement", C, timeline=_("recorded a family member's agreement to the plan"))
register(
    "plan.record_disagreement",
    C,
    timeline=_("recorded what a family member would change in the plan"),
)
register("plan.in_effect", C, timeline=_("put the plan in effect: everyone in the family agreed"))
register("plan.acknowledge", C, timeline=_("acknowledged the plan"))
register("plan.rate_progress", C, timeline=_("noted progress on the plan"))
register("plan.rate_progress_again", C, timeline=_("changed a progress rating"))
register("plan.step_link", C, timeline=_("linked a next step to the plan"))
# A barrier raised from the team (soc.collaboratives): only the county and the words leave it.
register("barrier_raise.view", R, looked=_("Opened the form to raise a barrier"))
register("barrier.raise", C, timeline=_("raised a barrier with the local collaborative"))

# Referrals (soc/referrals): the team's pages, the provider's inbox and the API.
register("referral_new.view", R, looked=_("Looked for a service to refer the family to"))
register("referral_share.view", R, looked=_("Prepared a referral with what the family shares"))
register("referral.view", R, looked=_("Opened a referral"))
register("referral_received.view", R, looked=_("A provider opened what you agreed to share"))
register("referral_inbox.view", R)  # the provider's list: no one family
register("referral.api_list", R, looked=_("Looked at the family's referrals"))
register("referral.api_view", R, looked=_("Opened a referral"))
register("referral.api_received", R, looked=_("A provider opened what you agreed to share"))
register("referral.create", C, timeline=_("made a referral to a service"))
register("referral.change", C, timeline=_("updated a referral"))
register("referral.reopen", C, timeline=_("opened a referral again"))
register("referral.answer", C, timeline=_("said whether the referral helped"))
register("referral.unmet_need", C, timeline=_("noted a need no service can meet now"))
register("referral.overdue", Kind.SYSTEM)  # no answer in 2 business days: the maker is told
register("referral.escalated", Kind.SYSTEM)  # no answer in 14 business days
register("action_item.reminded", Kind.SYSTEM)  # the owner is told before the due date
register("action_item.overdue", Kind.SYSTEM)  # past the due date and still open

# "Connect with a family partner" (soc/family_partners): a family's request for help. Reads of
# its details are audited; once linked, the family sees them on "Who has looked".
register(
    "family_request.submit", C, label=_("A family asked to be connected with a family partner")
)
register("family_request_inbox.view", R, label=_("Looked at the family partner inbox"))
register("family_request.view", R, looked=_("A family partner opened your request for help"))
register("family_request.api_view", R, looked=_("A family partner opened your request for help"))
register("family_request.claim", C, label=_("Claimed a family's request for help"))
register("family_request.contact", C, label=_("Noted a try to reach a family"))
register("family_request.close", C, label=_("Closed a family's request for help"))
register(
    "family_request.consent", C, label=_("Recorded that the family agreed to link its request")
)
register("family_request.link", C, timeline=_("linked the family's request for help to its record"))
register("family_request.limited", Kind.REFUSAL)  # too many requests from one address
register("family_request.overdue", Kind.SYSTEM)  # nobody claimed it in 2 business days
register("family_request.erase", Kind.SYSTEM)  # contact details erased after the retention period

# Changes, in the team's timeline when they have timeline wording.
register("family.create", C, timeline=_("opened the family's record"))
register("family.update", C, timeline=_("updated the family's information"))
register("person.create", C, timeline=_("added a person to the family"))
register("person.update", C, timeline=_("updated a person's information"))
register("team.start", C, timeline=_("started the team"))
register("member.invite", C, timeline=_("added someone to the team"))
register("member.propose", C, timeline=_("suggested someone for the team"))
register("member.ask_to_join", C, timeline=_("asked to join the team"))
register("member.approve", C, timeline=_("approved a new team member"))
register("member.decline", C, timeline=_("did not approve a suggested member"))
register("member.withdraw", C, timeline=_("withdrew a suggestion"))
register("member.remove", C, timeline=_("removed someone from the team"))
register("member.required", C, timeline=_("marked a member as required by their agency"))
register(
    "member.not_required",
    C,
    timeline=_("marked a member as no longer required by their agency"),
)
register("member.accept_invitation", C, timeline=_("accepted an invitation to the team"))
register("member.invitation_resend", C, timeline=_("sent a link to create an account again"))
register("member.invitation_letter", C, timeline=_("printed a letter to create an account"))
register("member.join_as_family", C, timeline=_("created their account and joined the team"))
register("invitation.code_failed", Kind.REFUSAL)
register("member.texts_opt_in", C, timeline=_("chose to get text messages"))
register("member.texts_opt_out", C, timeline=_("stopped text messages"))
register("member.email_reminders", C, timeline=_("changed e-mail reminders"))
register("meeting.convene", C, timeline=_("called a team meeting"))
register("meeting.change", C, timeline=_("changed a team meeting"))
register("meeting.cancel", C, timeline=_("cancelled a team meeting"))
register("meeting.record", C, timeline=_("recorded what happened at a meeting"))
register("meeting.answer", C)  # coming or not: the meeting page shows it, not the timeline
register("next_step.create", C, timeline=_("added a next step"))
register("next_step.update", C, timeline=_("updated a next step"))
register("consent.give", C)
register("consent.revoke", C)

# Governance (soc.collaboratives): no family on these events, only the body's own objects.
for _name, _label in GOVERNANCE_ACTIONS.items():
    register(_name, C, label=_label)
for _name, _label in GOVERNANCE_VIEWS.items():
    register(_name, R, label=_label)

# Trainings and events (soc.trainings): registrants' details are read by organizers only.
TRAINING_ACTIONS = {
    "training.create": (C, _("Offered a training")),
    "training.change": (C, _("Changed a training")),
    "training.cofacilitator_add": (C, _("Added a co-facilitator to a training")),
    "training.cofacilitator_remove": (C, _("Took a co-facilitator off a training")),
    "training.register": (C, _("Registered for a training")),
    "training.cancel_registration": (C, _("Cancelled a registration for a training")),
    "training.waitlist_promote": (C, _("Gave a place at a training to the first on the waitlist")),
    "training.attendance": (C, _("Recorded who came to a training")),
    "training_registrants.view": (R, _("Looked at the people registered for a training")),
    "training_attendance.view": (R, _("Opened the form to record who came to a training")),
    "training.api_registrants": (R, _("Looked at the people registered for a training")),
    "training_new.view": (R, _("Opened the form to offer a training")),
    "training_edit.view": (R, _("Opened the form to change a training")),
    "training_cofacilitator.view": (R, _("Opened the form to add a co-facilitator")),
}
for _name, (_kind, _label) in TRAINING_ACTIONS.items():
    register(_name, _kind, label=_label)

register("disclosure", Kind.DISCLOSURE)
register("emergency.form", Kind.EMERGENCY)
register("emergency.open", Kind.EMERGENCY)
register("access.denied", Kind.REFUSAL)
register("consent.refused", Kind.REFUSAL)
register("account.sign_in", Kind.ACCOUNT)
register("account.unlock", Kind.ACCOUNT)  # an administrator unlocked a locked-out sign-in
register("account.mfa_setup", Kind.ACCOUNT)
register("account.mfa_verify", Kind.ACCOUNT)
register("api_token.create", Kind.ACCOUNT)
register("api_token.revoke", Kind.ACCOUNT)
register("calendar_feed.create", Kind.ACCOUNT)
register("calendar_feed.revoke", Kind.ACCOUNT)
register("demo.seed", Kind.SYSTEM)
# The resource directory (soc/directory/actions.py): never about a family.
register("directory.service_capacity", Kind.CHANGE)
register("directory.service_verify", Kind.CHANGE)
register("directory.service_details", Kind.CHANGE)
register("directory.imported", Kind.SYSTEM)

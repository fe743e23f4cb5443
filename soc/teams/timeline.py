"""The team's timeline, read from the audit trail: what happened, in plain words."""

from django.utils.translation import gettext_lazy as _

from soc.audit.models import AuditEvent

LABELS = {
    "family.create": _("opened the family's record"),
    "family.update": _("updated the family's information"),
    "person.create": _("added a person to the family"),
    "person.update": _("updated a person's information"),
    "team.start": _("started the team"),
    "member.invite": _("added someone to the team"),
    "member.propose": _("suggested someone for the team"),
    "member.ask_to_join": _("asked to join the team"),
    "member.approve": _("approved a new team member"),
    "member.decline": _("did not approve a suggested member"),
    "member.withdraw": _("withdrew a suggestion"),
    "member.remove": _("removed someone from the team"),
    "member.required": _("marked a member as required by their agency"),
    "member.not_required": _("marked a member as no longer required by their agency"),
    "member.accept_invitation": _("accepted an invitation to the team"),
    "meeting.convene": _("called a team meeting"),
    "meeting.change": _("changed a team meeting"),
    "meeting.cancel": _("cancelled a team meeting"),
    "meeting.record": _("recorded what happened at a meeting"),
    "next_step.create": _("added a next step"),
    "next_step.update": _("updated a next step"),
    # The plan (soc/plans records these; the timeline only names them).
    "plan.start_draft": _("started a new draft of the plan"),
    "plan.propose": _("sent the plan to the family to agree"),
    "plan.agree": _("agreed to the plan"),
    "plan.disagree": _("said what to change in the plan"),
    "plan.in_effect": _("put the plan in effect: everyone in the family agreed"),
    "plan.rate_progress": _("noted progress on the plan"),
}


def recent(family_id, limit=15):
    events = (
        AuditEvent.objects.for_family(family_id)
        .filter(action__in=list(LABELS))
        .order_by("-id")
        .only("at", "actor_name", "actor_organization", "action")[:limit]
    )
    return [{"at": e.at, "who": e.actor_name, "what": LABELS[e.action]} for e in events]

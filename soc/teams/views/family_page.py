from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from soc.consent import policy
from soc.consent.disclosures import PART2_NOTICE, disclose, needs_part2_notice
from soc.consent.doors import family_for

from .. import timeline
from ..models import Meeting, NextStep

PAGE_ACTIONS = (
    "edit_family",
    "edit_people",
    "invite_member",
    "propose_member",
    "decide_proposal",
    "convene_meeting",
    "see_who_looked",
    "see_who_has_no_account",
    "see_consents",
)
MEMBER_ACTIONS = {
    "remove": "offer_removal",
    "leave": "offer_leaving",
    "mark_required": "offer_marking_required",
    "withdraw": "offer_withdrawal",
    "reminders": "choose_reminders",
}


def offers_for_member(user, member):
    return {name: policy.can(user, action, member) for name, action in MEMBER_ACTIONS.items()}


def open_steps_for(user, family, *, meeting=None):
    """The open next steps this user may read, each with whether they may mark it done."""
    steps = NextStep.objects.visible_to(user, family=family).select_related("responsible", "team")
    steps = steps.filter(meeting=meeting) if meeting is not None else steps.open()[:50]
    steps = list(steps)
    for step in steps:
        step.can_update = policy.can(user, "update_next_step", step)
    return steps


@login_required
def family(request, family_id):
    """The team page: members, meetings, next steps and what happened lately."""
    user = request.user
    family = family_for(request, family_id, audit="family.view")
    me = policy.membership_for(user, family.pk)
    team = family.team
    members = list(
        team.memberships.current()
        .select_related("organization", "team")
        .order_by("status", "role", "name")
    )
    for member in members:
        member.offers = offers_for_member(user, member)
    now = timezone.now()
    meetings = team.meetings.all()
    next_steps = open_steps_for(user, family)
    disclose(user, next_steps, door="page", request=request)
    context = {
        "family": family,
        "team": team,
        "is_family": me is not None and me.is_family,
        "emergency": me is None,
        "people": list(family.people.all()),
        "active_members": [m for m in members if m.is_active],
        "proposed_members": [m for m in members if m.is_proposed],
        "upcoming": list(
            meetings.filter(status=Meeting.Status.SCHEDULED, ends_at__gte=now).order_by(
                "starts_at"
            )[:10]
        ),
        "past": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")[:10]),
        "next_steps": next_steps,
        "part2_notice": PART2_NOTICE if needs_part2_notice(next_steps) else None,
        "timeline": timeline.recent(family.pk),
        "can": policy.flags(user, family, PAGE_ACTIONS),
    }
    return render(request, "teams/family.html", context)

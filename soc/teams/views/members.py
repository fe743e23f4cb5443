from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.consent import policy
from soc.consent.doors import family_for, require
from soc.form_pages import run_and_return, submit

from .. import actions
from ..forms import (
    DecisionForm,
    MemberForm,
    RequiredForm,
)
from ..models import Membership


def _member(family, member_id):
    return get_object_or_404(family.team.memberships.select_related("team"), pk=member_id)


@login_required
def member_add(request, family_id):
    """Caregivers invite directly; everyone else proposes, and a caregiver decides."""
    family = family_for(request, family_id)
    invite = family.can(request.user, "invite_member")
    if not invite and not family.can(request.user, "propose_member"):
        raise PermissionDenied
    act = actions.invite_member if invite else actions.propose_member
    return submit(
        request,
        "teams/member_form.html",
        {"family": family, "invite": invite},
        MemberForm(
            request.POST or None, family_roles=(Membership.Role.CAREGIVER,) if invite else ()
        ),
        lambda data: act(request.user, family.team, dict(data), request=request),
        success=_("They are now on your team. We will let them know.")
        if invite
        else _("Your suggestion was sent. They join when a caregiver approves."),
        done=family,
    )


def _one_click(request, family, form, act, success):
    """A yes/no button on the team page: the form carries the version the person saw."""
    if not form.is_valid():
        messages.error(request, _("Please try again from the team page."))
        return redirect(family)
    return run_and_return(request, family, lambda: act(form.cleaned_data), success)


@login_required
@require_POST
def member_approve(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "decide_proposal")
    return _one_click(
        request,
        family,
        DecisionForm(request.POST),
        lambda data: actions.approve_member(
            request.user, member, data.get("version"), request=request
        ),
        _("%(name)s is now on your team.") % {"name": member.name},
    )


@login_required
@require_POST
def member_decline(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "decide_proposal")
    return _one_click(
        request,
        family,
        DecisionForm(request.POST),
        lambda data: actions.decline_member(
            request.user,
            member,
            data.get("version"),
            reason=data.get("reason", ""),
            request=request,
        ),
        _("You said no. %(name)s will not join the team.") % {"name": member.name},
    )


@login_required
@require_POST
def member_withdraw(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    if not policy.can(request.user, "withdraw_proposal", member):
        raise PermissionDenied
    return _one_click(
        request,
        family,
        DecisionForm(request.POST),
        lambda data: actions.withdraw_proposal(
            request.user, member, data.get("version"), request=request
        ),
        _("The suggestion was withdrawn."),
    )


@login_required
def member_remove(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    if not policy.can(request.user, "remove_member", member):
        raise PermissionDenied
    return submit(
        request,
        "teams/member_remove.html",
        {"family": family, "member": member},
        DecisionForm(request.POST or None, initial={"version": member.version}),
        lambda data: actions.remove_member(
            request.user, member, data["version"], data["reason"], request=request
        ),
        success=_("%(name)s is no longer on the team.") % {"name": member.name},
        done=family,
    )


@login_required
def member_required(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "mark_required")
    initial = {
        "version": member.version,
        "required": member.required_by_agency,
        "required_reason": member.required_reason,
    }
    return submit(
        request,
        "teams/member_required.html",
        {"family": family, "member": member},
        RequiredForm(request.POST or None, initial=initial),
        lambda data: actions.mark_required(
            request.user,
            member,
            required=data["required"],
            reason=data["required_reason"],
            version=data["version"],
            request=request,
        ),
        success=_("Saved."),
        done=family,
    )

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.consent import policy
from soc.consent.doors import family_for, require
from soc.form_pages import run_and_return, submit

from .. import actions, letters
from ..actions.invitations import may_print_letter, may_send_invitations
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
            request.POST or None,
            family_roles=(Membership.Role.CAREGIVER,) if invite else (),
            family=family,
            proposing=not invite,
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
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please try again from the team page."))
        return redirect(family)
    try:
        actions.approve_member(
            request.user, member, form.cleaned_data.get("version"), request=request
        )
    except ValidationError as error:  # a StaleVersion is one too: its message says what changed
        messages.error(request, " ".join(error.messages))
        return redirect(family)
    messages.success(request, _("%(name)s is now on your team.") % {"name": member.name})
    # Right after saying yes is when a family thinks about what this person should see.
    return redirect("member_approved", family.pk, member.pk)


@login_required
def member_approved(request, family_id, member_id):
    """After approving: what the new member sees now, and the way to the sharing settings."""
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "decide_proposal")
    if not member.is_active:
        return redirect(family)
    return render(
        request,
        "teams/member_approved.html",
        {"family": family, "member": member, "can_share": family.can(request.user, "see_consents")},
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
    last_facilitator = (
        member.role == Membership.Role.FACILITATOR
        and not family.team.memberships.active()
        .filter(role=Membership.Role.FACILITATOR)
        .exclude(pk=member.pk)
        .exists()
    )
    return submit(
        request,
        "teams/member_remove.html",
        {
            "family": family,
            "member": member,
            "is_facilitator": member.role == Membership.Role.FACILITATOR,
            "last_facilitator": last_facilitator,
        },
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


@login_required
@require_POST
def member_resend(request, family_id, member_id):
    """Send the e-mail with the account link again; the link sent before stops working."""
    family = family_for(request, family_id)
    member = _member(family, member_id)
    if not may_send_invitations(request.user, member):
        raise PermissionDenied
    return run_and_return(
        request,
        family,
        lambda: actions.resend_invitation(request.user, member, request=request),
        _("We sent %(name)s a new link. The link sent before no longer works.")
        % {"name": member.name},
    )


@login_required
@require_POST
def member_letter(request, family_id, member_id):
    """A printable letter with a new code (a POST: printing replaces the code given before)."""
    family = family_for(request, family_id)
    member = _member(family, member_id)
    if not may_print_letter(request.user, member):
        raise PermissionDenied
    try:
        invitation, code = actions.print_letter(request.user, member, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(family)
    response = HttpResponse(
        letters.invitation_letter_pdf(invitation, code), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'inline; filename="letter.pdf"'
    response["Cache-Control"] = "no-store"  # it holds a code that opens an account
    return response


def invitation_offers(user, members):
    """What the team page offers for each member without an account: send the link again,
    print a letter. Reads each member's latest invitation in one query."""
    from ..models import Invitation

    waiting = {m.pk for m in members if m.is_active and not m.has_account}
    latest = {}
    for invitation in Invitation.objects.filter(membership_id__in=waiting).order_by(
        "sent_at", "id"
    ):
        latest[invitation.membership_id] = invitation
    for member in members:
        member.last_invitation = latest.get(member.pk)
        member.offers["resend"] = (
            member.pk in waiting and bool(member.email) and may_send_invitations(user, member)
        )
        member.offers["letter"] = member.pk in waiting and may_print_letter(user, member)

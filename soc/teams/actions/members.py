"""Everything that changes a team goes through one function here: validate, write, audit, notify.

Pages and the API call these same functions, so both doors follow the same rules.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.consent.policy import forget_access
from soc.versioning import lock_for_edit, save_new_version

from .. import notifications
from ..models import Membership

Status = Membership.Status
Role = Membership.Role


def _clean_member_fields(team, fields, family_roles=()):
    """Check a new member's details. `family_roles` lists the family roles this door may give:
    staff never make someone "family" (that would open every protected record)."""
    errors = {}
    name = (fields.get("name") or "").strip()
    if not name and not fields.get("user"):
        errors["name"] = _("Please give the person's name.")
    email = (fields.get("email") or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Please enter a valid e-mail address, like name@example.org.")
    role = fields.get("role")
    if (
        role not in Role.values
        or role == Role.FACILITATOR
        or (role in Membership.FAMILY_ROLES and role not in family_roles)
    ):
        errors["role"] = _("Please choose a role.")
    if (
        role == Role.NATURAL_SUPPORT
        and fields.get("support_kind") not in Membership.SupportKind.values
    ):
        errors["support_kind"] = _("Please say how this person supports the family.")
    if errors:
        raise ValidationError(errors)
    user = fields.get("user")
    joining_myself = user is not None
    if user is None and email:
        from soc.accounts.models import User

        user = User.objects.filter(email__iexact=email, is_active=True).first()
    current = team.memberships.current()
    if (user is not None and current.filter(user=user).exists()) or (
        email and current.filter(email__iexact=email).exists()
    ):
        raise ValidationError(
            {"email": _("This person is already on the team or waiting for approval.")}
        )
    # An account found by e-mail is linked, but its details are never copied out to the
    # proposer: only the person's own request to join fills them in.
    account = user if joining_myself else None
    return {
        "role": role,
        "support_kind": fields.get("support_kind") or "",
        "name": name or (account.full_name if account else ""),
        "email": email or (account.email if account else ""),
        "phone": (fields.get("phone") or "").strip() or (account.phone if account else ""),
        "language": fields.get("language") or (account.language if account else "en"),
        "organization": fields.get("organization") or (account.organization if account else None),
        "why": (fields.get("why") or "").strip(),
        "user": user,
    }


def _add_membership(**fields):
    """Create a membership; two identical requests at once get a clear message, not a 500."""
    try:
        with transaction.atomic():
            return Membership.objects.create(**fields)
    except IntegrityError:
        raise ValidationError(
            {"email": _("This person is already on the team or waiting for approval.")}
        ) from None


@transaction.atomic
def invite_member(user, team, fields, request=None):
    """A caregiver adds someone to the team directly."""
    policy.require(user, "invite_member", team)
    cleaned = _clean_member_fields(team, fields, family_roles=(Role.CAREGIVER,))
    member = _add_membership(
        team=team,
        status=Status.ACTIVE,
        proposed_by=user,
        decided_by=user,
        decided_at=timezone.now(),
        **cleaned,
    )
    record(user, "member.invite", member, family_id=team.family_id, request=request)
    notifications.welcome_member(member)
    return member


@transaction.atomic
def propose_member(user, team, fields, request=None):
    """Staff propose someone; they join only when a caregiver approves."""
    policy.require(user, "propose_member", team)
    cleaned = _clean_member_fields(team, fields)
    if not cleaned["why"]:
        # The caregiver decides on this: she needs to know why this person would help.
        raise ValidationError(
            {"why": _("Please say why this person would help the family.")}, code="required"
        )
    member = _add_membership(team=team, status=Status.PROPOSED, proposed_by=user, **cleaned)
    record(user, "member.propose", member, family_id=team.family_id, request=request)
    notifications.proposal_waiting(member)
    return member


def _decide(user, member, version, new_status, action, reason="", request=None):
    member = lock_for_edit(Membership.objects.select_related("team"), member.pk, version)
    if member.status != Status.PROPOSED:
        raise ValidationError(
            _("This proposal is no longer waiting: it was %(status)s.")
            % {"status": member.get_status_display().lower()},
            code="not_pending",
        )
    member.status = new_status
    member.decided_by = user
    member.decided_at = timezone.now()
    member.ended_reason = reason
    save_new_version(member, ["status", "decided_by", "decided_at", "ended_reason"])
    record(user, action, member, family_id=member.team.family_id, request=request, reason=reason)
    if member.user_id:
        forget_access(member.user)
    return member


@transaction.atomic
def approve_member(user, member, version=None, request=None):
    policy.require(user, "decide_proposal", member.team)
    member = _decide(user, member, version, Status.ACTIVE, "member.approve", request=request)
    notifications.welcome_member(member)
    return member


@transaction.atomic
def decline_member(user, member, version=None, reason="", request=None):
    policy.require(user, "decide_proposal", member.team)
    return _decide(user, member, version, Status.DECLINED, "member.decline", reason, request)


@transaction.atomic
def withdraw_proposal(user, member, version=None, request=None):
    policy.require(user, "withdraw_proposal", member)
    return _decide(user, member, version, Status.WITHDRAWN, "member.withdraw", request=request)


@transaction.atomic
def remove_member(user, member, version=None, reason="", request=None):
    """The family removes a member (or a member leaves), unless an agency must keep them on."""
    policy.require(user, "remove_member", member)
    member = lock_for_edit(Membership.objects.select_related("team"), member.pk, version)
    if member.status != Status.ACTIVE:
        raise ValidationError(_("This person is not on the team."), code="not_active")
    if member.required_by_agency:
        raise ValidationError(
            _("This person must stay on the team: %(reason)s") % {"reason": member.required_reason},
            code="required_by_agency",
        )
    if (
        member.role == Role.FACILITATOR
        and not member.team.memberships.active()
        .filter(role=Role.FACILITATOR)
        .exclude(pk=member.pk)
        .exists()
    ):
        raise ValidationError(
            _("The team needs a facilitator. Add another facilitator before removing this one."),
            code="last_facilitator",
        )
    if (
        member.role == Role.CAREGIVER
        and not member.team.memberships.active()
        .filter(role=Role.CAREGIVER)
        .exclude(pk=member.pk)
        .exists()
    ):
        raise ValidationError(_("The team needs at least one caregiver."), code="last_caregiver")
    member.status = Status.REMOVED
    member.decided_by = user
    member.decided_at = timezone.now()
    member.ended_reason = reason
    save_new_version(member, ["status", "decided_by", "decided_at", "ended_reason"])
    record(
        user,
        "member.remove",
        member,
        family_id=member.team.family_id,
        request=request,
        reason=reason,
    )
    if member.user_id:
        forget_access(member.user)
    return member


@transaction.atomic
def mark_required(user, member, *, required, reason="", version=None, request=None):
    """An agency marks one of its own people as required on the team, with a reason the family reads."""
    policy.require(user, "mark_required", member)
    member = lock_for_edit(Membership.objects.select_related("team"), member.pk, version)
    if member.organization_id is None or member.organization_id != user.organization_id:
        raise PermissionDenied
    if required and not reason.strip():
        raise ValidationError(
            {"required_reason": _("Please explain, in words the family will understand, why.")}
        )
    member.required_by_agency = required
    member.required_reason = reason.strip() if required else ""
    save_new_version(member, ["required_by_agency", "required_reason"])
    record(
        user,
        "member.required" if required else "member.not_required",
        member,
        family_id=member.team.family_id,
        request=request,
        reason=reason,
    )
    return member


@transaction.atomic
def ask_to_join(user, family, request=None, role=Role.AGENCY):
    """A staff member who was just shown this family as a possible duplicate asks to be added
    (as an agency professional, or as a family partner answering the family's request).

    Only a family shown to this user as a duplicate in the last hour can be asked, so the
    request cannot be used to probe which families exist.
    """
    policy.require(user, "ask_to_join", family)
    if role not in (Role.AGENCY, Role.FAMILY_PARTNER):
        raise ValidationError({"role": _("Please choose a role.")})
    team = family.team
    cleaned = _clean_member_fields(team, {"role": role, "user": user, "email": user.email})
    member = _add_membership(team=team, status=Status.PROPOSED, proposed_by=user, **cleaned)
    record(user, "member.ask_to_join", member, family_id=family.pk, request=request)
    notifications.proposal_waiting(member)
    return member

"""Getting people in: invitations by e-mail, sending them again, printed letters with a code,
and joining the team from either one.

Who may send or print: the facilitator, and a caregiver for the people on her family's team.
The policy has no rule of its own for this yet, so the action checks the policy's predicates.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.audit.models import AuditEvent
from soc.consent import policy
from soc.consent.policy import forget_access

from .. import notifications
from ..models import Invitation, Membership

Status = Membership.Status

LETTER_DAYS = 30  # a letter goes by hand or by post: give it longer than an e-mail
CODE_FAILED = "invitation.code_failed"


def may_send_invitations(user, member):
    """The facilitator, or a caregiver, of the member's team."""
    return policy.is_facilitator(user, member) or policy.is_caregiver(user, member)


def may_print_letter(user, member):
    """Letters carry a code that opens an account on the team: staff print them, at the desk."""
    return policy.is_facilitator(user, member)


def _require_waiting_for_an_account(member):
    if member.status != Status.ACTIVE:
        raise ValidationError(_("Only people on the team can be invited."), code="not_active")
    if member.user_id is not None:
        raise ValidationError(_("This person already has an account."), code="has_account")


@transaction.atomic
def resend_invitation(user, member, request=None):
    """E-mail a new link; the one sent before stops working."""
    if not may_send_invitations(user, member):
        raise PermissionDenied
    member = Membership.objects.select_for_update().select_related("team").get(pk=member.pk)
    _require_waiting_for_an_account(member)
    if not member.email:
        raise ValidationError(
            {"email": _("This person has no e-mail address. Print a letter instead.")}
        )
    revoked = (
        Invitation.objects.filter(membership=member).usable().update(revoked_at=timezone.now())
    )
    record(
        user,
        "member.invitation_resend",
        member,
        family_id=member.team.family_id,
        request=request,
        detail={"replaced": revoked},
    )
    notifications.send_account_invitation(member, sent_by=user)
    return member


@transaction.atomic
def print_letter(user, member, request=None):
    """Issue a letter code (replacing any open invitation) and return (invitation, code).

    The code is shown once, on the letter; only its hash is kept."""
    if not may_print_letter(user, member):
        raise PermissionDenied
    member = Membership.objects.select_for_update().select_related("team").get(pk=member.pk)
    _require_waiting_for_an_account(member)
    invitation, code = Invitation.issue(
        member, days=LETTER_DAYS, kind=Invitation.Kind.LETTER, sent_by=user
    )
    record(
        user, "member.invitation_letter", member, family_id=member.team.family_id, request=request
    )
    return invitation, code


def code_attempts_left(request, limit, window):
    """Failed codes from this address in the window, counted from the audit log (shared by
    every app server), so guessing is slowed without a per-process counter."""
    from soc.audit.log import client_address

    address = client_address(request)
    failures = AuditEvent.objects.filter(
        action=CODE_FAILED, ip_address=address, at__gte=timezone.now() - window
    ).count()
    return max(limit - failures, 0)


def find_by_code(typed, request):
    """The letter's invitation, or None; a miss is audited (with no trace of what was typed)."""
    invitation = Invitation.find_by_code(typed)
    if invitation is None:
        record(None, CODE_FAILED, None, request=request)
    return invitation


@transaction.atomic
def accept_invitation(invitation, user, request=None):
    """Link the invited member to the account they just created or signed in with."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    member = invitation.membership
    if (
        member.status not in (Status.ACTIVE, Status.PROPOSED)
        or invitation.accepted_at is not None
        or invitation.revoked_at is not None
    ):
        raise ValidationError(_("This invitation is no longer valid."), code="invalid_invitation")
    if member.team.memberships.current().filter(user=user).exclude(pk=member.pk).exists():
        raise ValidationError(_("You are already on this team."), code="duplicate")
    member.user = user
    fields = ["user"]
    if not member.email:  # a letter reached her: her new sign-in is now how the team reaches her
        member.email = user.email
        fields.append("email")
    member.save(update_fields=fields)
    if member.person_id:
        person = member.person
        person.user = user
        person.email = person.email or user.email
        person.save(update_fields=["user", "email"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record(
        user,
        "member.accept_invitation",
        member,
        family_id=member.team.family_id,
        request=request,
        detail={"kind": invitation.kind},
    )
    forget_access(user)
    return member

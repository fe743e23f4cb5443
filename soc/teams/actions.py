"""Everything that changes a team goes through one function here: validate, write, audit, notify.

Pages and the API call these same functions, so both doors follow the same rules.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent.categories import DataCategory
from soc.consent.policy import forget_memberships
from soc.versioning import lock_for_content_edit, lock_for_edit, save_new_version

from . import notifications
from .models import Attendance, Meeting, Membership, NextStep, Team

Status = Membership.Status
Role = Membership.Role


def _check(user, action, obj):
    from soc.consent.policy import can

    if not can(user, action, obj):
        raise PermissionDenied


def start_team(user, family, request=None):
    """Start the family's team; whoever starts it becomes its facilitator."""
    team = Team.objects.create(family=family, started_by=user)
    Membership.objects.create(
        team=team,
        role=Role.FACILITATOR,
        status=Status.ACTIVE,
        user=user,
        name=user.full_name,
        email=user.email,
        phone=user.phone,
        organization=user.organization,
        language=user.language,
        proposed_by=user,
        decided_by=user,
        decided_at=timezone.now(),
    )
    for person in family.people.all():
        if person.role == person.Role.CAREGIVER or (person.role == person.Role.YOUTH):
            Membership.objects.create(
                team=team,
                role=Role.CAREGIVER if person.role == person.Role.CAREGIVER else Role.YOUTH,
                status=Status.ACTIVE,
                person=person,
                user=person.user,
                name=person.full_name,
                email=person.email,
                phone=person.phone,
                language=person.preferred_language,
                proposed_by=user,
                decided_by=user,
                decided_at=timezone.now(),
            )
    record(user, "team.start", team, family_id=family.pk, request=request)
    forget_memberships(user)
    return team


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
    _check(user, "invite_member", team)
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
    _check(user, "propose_member", team)
    cleaned = _clean_member_fields(team, fields)
    member = _add_membership(team=team, status=Status.PROPOSED, proposed_by=user, **cleaned)
    record(user, "member.propose", member, family_id=team.family_id, request=request)
    notifications.proposal_waiting(member)
    return member


@transaction.atomic
def ask_to_join(user, family, request=None):
    """A staff member who was just shown this family as a possible duplicate asks to be added.

    Only a family shown to this user as a duplicate in the last hour can be asked, so the
    request cannot be used to probe which families exist.
    """
    from soc.audit.models import AuditEvent

    recently_shown = AuditEvent.objects.filter(
        actor=user,
        action="family.duplicate_shown",
        family_id=family.pk,
        at__gte=timezone.now() - timezone.timedelta(hours=1),
    )
    if not user.is_authenticated or not user.is_agency_staff or not recently_shown.exists():
        raise PermissionDenied
    team = family.team
    cleaned = _clean_member_fields(team, {"role": Role.AGENCY, "user": user, "email": user.email})
    member = _add_membership(team=team, status=Status.PROPOSED, proposed_by=user, **cleaned)
    record(user, "member.ask_to_join", member, family_id=family.pk, request=request)
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
        forget_memberships(member.user)
    return member


@transaction.atomic
def approve_member(user, member, version=None, request=None):
    _check(user, "decide_proposal", member.team)
    member = _decide(user, member, version, Status.ACTIVE, "member.approve", request=request)
    notifications.welcome_member(member)
    return member


@transaction.atomic
def decline_member(user, member, version=None, reason="", request=None):
    _check(user, "decide_proposal", member.team)
    return _decide(user, member, version, Status.DECLINED, "member.decline", reason, request)


@transaction.atomic
def withdraw_proposal(user, member, version=None, request=None):
    _check(user, "withdraw_proposal", member.team)
    if member.proposed_by_id != user.pk and not member.team.family.can(user, "record_meeting"):
        raise PermissionDenied
    return _decide(user, member, version, Status.WITHDRAWN, "member.withdraw", request=request)


@transaction.atomic
def remove_member(user, member, version=None, reason="", request=None):
    """The family removes a member (or a member leaves), unless an agency must keep them on."""
    _check(user, "remove_member", member)
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
        forget_memberships(member.user)
    return member


@transaction.atomic
def mark_required(user, member, *, required, reason="", version=None, request=None):
    """An agency marks one of its own people as required on the team, with a reason the family reads."""
    _check(user, "mark_required", member)
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
def accept_invitation(invitation, user, request=None):
    """Link the invited member to the account they just created or signed in with."""
    member = invitation.membership
    if member.status not in (Status.ACTIVE, Status.PROPOSED):
        raise ValidationError(_("This invitation is no longer valid."), code="invalid_invitation")
    if member.team.memberships.current().filter(user=user).exclude(pk=member.pk).exists():
        raise ValidationError(_("You are already on this team."), code="duplicate")
    member.user = user
    member.save(update_fields=["user"])
    if member.person_id:
        member.person.user = user
        member.person.save(update_fields=["user"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record(
        user, "member.accept_invitation", member, family_id=member.team.family_id, request=request
    )
    forget_memberships(user)
    return member


# Meetings

MEETING_FIELDS = ["reason", "reason_other", "starts_at", "ends_at", "place", "video_link", "agenda"]


def _validate_meeting(meeting, *, new_time=True):
    """`new_time` is False when a change leaves the time alone: a meeting that has started
    can still get its place or agenda corrected."""
    errors = {}
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        errors["ends_at"] = _("The meeting must end after it starts.")
    if new_time and meeting.starts_at and meeting.starts_at < timezone.now():
        errors["starts_at"] = _("The meeting cannot start in the past.")
    if meeting.reason == Meeting.Reason.OTHER and not meeting.reason_other.strip():
        errors["reason_other"] = _("Please say why the team is meeting.")
    if errors:
        raise ValidationError(errors)
    meeting.full_clean(exclude=["team", "called_by", "notes_by"])


@transaction.atomic
def convene_meeting(user, team, fields, request=None):
    """Any member, the family included, can call the team together."""
    _check(user, "convene_meeting", team)
    meeting = Meeting(
        team=team, called_by=user, **{k: v for k, v in fields.items() if k in MEETING_FIELDS}
    )
    _validate_meeting(meeting)
    meeting.save()
    record(user, "meeting.convene", meeting, family_id=team.family_id, request=request)
    notifications.send_meeting_invitations(meeting)
    return meeting


@transaction.atomic
def change_meeting(user, meeting, *, version, changes, request=None):
    _check(user, "change_meeting", meeting)
    meeting = lock_for_content_edit(Meeting.objects.select_related("team"), meeting.pk, version)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled."), code="cancelled")
    changed = []
    for field, value in changes.items():
        if field not in MEETING_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if getattr(meeting, field) != value:
            setattr(meeting, field, value)
            changed.append(field)
    if not changed:
        return meeting
    _validate_meeting(meeting, new_time="starts_at" in changed or "ends_at" in changed)
    meeting.sequence += 1
    save_new_version(meeting, [*changed, "sequence"])
    record(
        user,
        "meeting.change",
        meeting,
        family_id=meeting.team.family_id,
        request=request,
        detail={"fields": changed},
    )
    notifications.send_meeting_invitations(meeting)
    return meeting


@transaction.atomic
def cancel_meeting(user, meeting, *, version=None, reason="", request=None):
    _check(user, "change_meeting", meeting)
    meeting = lock_for_edit(Meeting.objects.select_related("team"), meeting.pk, version)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was already cancelled."), code="cancelled")
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    save_new_version(meeting, ["status", "sequence"])
    record(
        user,
        "meeting.cancel",
        meeting,
        family_id=meeting.team.family_id,
        request=request,
        reason=reason,
    )
    notifications.send_meeting_invitations(meeting)
    return meeting


@transaction.atomic
def record_meeting(
    user, meeting, *, version, notes, decisions, attendance, category=None, request=None
):
    """The facilitator records who came, what was said and what was decided.

    `attendance` maps membership id to (status, interpreter_used).
    """
    _check(user, "record_meeting", meeting)
    meeting = lock_for_content_edit(Meeting.objects.select_related("team"), meeting.pk, version)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled."), code="cancelled")
    if attendance and meeting.starts_at > timezone.now():
        raise ValidationError(
            {"attendance": _("Attendance can be recorded once the meeting has started.")}
        )
    members = {m.pk: m for m in meeting.team.memberships.active().filter(pk__in=list(attendance))}
    unknown = set(attendance) - set(members)
    if unknown:
        raise ValidationError({"attendance": _("Some people listed are not on this team.")})
    statuses = Attendance.Status.values
    for member_id, (status, _interpreter) in attendance.items():
        if status not in statuses:
            raise ValidationError(
                {f"attendance.{member_id}": _("Please choose present, absent or excused.")}
            )
    meeting.notes = notes
    meeting.decisions = decisions
    meeting.notes_by = user
    if category is not None:
        if category not in DataCategory.values:
            raise ValidationError(
                {"category": _("Please choose what kind of information the notes hold.")}
            )
        meeting.category = category
    save_new_version(meeting, ["notes", "decisions", "notes_by", "category"])
    Attendance.objects.filter(meeting=meeting).exclude(membership_id__in=list(attendance)).delete()
    existing = {a.membership_id: a for a in Attendance.objects.filter(meeting=meeting)}
    new, changed = [], []
    for member_id, (status, interpreter) in attendance.items():
        row = existing.get(member_id)
        if row is None:
            new.append(
                Attendance(
                    meeting=meeting,
                    membership_id=member_id,
                    status=status,
                    interpreter_used=interpreter,
                )
            )
        else:
            row.status, row.interpreter_used = status, interpreter
            changed.append(row)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["status", "interpreter_used"])
    record(user, "meeting.record", meeting, family_id=meeting.team.family_id, request=request)
    return meeting


@transaction.atomic
def add_next_step(
    user, team, *, description, responsible, due_date, meeting=None, category=None, request=None
):
    """A next step is a case record: it carries a data category like the notes that led to it."""
    _check(user, "add_next_step", team)
    category = category or DataCategory.GENERAL
    errors = {}
    if category not in DataCategory.values:
        errors["category"] = _("Please choose what kind of information this is.")
    if not description.strip():
        errors["description"] = _("Please say what will be done.")
    if responsible is None or responsible.team_id != team.pk or not responsible.is_active:
        errors["responsible"] = _("Please choose someone on the team.")
    if due_date is None:
        errors["due_date"] = _("Please give a date.")
    if meeting is not None and meeting.team_id != team.pk:
        errors["meeting"] = _("This meeting belongs to another team.")
    if errors:
        raise ValidationError(errors)
    step = NextStep.objects.create(
        team=team,
        meeting=meeting,
        description=description.strip(),
        responsible=responsible,
        due_date=due_date,
        category=category,
        created_by=user,
    )
    record(user, "next_step.create", step, family_id=team.family_id, request=request)
    return step


@transaction.atomic
def update_next_step(user, step, *, version, changes, request=None):
    _check(user, "update_next_step", step)
    step = lock_for_content_edit(NextStep.objects.select_related("team"), step.pk, version)
    allowed = {"status", "due_date", "description", "responsible"}
    is_facilitator = step.team.family.can(user, "add_next_step")
    changed = []
    for field, value in changes.items():
        if field not in allowed or (field != "status" and not is_facilitator):
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "responsible" and (
            value is None or value.team_id != step.team_id or not value.is_active
        ):
            raise ValidationError({"responsible": _("Please choose someone on the team.")})
        if field == "status" and value not in NextStep.Status.values:
            raise ValidationError({"status": _("Please choose a status.")})
        if getattr(step, field) != value:
            setattr(step, field, value)
            changed.append(field)
    if "status" in changed:
        step.completed_at = timezone.now() if step.status == NextStep.Status.DONE else None
        changed.append("completed_at")
    if changed:
        save_new_version(step, changed)
        record(
            user,
            "next_step.update",
            step,
            family_id=step.team.family_id,
            request=request,
            detail={"fields": changed},
        )
    return step

"""Everything that changes a team goes through one function here: validate, write, audit, notify.

Pages and the API call these same functions, so both doors follow the same rules.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.consent.categories import DataCategory
from soc.versioning import lock_for_content_edit, lock_for_edit, save_new_version

from .. import notifications
from ..models import Attendance, Meeting, MeetingAnswer, Membership

Status = Membership.Status
Role = Membership.Role


# Meetings
MEETING_FIELDS = [
    "reason",
    "reason_other",
    "starts_at",
    "ends_at",
    "place",
    "video_link",
    "agenda",
    "interpreter_language",
]
# Answering an invitation is for anyone on the team. The policy has no rule of that name yet;
# "convene_meeting" is the same predicate (is_team_member) until it does.
ANSWER_RULE = "convene_meeting"


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
    meeting.full_clean(exclude=["team", "family", "called_by", "author"])


def _refuse_unless_still_to_come(meeting):
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled."), code="cancelled")
    if meeting.is_over:
        raise ValidationError(
            _("This meeting is over: it can no longer be changed or cancelled."), code="over"
        )


@transaction.atomic
def convene_meeting(user, team, fields, request=None):
    """Any member, the family included, can call the team together."""
    policy.require(user, "convene_meeting", team)
    meeting = Meeting(
        team=team,
        family_id=team.family_id,
        called_by=user,
        **{k: v for k, v in fields.items() if k in MEETING_FIELDS},
    )
    _validate_meeting(meeting)
    meeting.save()
    record(user, "meeting.convene", meeting, family_id=team.family_id, request=request)
    notifications.send_meeting_invitations(meeting)
    return meeting


@transaction.atomic
def change_meeting(user, meeting, *, version, changes, request=None):
    policy.require(user, "change_meeting", meeting)
    meeting = lock_for_content_edit(Meeting.objects.select_related("team"), meeting.pk, version)
    _refuse_unless_still_to_come(meeting)
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
    policy.require(user, "change_meeting", meeting)
    meeting = lock_for_edit(Meeting.objects.select_related("team"), meeting.pk, version)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was already cancelled."), code="cancelled")
    _refuse_unless_still_to_come(meeting)
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


def _check_attendance(team, attendance):
    """`attendance` maps membership id to (status, interpreter_used): active members only."""
    members = set(
        team.memberships.active().filter(pk__in=list(attendance)).values_list("pk", flat=True)
    )
    if set(attendance) - members:
        raise ValidationError({"attendance": _("Some people listed are not on this team.")})
    statuses = Attendance.Status.values
    for member_id, (status, _interpreter) in attendance.items():
        if status not in statuses:
            raise ValidationError(
                {f"attendance.{member_id}": _("Please choose present, absent or excused.")}
            )


def _check_category(category):
    if category is not None and category not in DataCategory.values:
        raise ValidationError(
            {"category": _("Please choose what kind of information the notes hold.")}
        )


def _write_attendance(meeting, attendance):
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


@transaction.atomic
def record_meeting(
    user, meeting, *, version, notes, decisions, attendance, category=None, request=None
):
    """The facilitator records who came, what was said and what was decided.

    `attendance` maps membership id to (status, interpreter_used). Once the meeting has
    started, a record makes it "held": it leaves the upcoming list and its invitation ends.
    """
    policy.require(user, "record_meeting", meeting)
    meeting = lock_for_content_edit(Meeting.objects.select_related("team"), meeting.pk, version)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled."), code="cancelled")
    if attendance and meeting.starts_at > timezone.now():
        raise ValidationError(
            {"attendance": _("Attendance can be recorded once the meeting has started.")}
        )
    _check_attendance(meeting.team, attendance)
    _check_category(category)
    meeting.notes = notes
    meeting.decisions = decisions
    meeting.author = user
    if category is not None:
        meeting.category = category
    fields = ["notes", "decisions", "author", "category"]
    if meeting.has_happened and (attendance or meeting.has_notes):
        meeting.status = Meeting.Status.HELD
        fields.append("status")
    save_new_version(meeting, fields)
    _write_attendance(meeting, attendance)
    record(user, "meeting.record", meeting, family_id=meeting.team.family_id, request=request)
    return meeting


@transaction.atomic
def record_held_meeting(
    user, team, fields, *, notes, decisions, attendance, category=None, request=None
):
    """A meeting that already took place, or an unplanned one, recorded in one step: its
    time, who came, notes and decisions. Nobody is invited to a meeting that is over."""
    policy.require(user, "convene_meeting", team)
    policy.require(user, "record_meeting", team)
    meeting = Meeting(
        team=team,
        family_id=team.family_id,
        called_by=user,
        author=user,
        status=Meeting.Status.HELD,
        notes=notes,
        decisions=decisions,
        **{k: v for k, v in fields.items() if k in MEETING_FIELDS},
    )
    if category is not None:
        meeting.category = category
    _validate_meeting(meeting, new_time=False)
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            {"starts_at": _("This meeting has not started yet. Please call it instead.")}
        )
    _check_attendance(team, attendance)
    _check_category(category)
    meeting.save()
    _write_attendance(meeting, attendance)
    record(
        user,
        "meeting.record",
        meeting,
        family_id=team.family_id,
        request=request,
        detail={"held": True},
    )
    return meeting


@transaction.atomic
def answer_meeting(user, meeting, *, answer, note="", request=None):
    """A member says whether they are coming. One answer per member; a new one replaces it."""
    policy.require(user, ANSWER_RULE, meeting)
    membership = policy.membership_for(user, meeting.family_id)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_still_to_come():
        raise ValidationError(
            _("This meeting is over or cancelled: it cannot be answered any more."), code="over"
        )
    if answer not in MeetingAnswer.Answer.values:
        raise ValidationError({"answer": _("Please say if you are coming.")})
    note = (note or "").strip()
    if len(note) > 500:
        raise ValidationError({"note": _("Please keep the note under 500 characters.")})
    row, _created = MeetingAnswer.objects.update_or_create(
        meeting=meeting,
        membership=membership,
        defaults={
            "answer": answer,
            "note": note,
            "answered_by": user,
            "answered_at": timezone.now(),
        },
    )
    record(
        user,
        "meeting.answer",
        meeting,
        family_id=meeting.family_id,
        request=request,
        detail={"answer": answer},
    )
    return row

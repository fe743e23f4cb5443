"""Running a collaborative's meeting: agenda, roll call, motions, votes and action items."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.versioning import lock_for_edit, save_new_version

from .. import notifications, rules
from ..models import ActionItem, AgendaItem, Attendance, GovMeeting, Motion, Vote
from ..models.seats import FAMILY_SEAT_TYPES
from ..standing import Quorum
from .base import audit, require, require_seat_if


def _check_times(starts_at, ends_at):
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})


@transaction.atomic
def schedule_meeting(actor, body, *, starts_at, ends_at=None, place="", request=None):
    """A meeting of the body; each seat holder with an account gets an invitation."""
    require(actor, "run_meeting", body)
    _check_times(starts_at, ends_at)
    meeting = GovMeeting.objects.create(
        collaborative=body, starts_at=starts_at, ends_at=ends_at, place=place, called_by=actor
    )
    audit(actor, "gov_meeting.schedule", meeting, request)
    notifications.send_gov_meeting_invitations(meeting)
    return meeting


def _still_to_come(meeting):
    if not meeting.is_still_to_come():
        raise ValidationError(
            _("This meeting is over or cancelled: it cannot be changed."), code="over"
        )


@transaction.atomic
def change_meeting(actor, meeting, *, version, starts_at, ends_at=None, place="", request=None):
    """A new time or place: the invitations go out again with the next SEQUENCE."""
    require(actor, "run_meeting", meeting.collaborative)
    meeting = lock_for_edit(GovMeeting.objects.all(), meeting.pk, version)
    _still_to_come(meeting)
    _check_times(starts_at, ends_at)
    wanted = {"starts_at": starts_at, "ends_at": ends_at, "place": place}
    changed = [field for field, value in wanted.items() if getattr(meeting, field) != value]
    if not changed:
        return meeting
    for field in changed:
        setattr(meeting, field, wanted[field])
    meeting.sequence += 1
    save_new_version(meeting, [*changed, "sequence"])
    audit(actor, "gov_meeting.change", meeting, request, detail={"fields": changed})
    notifications.send_gov_meeting_invitations(meeting)
    return meeting


@transaction.atomic
def cancel_meeting(actor, meeting, *, version=None, request=None):
    """Cancelled: every invitee's calendar gets a CANCEL."""
    require(actor, "run_meeting", meeting.collaborative)
    meeting = lock_for_edit(GovMeeting.objects.all(), meeting.pk, version)
    _still_to_come(meeting)
    meeting.cancelled_at = timezone.now()
    meeting.sequence += 1
    save_new_version(meeting, ["cancelled_at", "sequence"])
    audit(actor, "gov_meeting.cancel", meeting, request)
    notifications.send_gov_meeting_invitations(meeting)
    return meeting


def _own_seat_is_family(user, body):
    terms = rules.current_terms(user, body).select_related("seat")
    return any(t.seat.seat_type in FAMILY_SEAT_TYPES for t in terms)


@transaction.atomic
def suggest_item(
    actor, meeting, *, title, details="", is_confidential=False, parent=None, request=None
):
    """A member suggests an agenda item; an officer's goes straight on the agenda."""
    body = meeting.collaborative
    require(actor, "suggest_agenda_item", body)
    if parent is not None and parent.meeting_id != meeting.pk:
        raise ValidationError({"parent": _("Choose an item of this meeting.")})
    officer = rules.can(actor, "run_meeting", body)
    item = AgendaItem.objects.create(
        meeting=meeting,
        parent=parent,
        title=title,
        details=details,
        is_confidential=is_confidential,
        suggested_by=actor,
        suggested_by_family=_own_seat_is_family(actor, body),
        status=AgendaItem.Status.ON_AGENDA if officer else AgendaItem.Status.SUGGESTED,
        position=meeting.items.count(),
    )
    audit(actor, "agenda.suggest", item, request)
    return item


@transaction.atomic
def accept_item(actor, item, request=None):
    body = item.meeting.collaborative
    require(actor, "run_meeting", body)
    require_seat_if(item.is_hidden_from_public, actor, body)
    item.status = AgendaItem.Status.ON_AGENDA
    item.save(update_fields=["status"])
    audit(actor, "agenda.accept", item, request)
    return item


@transaction.atomic
def take_roll(actor, meeting, attendance, request=None):
    """{seat: status} for seats held on the meeting's day; anyone else is refused."""
    require(actor, "run_meeting", meeting.collaborative)
    held = Quorum(meeting).held
    strangers = [seat for seat in attendance if seat.pk not in held]
    if strangers:
        raise ValidationError(_("Only seats held on the day of the meeting are in the roll call."))
    for seat, status in attendance.items():
        if status not in Attendance.Status.values:
            raise ValidationError(_("Choose present, absent or excused."))
        Attendance.objects.update_or_create(meeting=meeting, seat=seat, defaults={"status": status})
    audit(actor, "gov_meeting.roll_call", meeting, request)
    return Quorum(meeting)


def _member_seat(meeting, seat, held, field):
    if seat is None:
        return
    if seat.collaborative_id != meeting.collaborative_id or seat.pk not in held:
        raise ValidationError({field: _("Only a member of this body can do this.")})


def _voting_seat(seat, field, message):
    if seat is not None and not seat.is_voting:
        raise ValidationError({field: ValidationError(message, code="not_voting")})


@transaction.atomic
def make_motion(actor, meeting, *, text, mover, seconder=None, item=None, request=None):
    """A motion, moved (and seconded) by members in voting seats; refused without quorum."""
    require(actor, "run_meeting", meeting.collaborative)
    quorum = Quorum(meeting)
    if not quorum.is_quorate:
        raise ValidationError(_("There is no quorum: a motion cannot be made."), code="no_quorum")
    _member_seat(meeting, mover, quorum.held, "mover")
    _member_seat(meeting, seconder, quorum.held, "seconder")
    _voting_seat(mover, "mover", _("Only a member with a voting seat can move a motion."))
    _voting_seat(seconder, "seconder", _("Only a member with a voting seat can second a motion."))
    if seconder is not None and seconder.pk == mover.pk:
        raise ValidationError({"seconder": _("Someone else must second the motion.")})
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": _("Choose an item of this meeting.")})
    require_seat_if(item is not None and item.is_hidden_from_public, actor, meeting.collaborative)
    motion = Motion.objects.create(
        meeting=meeting,
        item=item,
        text=text,
        mover=mover,
        seconder=seconder,
        moved_by_family=mover.seat_type in FAMILY_SEAT_TYPES,
    )
    audit(actor, "motion.make", motion, request)
    return motion


def tally(choices):
    """Carried when more members vote yes than no (abstentions and absences count neither way)."""
    yes = sum(1 for c in choices if c == Vote.Choice.YES)
    no = sum(1 for c in choices if c == Vote.Choice.NO)
    return Motion.Result.CARRIED if yes > no else Motion.Result.FAILED


@transaction.atomic
def record_votes(actor, motion, votes, request=None):
    """Each member's vote {seat: choice} and the result. Refused: a non-voting seat, a seat of
    someone not on the body that day, a vote without quorum, a motion already decided."""
    meeting = motion.meeting
    require(actor, "run_meeting", meeting.collaborative)
    require_seat_if(motion.is_confidential, actor, meeting.collaborative)
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if motion.result != Motion.Result.PENDING:
        raise ValidationError(_("This motion was already decided."), code="decided")
    quorum = Quorum(meeting)
    if not quorum.is_quorate:
        raise ValidationError(_("There is no quorum: no vote can be taken."), code="no_quorum")
    for seat, choice in votes.items():
        if seat.collaborative_id != meeting.collaborative_id or seat.pk not in quorum.held:
            raise ValidationError(_("Only members of this body vote."), code="not_member")
        if not seat.is_voting:
            raise ValidationError(
                _("%(seat)s is not a voting seat.") % {"seat": seat}, code="not_voting"
            )
        if choice not in Vote.Choice.values:
            raise ValidationError(_("Choose yes, no, abstain, absent or excused."))
    Vote.objects.bulk_create(Vote(motion=motion, seat=s, choice=c) for s, c in votes.items())
    motion.result = tally(votes.values())
    motion.save(update_fields=["result"])
    audit(actor, "motion.vote", motion, request, detail={"result": motion.result})
    return motion


@transaction.atomic
def add_action_item(actor, meeting, *, text, owner, due_on=None, owner_user=None, request=None):
    """`owner_user`, a member of the body with an account, is reminded of it by e-mail."""
    require(actor, "run_meeting", meeting.collaborative)
    if owner_user is not None and not rules.current_terms(owner_user, meeting).exists():
        raise ValidationError({"owner_user": _("Choose someone who holds a seat on this body.")})
    action = ActionItem.objects.create(
        meeting=meeting, text=text, owner=owner, due_on=due_on, owner_user=owner_user
    )
    audit(actor, "action_item.add", action, request)
    return action


@transaction.atomic
def update_action_item(actor, action, *, status, version=None, request=None):
    """Open, done or dropped; StaleVersion when it changed since `version`."""
    require(actor, "run_meeting", action.meeting.collaborative)
    if status not in ActionItem.Status.values:
        raise ValidationError({"status": _("Choose open, done or dropped.")})
    action = lock_for_edit(ActionItem.objects.all(), action.pk, version)
    action.status = status
    save_new_version(action, ["status"])
    audit(actor, "action_item.update", action, request)
    return action

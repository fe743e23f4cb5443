"""Minutes: drafted, amended by those who attended, approved by a vote, then locked and public."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.versioning import StaleVersion

from .. import rules
from ..models import Minutes, MinutesAmendment, Motion
from .base import audit, require, require_seat_if


def attended(user, meeting):
    """The user held a seat marked present at the meeting."""
    seats = rules.current_terms(user, meeting.collaborative).values_list("seat_id", flat=True)
    return meeting.roll.filter(status="present", seat_id__in=list(seats)).exists()


@transaction.atomic
def draft_minutes(actor, meeting, *, text, request=None):
    require(actor, "run_meeting", meeting.collaborative)
    if hasattr(meeting, "minutes"):
        raise ValidationError(_("This meeting already has minutes: amend them instead."))
    minutes = Minutes.objects.create(meeting=meeting, text=text)
    audit(actor, "minutes.draft", minutes, request)
    return minutes


@transaction.atomic
def amend_minutes(actor, minutes, *, text, version, request=None):
    """Those who attended (and officers) change the draft; approved minutes are locked."""
    minutes = (
        Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    )
    meeting = minutes.meeting
    if not (
        rules.can(actor, "run_meeting", meeting.collaborative)
        or (rules.can(actor, "amend_minutes", meeting.collaborative) and attended(actor, meeting))
    ):
        raise PermissionDenied
    if minutes.is_approved:
        raise ValidationError(_("These minutes are approved and locked."), code="locked")
    if version != minutes.version:
        raise StaleVersion(minutes)
    MinutesAmendment.objects.create(minutes=minutes, author=actor, text_before=minutes.text)
    minutes.text = text
    minutes.version += 1
    minutes.save(update_fields=["text", "version"])
    audit(actor, "minutes.amend", minutes, request)
    return minutes


@transaction.atomic
def approve_minutes(actor, minutes, *, motion, request=None):
    """Approved by a carried motion of the same body; then locked and published."""
    minutes = (
        Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    )
    body = minutes.meeting.collaborative
    require(actor, "run_meeting", body)
    if minutes.is_approved:
        raise ValidationError(_("These minutes are approved and locked."), code="locked")
    motion = Motion.objects.select_related("meeting").get(pk=motion.pk)  # its result as saved
    if motion.meeting.collaborative_id != body.pk or motion.result != Motion.Result.CARRIED:
        raise ValidationError(
            {"motion": _("Choose a motion of this body that carried.")}, code="not_carried"
        )
    require_seat_if(motion.is_confidential, actor, body)
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_by = motion
    minutes.approved_at = timezone.now()
    minutes.save(update_fields=["status", "approved_by", "approved_at"])
    audit(actor, "minutes.approve", minutes, request)
    return minutes

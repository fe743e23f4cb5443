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
from soc.versioning import lock_for_content_edit, save_new_version

from ..models import Membership, NextStep

Status = Membership.Status
Role = Membership.Role


def _check_responsible_may_read(step, member):
    """A protected next step goes only to someone who may read it: the family, or a member
    the family's consent names. Otherwise ask the family first."""
    if not step.is_protected or member.is_family:
        return
    if member.user is None or not policy.can_read_record(member.user, step):
        raise ValidationError(
            {
                "responsible": _(
                    "%(name)s cannot see this kind of information. Choose someone else, or ask "
                    "the family for consent to share it with them first."
                )
                % {"name": member.name}
            },
            code="needs_consent",
        )


@transaction.atomic
def add_next_step(
    user, team, *, description, responsible, due_date, meeting=None, category=None, request=None
):
    """A next step is a case record: it carries a data category like the notes that led to it."""
    policy.require(user, "add_next_step", team)
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
    step = NextStep(
        team=team,
        family_id=team.family_id,
        meeting=meeting,
        description=description.strip(),
        responsible=responsible,
        due_date=due_date,
        category=category,
        author=user,
    )
    _check_responsible_may_read(step, responsible)
    step.save()
    record(user, "next_step.create", step, family_id=team.family_id, request=request)
    return step


@transaction.atomic
def update_next_step(user, step, *, version, changes, request=None):
    policy.require(user, "update_next_step", step)
    step = lock_for_content_edit(NextStep.objects.select_related("team"), step.pk, version)
    allowed = {"status", "due_date", "description", "responsible"}
    may_change_details = policy.can(user, "change_next_step_details", step)
    changed = []
    for field, value in changes.items():
        if field not in allowed or (field != "status" and not may_change_details):
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "responsible" and (
            value is None or value.team_id != step.team_id or not value.is_active
        ):
            raise ValidationError({"responsible": _("Please choose someone on the team.")})
        if field == "responsible":
            _check_responsible_may_read(step, value)
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

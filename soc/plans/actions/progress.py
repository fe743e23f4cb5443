"""Progress on each goal, noted at a team meeting: the family's rating first, then the team's."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy

from ..models import ProgressRating
from .base import refuse_null_characters, require_readable

RATING_FIELDS = ["family_rating", "team_rating", "what_helped", "barriers", "decision"]


def _rating(value, field, errors):
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= 10:
        errors[field] = _("Please give a number from 0 to 10.")
    return number


@transaction.atomic
def rate_progress(user, meeting, goal, values, request=None):
    """Note progress on a goal of the plan in effect at this meeting (once per goal and
    meeting; rating again replaces the earlier answer, audited)."""
    policy.require(user, "rate_progress", meeting)
    require_readable(user, goal)
    refuse_null_characters(values)
    errors = {}
    if goal.family_id != meeting.family_id or not goal.version.is_in_effect:
        errors["goal"] = _("Please choose a goal of the plan in effect.")
    family_rating = _rating(values.get("family_rating"), "family_rating", errors)
    team_rating = _rating(values.get("team_rating"), "team_rating", errors)
    if family_rating is None and team_rating is None and "family_rating" not in errors:
        errors["family_rating"] = _("Please give the family's rating, the team's, or both.")
    decision = values.get("decision") or ProgressRating.Decision.KEEP
    if decision not in ProgressRating.Decision.values:
        errors["decision"] = _("Please choose what to do with the goal.")
    if meeting.is_cancelled:
        errors["meeting"] = _("This meeting was cancelled.")
    if errors:
        raise ValidationError(errors)
    rating = (
        ProgressRating.objects.select_for_update()
        .filter(goal_key=goal.key, meeting=meeting)
        .first()
    )
    created = rating is None
    if created:
        rating = ProgressRating(
            goal=goal,
            goal_key=goal.key,
            meeting=meeting,
            family_id=goal.family_id,
            category=goal.category,
            author=user,
            created_at=meeting.starts_at,
        )
    else:
        rating.version += 1
    rating.family_rating = family_rating
    rating.team_rating = team_rating
    rating.what_helped = (values.get("what_helped") or "").strip()
    rating.barriers = (values.get("barriers") or "").strip()
    rating.decision = decision
    rating.full_clean(exclude=["goal", "meeting", "family", "author"])
    rating.save()
    record(
        user,
        "plan.rate_progress" if created else "plan.rate_progress_again",
        rating,
        family_id=goal.family_id,
        request=request,
    )
    return rating

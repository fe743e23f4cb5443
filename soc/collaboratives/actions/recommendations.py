"""Recommendations of the State Collaborative: adopted, answered by agencies, tracked to the end."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.versioning import lock_for_edit, save_new_version

from .. import rules
from ..models import AgencyResponse, Milestone, Recommendation, RecommendationUpdate
from .base import audit, require


@transaction.atomic
def draft_recommendation(user, state, *, barriers=(), agencies=(), request=None, **fields):
    require(user, "manage_recommendations", state)
    if not state.is_state:
        raise ValidationError(_("Recommendations come from the State Collaborative."))
    recommendation = Recommendation(collaborative=state, **fields)
    recommendation.full_clean(exclude=["collaborative"])
    recommendation.save()
    recommendation.barriers.set(barriers)
    recommendation.agencies.set(agencies)
    audit(user, "recommendation.draft", recommendation, request)
    return recommendation


def _touch(recommendation):
    """Moves it up the tracker and the feed (only the date: the caller's copy may be old).
    Answers, milestones and updates are rows of their own, so the version stays: an officer
    changing the status meanwhile changes nothing they did."""
    recommendation.updated_at = timezone.now()
    Recommendation.objects.filter(pk=recommendation.pk).update(updated_at=recommendation.updated_at)


@transaction.atomic
def move_recommendation(user, recommendation, *, status, version=None, request=None):
    """draft → adopted → in implementation → implemented, or withdrawn before it is implemented;
    StaleVersion when it changed since `version`."""
    require(user, "manage_recommendations", recommendation.collaborative)
    recommendation = lock_for_edit(Recommendation.objects.all(), recommendation.pk, version)
    if status not in Recommendation.NEXT[recommendation.status]:
        raise ValidationError(
            _("A recommendation that is %(now)s cannot become %(next)s.")
            % {
                "now": recommendation.get_status_display(),
                "next": Recommendation.Status(status).label
                if status in Recommendation.Status.values
                else status,
            },
            code="transition",
        )
    recommendation.status = status
    recommendation.updated_at = timezone.now()
    save_new_version(recommendation, ["status", "updated_at"])
    audit(user, "recommendation.move", recommendation, request, detail={"status": status})
    return recommendation


def may_respond(user, recommendation, organization):
    """Staff of an agency asked to respond answer for it; officers may record an answer given."""
    if rules.can(user, "manage_recommendations", recommendation.collaborative):
        return True
    return user.is_authenticated and user.organization_id == organization.pk


@transaction.atomic
def respond(
    user, recommendation, *, organization, answer, reasons="", commitments="", request=None
):
    if not recommendation.agencies.filter(pk=organization.pk).exists():
        raise ValidationError({"organization": _("This agency was not asked to respond.")})
    if not may_respond(user, recommendation, organization):
        raise PermissionDenied
    if (
        answer in (AgencyResponse.Answer.DECLINE, AgencyResponse.Answer.ACCEPT_IN_PART)
        and not reasons.strip()
    ):
        raise ValidationError({"reasons": _("Give the reasons.")})
    response, _created = AgencyResponse.objects.update_or_create(
        recommendation=recommendation,
        organization=organization,
        defaults={
            "answer": answer,
            "reasons": reasons,
            "commitments": commitments,
            "responded_at": timezone.now(),
        },
    )
    _touch(recommendation)
    audit(user, "recommendation.respond", response, request)
    return response


@transaction.atomic
def add_milestone(user, recommendation, *, title, due_on=None, request=None):
    require(user, "manage_recommendations", recommendation.collaborative)
    milestone = Milestone.objects.create(recommendation=recommendation, title=title, due_on=due_on)
    _touch(recommendation)
    audit(user, "recommendation.milestone", milestone, request)
    return milestone


@transaction.atomic
def complete_milestone(user, milestone, request=None):
    require(user, "manage_recommendations", milestone.recommendation.collaborative)
    milestone.done = True
    milestone.save(update_fields=["done"])
    _touch(milestone.recommendation)
    audit(user, "recommendation.milestone_done", milestone, request)
    return milestone


@transaction.atomic
def post_update(user, recommendation, *, text, review_on=None, request=None):
    require(user, "manage_recommendations", recommendation.collaborative)
    update = RecommendationUpdate.objects.create(
        recommendation=recommendation, text=text, author=user
    )
    if review_on is not None:  # a change to the recommendation itself: a new version
        recommendation = lock_for_edit(Recommendation.objects.all(), recommendation.pk, None)
        recommendation.review_on = review_on
        recommendation.updated_at = timezone.now()
        save_new_version(recommendation, ["review_on", "updated_at"])
    else:
        _touch(recommendation)
    audit(user, "recommendation.update", update, request)
    return update

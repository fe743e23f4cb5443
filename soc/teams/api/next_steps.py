"""Next steps decided by the team."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import (
    BODY_ERRORS,
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    Pagination,
    Version,
    choices,
)
from soc.consent.categories import DataCategory
from soc.consent.disclosures import PART2_NOTICE, collect
from soc.consent.doors import family_or_404, record_view

from .. import actions
from ..models import NextStep
from .base import NEXT_STEPS, _invalid_choice, router
from .members import MemberRef


class NextStepIn(InputSchema):
    description: str = Field(..., max_length=500)
    responsible: Id = Field(..., description="The id of the team member who will do it.")
    due_date: date
    meeting: Id | None = Field(None, description="The id of the meeting that decided it.")
    category: choices(DataCategory) = Field(
        "general",
        description="A protected kind is shown only to the family, the writer and consented readers.",
    )


class NextStepChanges(InputSchema):
    version: Version
    status: choices(NextStep.Status) | None = None
    description: str | None = Field(None, max_length=500)
    responsible: Id | None = Field(None, description="The id of a team member.")
    due_date: date | None = None


class NextStepOut(Schema):
    id: int
    description: str | None = Field(description="null when you may not read this data category.")
    responsible: MemberRef
    due_date: date
    status: choices(NextStep.Status)
    category: choices(DataCategory)
    meeting_id: int | None
    created_by: str
    notice: str | None = Field(
        description="The 42 CFR Part 2 redisclosure notice, on substance-use next steps."
    )
    created_at: datetime
    completed_at: datetime | None
    is_overdue: bool
    version: int

    @staticmethod
    def resolve_description(step, context):
        # Only readable steps reach here (NextStep.objects.visible_to).
        collect(context["request"], step)
        return step.description

    @staticmethod
    def resolve_created_by(step):
        return step.author.full_name if step.author_id else ""

    @staticmethod
    def resolve_notice(step):
        return str(PART2_NOTICE) if step.is_substance_use else None


def _next_steps(request, family):
    return NextStep.objects.visible_to(request.auth, family=family).select_related(
        "responsible", "author"
    )


def _team_member(team, member_id):
    """A member of this team, or None (the action then says to choose someone on the team)."""
    return team.memberships.filter(pk=member_id).first() if member_id is not None else None


@router.get(
    "/families/{family_id}/next-steps", response={200: list[NextStepOut], **ERRORS}, tags=NEXT_STEPS
)
@paginate(Pagination)
def list_next_steps(request, family_id: int, status: Query[choices(NextStep.Status) | None] = None):
    """What the team agreed to do, soonest due first."""
    family = family_or_404(request, family_id)
    record_view(request, "next_step.list", family, family.pk, user=request.auth)
    steps = _next_steps(request, family)
    return steps.filter(status=status) if status else steps


@router.post(
    "/families/{family_id}/next-steps", response={201: NextStepOut, **BODY_ERRORS}, tags=NEXT_STEPS
)
def add_next_step(request, family_id: int, payload: NextStepIn):
    family = family_or_404(request, family_id)
    team = family.team
    meeting = None
    if payload.meeting is not None:
        meeting = team.meetings.filter(pk=payload.meeting).first()
        if meeting is None:
            raise _invalid_choice("meeting")
    step = actions.add_next_step(
        request.auth,
        team,
        description=payload.description,
        responsible=_team_member(team, payload.responsible),
        due_date=payload.due_date,
        meeting=meeting,
        category=payload.category,
        request=request,
    )
    return Status(201, _next_steps(request, family).get(pk=step.pk))


@router.patch(
    "/families/{family_id}/next-steps/{step_id}",
    response={200: NextStepOut, **EDIT_ERRORS},
    tags=NEXT_STEPS,
)
def update_next_step(request, family_id: int, step_id: int, payload: NextStepChanges):
    """The facilitator changes a step; the person responsible can change its status."""
    family = family_or_404(request, family_id)
    team = family.team
    step = get_object_or_404(_next_steps(request, family).select_related("team"), pk=step_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    if "responsible" in changes:
        changes["responsible"] = _team_member(team, changes["responsible"])
    actions.update_next_step(
        request.auth, step, version=payload.version, changes=changes, request=request
    )
    return _next_steps(request, family).get(pk=step.pk)

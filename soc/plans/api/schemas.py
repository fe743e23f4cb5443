"""Response and request shapes. Names follow FHIR R4 CarePlan and Goal."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from soc.api.schemas import Id, InputSchema, Version, choices
from soc.consent.categories import DataCategory
from soc.consent.disclosures import PART2_NOTICE

from ..models import Goal, Need, PlanVersion, ProgressRating, Strategy, Strength

# Our status -> FHIR CarePlan.status, and the intent that goes with it.
FHIR_STATUS = {
    "draft": "draft",
    "proposed": "draft",
    "in_effect": "active",
    "superseded": "revoked",
}


class Reference(Schema):
    """A FHIR Reference: the id of the thing and how to show it."""

    id: int
    display: str


class Period(Schema):
    start: date
    end: date = Field(description="The review date: the plan is reviewed by then.")


class Target(Schema):
    """FHIR Goal.target: how we will know (measure, in words) and by when (dueDate)."""

    measure: str
    due_date: date | None


class GoalOut(Schema):
    """FHIR Goal."""

    id: int
    key: str = Field(description="Shared by this goal's copies in every version.")
    lifecycle_status: choices(Goal.Lifecycle)
    achievement_status: choices(Goal.Achievement)
    description: str
    target: Target
    addresses: list[int] = Field(description="Ids of the needs this goal answers.")
    category: choices(DataCategory)
    notice: str | None
    revision: int


class ActivityOut(Schema):
    """FHIR CarePlan.activity.detail: a strategy."""

    id: int
    goal: int
    kind: choices(Strategy.Kind)
    status: choices(Strategy.Status)
    description: str
    performer: Reference
    scheduled_period: Period | None
    category: choices(DataCategory)
    notice: str | None
    revision: int
    next_steps: list[int] = Field(description="Ids of the team's next steps for this strategy.")


class NeedOut(Schema):
    """What FHIR CarePlan.addresses points to (a concern, in the family's words)."""

    id: int
    rank: int
    description: str
    domain: choices(Need.Domain)
    setting: choices(Need.Setting)
    is_unmet: bool
    barrier: choices(Need.Barrier) | Literal[""]
    category: choices(DataCategory)
    notice: str | None
    revision: int


class StrengthOut(Schema):
    id: int
    about: choices(Strength.About)
    description: str
    named_by: str
    category: choices(DataCategory)
    notice: str | None
    revision: int


class CrisisPlanOut(Schema):
    id: int
    triggers: str
    warning_signs: str
    what_helps: str
    what_does_not_help: str
    who_does_what: str
    contacts: list[Reference]
    lines: list[Reference]
    category: choices(DataCategory)
    notice: str | None
    revision: int


class VersionSummary(Schema):
    """FHIR CarePlan (without its goals and activities)."""

    id: int
    number: int
    status: choices(PlanVersion.Status)
    fhir_status: Literal["draft", "active", "revoked"]
    intent: Literal["proposal", "plan"]
    subject: Reference
    period: Period
    author: Reference | None
    replaces: int | None = Field(description="The version this one was copied from.")
    created: datetime
    proposed_at: datetime | None
    in_effect_at: datetime | None
    version: int = Field(description="Changes with every edit: agree to the one you read.")


class VersionOut(VersionSummary):
    """FHIR CarePlan with what it holds, as the caller may read it."""

    description: str = Field(description="The family's vision.")
    note: str = Field(description="The team's mission.")
    addresses: list[NeedOut]
    goal: list[GoalOut]
    activity: list[ActivityOut]
    strengths: list[StrengthOut]
    crisis_plan: CrisisPlanOut | None
    protected_parts_hidden: int
    notice: str | None


class PlanOut(Schema):
    id: int
    subject: Reference
    youth_agreement_age: int
    in_effect: VersionSummary | None
    open: VersionSummary | None = Field(description="The draft or proposed version, if any.")
    review_due: Literal["", "soon", "overdue"]
    version: int


class AnswerOut(Schema):
    member: Reference
    agrees: bool | None
    reason: str
    typed_name: str
    method: str
    at: datetime | None


class AgreementOut(Schema):
    """Who must agree to this version as it stands (FHIR CarePlan.contributor)."""

    version: int
    status: choices(PlanVersion.Status)
    contributor: list[AnswerOut]
    acknowledged_by: list[Reference]


class RatingOut(Schema):
    id: int
    goal: int
    goal_key: str
    meeting: int
    date: date
    family_rating: int | None
    team_rating: int | None
    what_helped: str
    barriers: str
    decision: choices(ProgressRating.Decision)
    notice: str | None


# Request bodies


class VersionChanges(InputSchema):
    version: Version
    vision: str | None = Field(None, max_length=2000)
    mission: str | None = Field(None, max_length=2000)
    start_date: date | None = None
    review_date: date | None = None


class SettingsIn(InputSchema):
    version: Version
    youth_agreement_age: int = Field(..., ge=10, le=18)


class PartIn(InputSchema):
    """Fields of a strength, need, goal or strategy (each kind takes its own)."""

    category: choices(DataCategory) = "general"
    description: str = Field(..., max_length=500)
    about: choices(Strength.About) | None = None
    named_by: str | None = Field(None, max_length=150)
    rank: int | None = Field(None, ge=1, le=999)
    domain: choices(Need.Domain) | None = None
    setting: choices(Need.Setting) | None = None
    is_unmet: bool | None = None
    barrier: choices(Need.Barrier) | Literal[""] | None = None
    needs: list[Id] | None = None
    how_we_will_know: str | None = Field(None, max_length=500)
    target_date: date | None = None
    lifecycle_status: choices(Goal.Lifecycle) | None = None
    achievement_status: choices(Goal.Achievement) | None = None
    goal: Id | None = None
    kind: choices(Strategy.Kind) | None = None
    responsible: Id | None = None
    start_date: date | None = None
    due_date: date | None = None
    status: choices(Strategy.Status) | None = None


class PartChanges(PartIn):
    revision: int = Field(..., ge=1)
    description: str | None = Field(None, max_length=500)
    category: choices(DataCategory) | None = None


class RevisionIn(InputSchema):
    revision: int = Field(..., ge=1)


class CrisisIn(InputSchema):
    revision: int | None = Field(None, ge=1)
    triggers: str = Field("", max_length=3000)
    warning_signs: str = Field("", max_length=3000)
    what_helps: str = Field("", max_length=3000)
    what_does_not_help: str = Field("", max_length=3000)
    who_does_what: str = Field("", max_length=3000)
    contacts: list[Id] | None = None
    lines: list[Id] | None = None
    category: choices(DataCategory) | None = None


class SeenIn(InputSchema):
    version: Version


class AgreeIn(InputSchema):
    version: Version = Field(description="The version you read: 409 if it changed since.")
    agrees: bool
    typed_name: str = Field(..., max_length=150)
    reason: str = Field("", max_length=2000)
    member: Id | None = Field(
        None,
        description="Facilitator only: a family member without an account who answered in "
        "person, on paper or by phone (`method`); recorded on their behalf.",
    )
    method: Literal["in_person", "on_paper", "by_phone"] = Field(
        "in_person", description="With `member`: how the answer was given."
    )


class RatingIn(InputSchema):
    goal: Id
    family_rating: int | None = Field(None, ge=0, le=10)
    team_rating: int | None = Field(None, ge=0, le=10)
    what_helped: str = Field("", max_length=2000)
    barriers: str = Field("", max_length=2000)
    decision: choices(ProgressRating.Decision) = "keep"


def notice_of(record):
    return str(PART2_NOTICE) if record.is_substance_use else None

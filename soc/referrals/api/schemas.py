from datetime import datetime
from uuid import UUID

from ninja import Field, Schema

from soc.api.schemas import Id, InputSchema, Version, choices
from soc.consent.categories import DataCategory
from soc.families.models import SpokenLanguage

from ..followups import waiting_state
from ..models import Referral, SharedDetails, UnmetNeed
from ..states import Reason, Status


class SharedIn(InputSchema):
    """What the family agreed to share with the provider for this referral, and nothing more."""

    person_name: str = Field(..., max_length=150)
    child_name: str = Field("", max_length=150)
    need: str = Field(
        "",
        max_length=500,
        description="The need in the family's own words; may be empty when `need_term` is given.",
    )
    contact_by: choices(SharedDetails.Contact)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    best_times: str = Field("", max_length=200)
    language: choices(SpokenLanguage) = Field(..., description="The language's code.")
    interpreter_needed: bool = False
    no_phone_calls: bool = False
    no_voicemail: bool = False
    other_preferences: str = Field("", max_length=300)


class SharedOut(Schema):
    person_name: str
    child_name: str
    need: str
    contact_by: str
    phone: str
    email: str
    best_times: str
    language: str = Field(description="The language's code (families' spoken languages).")
    language_label: str = Field(description="The language's name in the reader's language.")
    interpreter_needed: bool
    no_phone_calls: bool
    no_voicemail: bool
    other_preferences: str

    @staticmethod
    def resolve_language_label(shared):
        return str(shared.get_language_display())


class NeedKind(Schema):
    """The kind of need: its code in the needs taxonomy and its name in the reader's language."""

    code: str
    label: str


def _need_kind(referral):
    label = referral.need_label  # "" when none, or when its term is gone
    return {"code": referral.need_term.code, "label": label} if label else None


class ReferralIn(InputSchema):
    service: UUID = Field(..., description="The directory service (HSDS id).")
    need: str = Field(
        "",
        max_length=500,
        description="More about the need in the team's words (the provider never sees it); "
        "needed when no `need_term` is given.",
    )
    need_term: UUID | None = Field(None, description="The kind of need: its taxonomy term.")
    strategy: Id | None = Field(None, description="The plan strategy this referral carries out.")
    category: choices(DataCategory) = "general"
    shared: SharedIn
    send: bool = Field(True, description="false keeps a draft the provider does not see.")
    note: str = Field("", max_length=2000, description="A note the provider will read.")


class TransitionIn(InputSchema):
    to: choices(Status) = Field(..., description="The new FHIR Task status.")
    version: Version
    reason: choices(Reason) | None = Field(
        None, description="Needed to reject, cancel or fail (Task.statusReason)."
    )
    note: str = Field("", max_length=2000, description="Needed with reason `other` and to reopen.")


class AnswerIn(InputSchema):
    answer: choices(Referral.Answer) = Field(..., description="Did you get the help you needed?")
    note: str = Field("", max_length=2000)


class ServiceRef(Schema):
    id: UUID
    name: str


class EventOut(Schema):
    at: datetime
    by: str
    from_status: str
    to_status: choices(Status)
    reason: str
    note: str

    @staticmethod
    def resolve_by(event):
        return event.by.full_name if event.by_id else ""


class ReferralOut(Schema):
    id: int
    status: choices(Status)
    version: int
    service: ServiceRef
    need: str
    need_term: UUID | None = Field(alias="need_term_id")
    need_kind: NeedKind | None
    strategy: int | None = Field(alias="strategy_id")
    category: choices(DataCategory)
    made_by: str
    created_at: datetime
    sent_at: datetime | None
    waiting: str = Field(description='"overdue" (2 business days), "escalated" (14) or "".')
    outcome: str
    family_answer: str
    family_answer_note: str
    shared: SharedOut

    @staticmethod
    def resolve_made_by(referral):
        return referral.author.full_name if referral.author_id else ""

    @staticmethod
    def resolve_waiting(referral):
        return waiting_state(referral)

    @staticmethod
    def resolve_need_kind(referral):
        return _need_kind(referral)


class ReferralDetail(ReferralOut):
    events: list[EventOut]

    @staticmethod
    def resolve_events(referral):
        return list(referral.events.all())


class ReceivedOut(Schema):
    """What the provider sees: the service, who referred, what the family shared; nothing else."""

    id: int
    status: choices(Status)
    version: int
    service: ServiceRef
    sent_at: datetime | None
    referred_by: str
    referred_by_organization: str
    need_kind: NeedKind | None
    outcome: str
    shared: SharedOut

    @staticmethod
    def resolve_need_kind(referral):
        return _need_kind(referral)

    @staticmethod
    def resolve_referred_by(referral):
        return referral.author.full_name if referral.author_id else ""

    @staticmethod
    def resolve_referred_by_organization(referral):
        organization = referral.author.organization if referral.author_id else None
        return organization.name if organization else ""


class ReceivedEventOut(EventOut):
    @staticmethod
    def resolve_by(event):
        """Staff by name; a change the family made reads "family" (the provider knows only
        the contact the family shared)."""
        if not event.by_id:
            return ""
        return event.by.full_name if event.by.organization_id else "family"


class ReceivedDetail(ReceivedOut):
    events: list[ReceivedEventOut]

    @staticmethod
    def resolve_events(referral):
        return list(referral.events.all())


class UnmetNeedCount(Schema):
    county_id: int | None
    need: str = Field(description="The need's taxonomy code, or empty.")
    barrier: choices(UnmetNeed.Barrier)
    count: int

"""The family partner's inbox in the JSON API: requests routed to your family organization, the
claim (409 when someone claimed it first), contact attempts, the family's consent, the link to
its record, and closing. A request routed elsewhere answers 404, as one that does not exist."""

from datetime import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import (
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    Moment,
    Pagination,
    Version,
    VersionIn,
    choices,
)
from soc.audit.log import record
from soc.consent.doors import refuse

from . import actions, queries
from .models import ContactAttempt, FamilyRequest

router = Router()
TAGS = ["family partners"]


class RequestOut(Schema):
    id: int
    status: str
    version: int
    created_at: datetime
    county: str = Field(..., alias="county.name")
    sent_to_fallback: bool
    waiting: str = Field("", description='"overdue" when unclaimed for 2 business days.')
    claimed_by: str | None = None
    outcome: str
    linked: bool

    @staticmethod
    def resolve_claimed_by(obj):
        return obj.claimed_by.full_name if obj.claimed_by_id else None

    @staticmethod
    def resolve_waiting(obj):
        return obj.waiting

    @staticmethod
    def resolve_linked(obj):
        return obj.family_id is not None


class AttemptOut(Schema):
    id: int
    at: datetime
    method: str
    result: str
    note: str
    by: str = Field(..., alias="by.full_name")


class RequestDetail(RequestOut):
    name: str
    phone: str
    email: str
    ways: list[str]
    safe_to_leave_message: bool
    best_times: str
    language: str
    language_other: str
    interpreter: bool
    zip_code: str
    help_with: list[str]
    in_their_words: str
    consent_given_by: str
    consent_method: str
    consent_given_at: datetime | None
    erased: bool
    attempts: list[AttemptOut]

    @staticmethod
    def resolve_erased(obj):
        return obj.erased_at is not None

    @staticmethod
    def resolve_attempts(obj):
        return list(obj.attempts.all())


class AttemptIn(InputSchema):
    method: choices(ContactAttempt.Method)
    result: choices(ContactAttempt.Result)
    at: Moment | None = None
    note: str = Field("", max_length=2000)


class CloseIn(InputSchema):
    version: Version
    outcome: choices(FamilyRequest.Outcome)
    note: str = Field("", max_length=2000)


class ConsentIn(InputSchema):
    version: Version
    given_by: str = Field(..., max_length=120, description="Who in the family said yes.")
    method: choices(FamilyRequest.ConsentMethod)
    given_at: Moment | None = None


class LinkIn(InputSchema):
    version: Version
    family: Id


def _found(request, request_id):
    found = queries.family_request(request.auth, request_id)
    if found is None:
        refuse(request.auth, request, "family_partners.familyrequest", request_id)
    return found


def _detail(request, request_id):
    found = _found(request, request_id)
    record(
        request.auth,
        "family_request.api_view",
        found,
        family_id=found.family_id,
        request=request,
    )
    return found


@router.get("/family-requests", response={200: list[RequestOut], **ERRORS}, tags=TAGS)
@paginate(Pagination)
def family_request_inbox(request, status: Query[choices(FamilyRequest.Status) | None] = None):
    """Requests from families in your organization's counties, newest first (empty for others)."""
    record(request.auth, "family_request_inbox.view", request=request)
    return queries.inbox(request.auth, status)


@router.get("/family-requests/{request_id}", response={200: RequestDetail, **ERRORS}, tags=TAGS)
def get_family_request(request, request_id: Id):
    """One request: how to reach the family and what it asked for (the read is audited)."""
    return _detail(request, request_id)


@router.post(
    "/family-requests/{request_id}/claim", response={200: RequestDetail, **EDIT_ERRORS}, tags=TAGS
)
def claim_family_request(request, request_id: Id, payload: VersionIn):
    """Take the request; 409 when another family partner claimed it first."""
    found = _found(request, request_id)
    try:
        actions.claim(request.auth, found, version=payload.version, request=request)
    except actions.AlreadyClaimed as taken:
        return Status(
            409,
            {
                "detail": taken.message,
                "code": "already_claimed",
                "current_version": taken.obj.version,
            },
        )
    return _detail(request, request_id)


@router.post(
    "/family-requests/{request_id}/contacts",
    response={201: RequestDetail, **EDIT_ERRORS},
    tags=TAGS,
)
def add_contact_attempt(request, request_id: Id, payload: AttemptIn):
    """Note a try to reach the family: when, how and what happened."""
    found = _found(request, request_id)
    actions.add_contact_attempt(request.auth, found, request=request, **payload.dict())
    return Status(201, _detail(request, request_id))


@router.post(
    "/family-requests/{request_id}/consent",
    response={200: RequestDetail, **EDIT_ERRORS},
    tags=TAGS,
)
def record_family_consent(request, request_id: Id, payload: ConsentIn):
    """The family agreed that the request be linked to its record and team: who, how, when."""
    found = _found(request, request_id)
    actions.record_consent(request.auth, found, request=request, **payload.dict())
    return _detail(request, request_id)


@router.post(
    "/family-requests/{request_id}/link", response={200: RequestDetail, **EDIT_ERRORS}, tags=TAGS
)
def link_family_request(request, request_id: Id, payload: LinkIn):
    """Link to a family you are on the team of, or were just shown as a possible duplicate
    (then you ask to join as its family partner). Needs the family's consent first (422)."""
    found = _found(request, request_id)
    try:
        actions.link_to_family(
            request.auth, found, payload.family, version=payload.version, request=request
        )
    except Http404:  # recorded here, once the action's transaction has rolled back
        refuse(request.auth, request, "families.family", payload.family)
    return _detail(request, request_id)


@router.post(
    "/family-requests/{request_id}/close", response={200: RequestDetail, **EDIT_ERRORS}, tags=TAGS
)
def close_family_request(request, request_id: Id, payload: CloseIn):
    """Close it: helped, referred elsewhere, could not reach, or the family declined."""
    found = _found(request, request_id)
    actions.close(request.auth, found, request=request, **payload.dict())
    return _detail(request, request_id)

"""Team members: who is on the team, chosen by the family."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.accounts.models import Organization
from soc.api.errors import rename_fields
from soc.api.schemas import (
    BODY_ERRORS,
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    OrganizationOut,
    Pagination,
    VersionIn,
    choices,
    email_field,
)
from soc.audit.log import record
from soc.consent.doors import family_or_404, record_view
from soc.families.models import Family, SpokenLanguage

from .. import actions
from ..models import Membership
from .base import MEMBERS, _invalid_choice, router


class MemberRef(Schema):
    id: int
    name: str


class MemberIn(InputSchema):
    role: choices(Membership.Role) = Field(..., description="Anything but facilitator.")
    support_kind: choices(Membership.SupportKind) | None = Field(
        None, description="Required for a natural support."
    )
    name: str = Field("", max_length=150)
    email: str = email_field("", description="An invitation is e-mailed to this address.")
    phone: str = Field("", max_length=40)
    language: choices(SpokenLanguage) | None = None
    organization: Id | None = Field(None, description="The organization's id.")
    why: str = Field(
        "",
        max_length=2000,
        description="Why this person would help the family: required to suggest someone.",
    )


class MemberOut(Schema):
    id: int
    role: choices(Membership.Role)
    support_kind: str
    status: choices(Membership.Status)
    name: str
    email: str
    phone: str
    language: choices(SpokenLanguage)
    organization: OrganizationOut | None
    person_id: int | None
    has_account: bool
    is_family: bool
    required_by_agency: bool
    required_reason: str
    why: str
    proposed_by: str | None
    proposed_at: datetime
    decided_at: datetime | None
    ended_reason: str
    version: int

    @staticmethod
    def resolve_proposed_by(member):
        return member.proposed_by.full_name if member.proposed_by_id else None


class DecisionIn(VersionIn):
    reason: str = Field("", max_length=2000)


class RequiredIn(VersionIn):
    required: bool
    reason: str = Field(
        "", max_length=2000, description="Why the agency must keep this person, for the family."
    )


class JoinOut(Schema):
    id: int
    status: choices(Membership.Status)


def _member_fields(team, payload):
    fields = payload.model_dump()
    fields["support_kind"] = fields["support_kind"] or ""
    if fields["organization"] is not None:
        fields["organization"] = Organization.objects.filter(pk=fields["organization"]).first()
        if fields["organization"] is None:
            raise _invalid_choice("organization")
    return fields


def _member_or_404(family, member_id):
    return get_object_or_404(
        Membership.objects.filter(team=family.team).select_related("team__family"), pk=member_id
    )


def _member_out(member):
    return Membership.objects.select_related("organization", "proposed_by").get(pk=member.pk)


@router.get(
    "/families/{family_id}/members", response={200: list[MemberOut], **ERRORS}, tags=MEMBERS
)
@paginate(Pagination)
def list_members(request, family_id: int, status: Query[choices(Membership.Status) | None] = None):
    """The team: its members and people waiting for the family's approval, or one status."""
    family = family_or_404(request, family_id)
    record_view(request, "member.list", family, family.pk, user=request.auth)
    members = family.team.memberships.select_related("organization", "proposed_by")
    return members.filter(status=status) if status else members.current()


@router.post(
    "/families/{family_id}/members/invite", response={201: MemberOut, **BODY_ERRORS}, tags=MEMBERS
)
def invite_member(request, family_id: int, payload: MemberIn):
    """A caregiver adds someone to the team directly."""
    team = family_or_404(request, family_id).team
    member = actions.invite_member(request.auth, team, _member_fields(team, payload), request)
    return Status(201, _member_out(member))


@router.post(
    "/families/{family_id}/members/propose", response={201: MemberOut, **BODY_ERRORS}, tags=MEMBERS
)
def propose_member(request, family_id: int, payload: MemberIn):
    """Anyone else on the team proposes someone; they join when a caregiver approves."""
    team = family_or_404(request, family_id).team
    member = actions.propose_member(request.auth, team, _member_fields(team, payload), request)
    return Status(201, _member_out(member))


@router.post(
    "/families/{family_id}/members/{member_id}/approve",
    response={200: MemberOut, **EDIT_ERRORS},
    tags=MEMBERS,
)
def approve_member(request, family_id: int, member_id: int, payload: VersionIn | None = None):
    member = _member_or_404(family_or_404(request, family_id), member_id)
    version = payload.version if payload else None
    member = actions.approve_member(request.auth, member, version, request=request)
    return _member_out(member)


@router.post(
    "/families/{family_id}/members/{member_id}/decline",
    response={200: MemberOut, **EDIT_ERRORS},
    tags=MEMBERS,
)
def decline_member(request, family_id: int, member_id: int, payload: DecisionIn | None = None):
    member = _member_or_404(family_or_404(request, family_id), member_id)
    payload = payload or DecisionIn()
    member = actions.decline_member(
        request.auth, member, payload.version, reason=payload.reason, request=request
    )
    return _member_out(member)


@router.post(
    "/families/{family_id}/members/{member_id}/withdraw",
    response={200: MemberOut, **EDIT_ERRORS},
    tags=MEMBERS,
)
def withdraw_proposal(request, family_id: int, member_id: int, payload: VersionIn | None = None):
    member = _member_or_404(family_or_404(request, family_id), member_id)
    version = payload.version if payload else None
    member = actions.withdraw_proposal(request.auth, member, version, request=request)
    return _member_out(member)


@router.post(
    "/families/{family_id}/members/{member_id}/remove",
    response={200: MemberOut, **EDIT_ERRORS},
    tags=MEMBERS,
)
def remove_member(request, family_id: int, member_id: int, payload: DecisionIn | None = None):
    """A caregiver removes a member, or a member leaves, unless an agency requires them."""
    member = _member_or_404(family_or_404(request, family_id), member_id)
    payload = payload or DecisionIn()
    member = actions.remove_member(
        request.auth, member, payload.version, reason=payload.reason, request=request
    )
    return _member_out(member)


@router.post(
    "/families/{family_id}/members/{member_id}/required",
    response={200: MemberOut, **EDIT_ERRORS},
    tags=MEMBERS,
)
def mark_required(request, family_id: int, member_id: int, payload: RequiredIn):
    """An agency marks one of its own people as required on the team, saying why."""
    member = _member_or_404(family_or_404(request, family_id), member_id)
    try:
        member = actions.mark_required(
            request.auth,
            member,
            required=payload.required,
            reason=payload.reason,
            version=payload.version,
            request=request,
        )
    except ValidationError as error:
        raise rename_fields(error, {"required_reason": "reason"}) from None
    return _member_out(member)


@router.post("/families/{family_id}/join", response={201: JoinOut, **ERRORS}, tags=MEMBERS)
def ask_to_join(request, family_id: int):
    """Ask the family to add you to their team, after POST /families showed it as a duplicate."""
    # Not through visible_to: the caller is not on the team. The action lets only staff
    # who were shown this family as a possible duplicate ask; everyone else gets 404.
    family = Family.objects.open().select_related("team").filter(pk=family_id).first()
    try:
        if family is None:
            raise PermissionDenied
        member = actions.ask_to_join(request.auth, family, request=request)
    except PermissionDenied:
        record(
            request.auth,
            "access.denied",
            ("families.family", str(family_id)),
            request=request,
            detail={"path": request.path[:200]},
        )
        raise Http404 from None
    return Status(201, member)

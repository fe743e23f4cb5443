"""The Child and Family Team in the JSON API: members, meetings and next steps.

Every endpoint finds the family through `family_or_404` first, so anyone not on the team gets
404; every change goes through teams.actions, so the API follows the web pages' rules.
"""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.forms import ModelChoiceField
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.accounts.models import Organization
from soc.api.errors import rename_fields
from soc.api.schemas import (
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    Moment,
    OrganizationOut,
    Pagination,
    Version,
    VersionIn,
    changes_of,
    choices,
    email_field,
)
from soc.audit.log import record
from soc.consent.categories import DataCategory
from soc.consent.disclosures import PART2_NOTICE, note_disclosure
from soc.consent.policy import can_read_record
from soc.families.access import audit_view
from soc.families.api import family_or_404
from soc.families.models import Family, SpokenLanguage

from . import actions
from .models import Attendance, Meeting, Membership, NextStep

router = Router()
MEMBERS, MEETINGS, NEXT_STEPS = ["team members"], ["meetings"], ["next steps"]


def _invalid_choice(field):
    return ValidationError({field: ModelChoiceField.default_error_messages["invalid_choice"]})


def _readable(context, record_, category, author_id):
    return can_read_record(context["request"].auth, record_, category=category, author_id=author_id)


# Members


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
    audit_view(request, "member.list", family, family.pk, user=request.auth)
    members = family.team.memberships.select_related("organization", "proposed_by")
    return members.filter(status=status) if status else members.current()


@router.post(
    "/families/{family_id}/members/invite", response={201: MemberOut, **ERRORS}, tags=MEMBERS
)
def invite_member(request, family_id: int, payload: MemberIn):
    """A caregiver adds someone to the team directly."""
    team = family_or_404(request, family_id).team
    member = actions.invite_member(request.auth, team, _member_fields(team, payload), request)
    return Status(201, _member_out(member))


@router.post(
    "/families/{family_id}/members/propose", response={201: MemberOut, **ERRORS}, tags=MEMBERS
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


# Meetings


class MeetingIn(InputSchema):
    reason: choices(Meeting.Reason) = Meeting.Reason.REGULAR_REVIEW.value
    reason_other: str = Field("", max_length=200, description="Required when reason is other.")
    starts_at: Moment
    ends_at: Moment
    place: str = Field("", max_length=250)
    video_link: str = Field("", max_length=200, json_schema_extra={"format": "uri"})
    agenda: str = Field("", max_length=4000)


MeetingChanges = changes_of(MeetingIn, "MeetingChanges", "Changes to a meeting.")


class AttendanceIn(InputSchema):
    member_id: Id
    status: choices(Attendance.Status)
    interpreter_used: bool = False


class MeetingRecordIn(InputSchema):
    version: Version
    notes: str = Field("", max_length=20000)
    decisions: str = Field("", max_length=10000)
    attendance: list[AttendanceIn] = []
    category: choices(DataCategory) | None = Field(
        None, description="What kind of information the notes hold; unchanged when omitted."
    )


class CancelIn(VersionIn):
    reason: str = Field("", max_length=2000)


class AttendanceOut(Schema):
    member_id: int
    name: str
    status: choices(Attendance.Status)
    interpreter_used: bool

    @staticmethod
    def resolve_member_id(row):
        return row.membership_id

    @staticmethod
    def resolve_name(row):
        return row.membership.name


class MeetingOut(Schema):
    id: int
    uid: UUID = Field(description="The iCalendar UID of the meeting's invitations.")
    reason: choices(Meeting.Reason)
    reason_other: str
    reason_label: str
    starts_at: datetime
    ends_at: datetime
    place: str
    video_link: str
    agenda: str
    status: choices(Meeting.Status)
    called_by: str
    category: choices(DataCategory)
    notes: str | None = Field(description="null when you may not read this data category.")
    decisions: str | None = Field(description="null when you may not read this data category.")
    notes_by: str | None
    notice: str | None = Field(
        description="The 42 CFR Part 2 redisclosure notice, whenever substance-use notes are shown."
    )
    attendance: list[AttendanceOut]
    sequence: int
    created_at: datetime
    version: int

    @staticmethod
    def resolve_called_by(meeting):
        return meeting.called_by.full_name

    @staticmethod
    def resolve_notes_by(meeting):
        return meeting.notes_by.full_name if meeting.notes_by_id else None

    @staticmethod
    def resolve_notes(meeting, context):
        if not _readable(context, meeting, meeting.category, meeting.notes_by_id):
            return None
        if meeting.notes or meeting.decisions:
            # Every response that carries the notes is a disclosure: detail, list, or change.
            request = context["request"]
            note_disclosure(
                request.auth,
                meeting,
                category=meeting.category,
                author_id=meeting.notes_by_id,
                request=request,
            )
        return meeting.notes

    @staticmethod
    def resolve_notice(meeting, context):
        readable = _readable(context, meeting, meeting.category, meeting.notes_by_id)
        if readable and meeting.category == DataCategory.SUBSTANCE_USE:
            return str(PART2_NOTICE)
        return None

    @staticmethod
    def resolve_decisions(meeting, context):
        if _readable(context, meeting, meeting.category, meeting.notes_by_id):
            return meeting.decisions
        return None

    @staticmethod
    def resolve_attendance(meeting):
        return meeting.attendance.all()


def _meetings(team):
    return team.meetings.select_related("called_by", "notes_by").prefetch_related(
        Prefetch("attendance", queryset=Attendance.objects.select_related("membership"))
    )


def _meeting_or_404(family, meeting_id):
    return get_object_or_404(
        Meeting.objects.filter(team=family.team).select_related("team"), pk=meeting_id
    )


@router.get(
    "/families/{family_id}/meetings", response={200: list[MeetingOut], **ERRORS}, tags=MEETINGS
)
@paginate(Pagination)
def list_meetings(request, family_id: int, when: Query[Literal["upcoming", "past"] | None] = None):
    """The team's meetings, latest first; `when=upcoming` lists scheduled ones soonest first."""
    family = family_or_404(request, family_id)
    audit_view(request, "meeting.list", family, family.pk, user=request.auth)
    meetings = _meetings(family.team)
    if when == "upcoming":
        return meetings.upcoming()
    if when == "past":
        return meetings.past()
    return meetings


@router.post("/families/{family_id}/meetings", response={201: MeetingOut, **ERRORS}, tags=MEETINGS)
def convene_meeting(request, family_id: int, payload: MeetingIn):
    """Call the team together; every member with an e-mail gets an invitation."""
    team = family_or_404(request, family_id).team
    meeting = actions.convene_meeting(request.auth, team, payload.model_dump(), request)
    return Status(201, _meetings(team).get(pk=meeting.pk))


@router.get(
    "/families/{family_id}/meetings/{meeting_id}",
    response={200: MeetingOut, **ERRORS},
    tags=MEETINGS,
)
def get_meeting(request, family_id: int, meeting_id: int):
    family = family_or_404(request, family_id)
    meeting = get_object_or_404(_meetings(family.team), pk=meeting_id)
    audit_view(request, "meeting.view", meeting, family.pk, user=request.auth)
    return meeting


@router.patch(
    "/families/{family_id}/meetings/{meeting_id}",
    response={200: MeetingOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def change_meeting(request, family_id: int, meeting_id: int, payload: MeetingChanges):
    """Move or change a meeting; members get an updated invitation."""
    family = family_or_404(request, family_id)
    meeting = _meeting_or_404(family, meeting_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    actions.change_meeting(
        request.auth, meeting, version=payload.version, changes=changes, request=request
    )
    return _meetings(family.team).get(pk=meeting.pk)


@router.post(
    "/families/{family_id}/meetings/{meeting_id}/cancel",
    response={200: MeetingOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def cancel_meeting(request, family_id: int, meeting_id: int, payload: CancelIn | None = None):
    family = family_or_404(request, family_id)
    meeting = _meeting_or_404(family, meeting_id)
    payload = payload or CancelIn()
    actions.cancel_meeting(
        request.auth, meeting, version=payload.version, reason=payload.reason, request=request
    )
    return _meetings(family.team).get(pk=meeting.pk)


@router.put(
    "/families/{family_id}/meetings/{meeting_id}/record",
    response={200: MeetingOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def record_meeting(request, family_id: int, meeting_id: int, payload: MeetingRecordIn):
    """The facilitator records who came, the notes and the decisions (replacing earlier ones)."""
    family = family_or_404(request, family_id)
    meeting = _meeting_or_404(family, meeting_id)
    attendance = {}
    for index, row in enumerate(payload.attendance):
        if row.member_id in attendance:
            raise ValidationError(
                {f"attendance[{index}].member_id": _("This person is listed twice.")}
            )
        attendance[row.member_id] = (row.status, row.interpreter_used)
    actions.record_meeting(
        request.auth,
        meeting,
        version=payload.version,
        notes=payload.notes,
        decisions=payload.decisions,
        attendance=attendance,
        category=payload.category,
        request=request,
    )
    return _meetings(family.team).get(pk=meeting.pk)


# Next steps


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
    created_at: datetime
    completed_at: datetime | None
    is_overdue: bool
    version: int

    @staticmethod
    def resolve_description(step, context):
        if _readable(context, step, step.category, step.created_by_id):
            return step.description
        return None

    @staticmethod
    def resolve_created_by(step):
        return step.created_by.full_name


def _next_steps(team):
    return team.next_steps.select_related("responsible", "created_by")


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
    audit_view(request, "next_step.list", family, family.pk, user=request.auth)
    steps = _next_steps(family.team)
    return steps.filter(status=status) if status else steps


@router.post(
    "/families/{family_id}/next-steps", response={201: NextStepOut, **ERRORS}, tags=NEXT_STEPS
)
def add_next_step(request, family_id: int, payload: NextStepIn):
    team = family_or_404(request, family_id).team
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
    return Status(201, _next_steps(team).get(pk=step.pk))


@router.patch(
    "/families/{family_id}/next-steps/{step_id}",
    response={200: NextStepOut, **EDIT_ERRORS},
    tags=NEXT_STEPS,
)
def update_next_step(request, family_id: int, step_id: int, payload: NextStepChanges):
    """The facilitator changes a step; the person responsible can change its status."""
    family = family_or_404(request, family_id)
    team = family.team
    step = get_object_or_404(
        NextStep.objects.filter(team=team).select_related("team__family"), pk=step_id
    )
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    if "responsible" in changes:
        changes["responsible"] = _team_member(team, changes["responsible"])
    actions.update_next_step(
        request.auth, step, version=payload.version, changes=changes, request=request
    )
    return _next_steps(team).get(pk=step.pk)

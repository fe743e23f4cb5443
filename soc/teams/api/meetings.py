"""Meetings: convene, change, cancel, record, record one that already happened, answer."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import (
    BODY_ERRORS,
    EDIT_ERRORS,
    ERRORS,
    Id,
    InputSchema,
    Moment,
    Pagination,
    Version,
    VersionIn,
    changes_of,
    choices,
)
from soc.consent import policy
from soc.consent.categories import DataCategory
from soc.consent.disclosures import PART2_NOTICE, collect
from soc.consent.doors import family_or_404, record_view
from soc.families.models import SpokenLanguage

from .. import actions
from ..models import Attendance, Meeting, MeetingAnswer
from .base import MEETINGS, router


class MeetingIn(InputSchema):
    reason: choices(Meeting.Reason) = Meeting.Reason.REGULAR_REVIEW.value
    reason_other: str = Field("", max_length=200, description="Required when reason is other.")
    starts_at: Moment
    ends_at: Moment
    place: str = Field("", max_length=250)
    video_link: str = Field("", max_length=200, json_schema_extra={"format": "uri"})
    agenda: str = Field("", max_length=4000)
    interpreter_language: choices(SpokenLanguage) | Literal[""] = Field(
        "", description="The language an interpreter is asked for; empty for none."
    )


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


def _attendance_map(rows):
    attendance = {}
    for index, row in enumerate(rows):
        if row.member_id in attendance:
            raise ValidationError(
                {f"attendance[{index}].member_id": _("This person is listed twice.")}
            )
        attendance[row.member_id] = (row.status, row.interpreter_used)
    return attendance


class HeldMeetingIn(InputSchema):
    """A meeting that already took place (or an unplanned one), recorded in one step."""

    reason: choices(Meeting.Reason) = Meeting.Reason.REGULAR_REVIEW.value
    reason_other: str = Field("", max_length=200, description="Required when reason is other.")
    starts_at: Moment = Field(description="When it started: now or earlier.")
    ends_at: Moment
    place: str = Field("", max_length=250)
    video_link: str = Field("", max_length=200, json_schema_extra={"format": "uri"})
    notes: str = Field("", max_length=20000)
    decisions: str = Field("", max_length=10000)
    attendance: list[AttendanceIn] = []
    category: choices(DataCategory) = DataCategory.GENERAL.value


class AnswerIn(InputSchema):
    answer: choices(MeetingAnswer.Answer)
    note: str = Field("", max_length=500, description="Seen by the facilitator and the organizer.")


class MeetingAnswerOut(Schema):
    member_id: int
    name: str
    answer: choices(MeetingAnswer.Answer)
    note: str | None = Field(
        description="null unless you wrote it, called the meeting or facilitate the team."
    )
    answered_at: datetime

    @staticmethod
    def resolve_member_id(row):
        return row.membership_id

    @staticmethod
    def resolve_name(row):
        return row.membership.name

    @staticmethod
    def resolve_note(row, context):
        user = context["request"].auth
        mine = policy.membership_for(user, row.meeting.family_id)
        if (mine is not None and mine.pk == row.membership_id) or policy.can(
            user, "change_meeting", row.meeting
        ):
            return row.note
        return None


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
    interpreter_language: str = Field(description="Empty when no interpreter is asked for.")
    status: choices(Meeting.Status) = Field(
        description="scheduled, held (recorded once it started) or cancelled."
    )
    called_by: str
    category: choices(DataCategory)
    notes: str | None = Field(description="null when you may not read this data category.")
    decisions: str | None = Field(description="null when you may not read this data category.")
    notes_by: str | None
    notice: str | None = Field(
        description="The 42 CFR Part 2 redisclosure notice, whenever substance-use notes are shown."
    )
    attendance: list[AttendanceOut]
    answers: list[MeetingAnswerOut] = Field(description="Who said they are coming.")
    sequence: int
    created_at: datetime
    version: int

    @staticmethod
    def resolve_called_by(meeting):
        return meeting.called_by.full_name

    @staticmethod
    def resolve_notes_by(meeting):
        return meeting.author.full_name if meeting.author_id else None

    @staticmethod
    def resolve_notes(meeting, context):
        if not meeting.readable:
            return None
        if meeting.has_notes:
            # Every response that carries the notes is a disclosure: detail, list, or change.
            collect(context["request"], meeting)
        return meeting.notes

    @staticmethod
    def resolve_notice(meeting):
        if meeting.readable and meeting.is_substance_use:
            return str(PART2_NOTICE)
        return None

    @staticmethod
    def resolve_decisions(meeting):
        return meeting.decisions if meeting.readable else None

    @staticmethod
    def resolve_attendance(meeting):
        return meeting.attendance.all()

    @staticmethod
    def resolve_answers(meeting):
        return meeting.answers.all()


def _meetings(request, family):
    """The family's meetings, each marked with whether the caller may read its notes."""
    return (
        Meeting.objects.with_readability(request.auth, family=family)
        .filter(family=family)
        .select_related("called_by", "author")
        .prefetch_related(
            Prefetch("attendance", queryset=Attendance.objects.select_related("membership")),
            Prefetch(
                "answers",
                queryset=MeetingAnswer.objects.select_related("membership", "meeting"),
            ),
        )
    )


def _meeting_or_404(family, meeting_id):
    return get_object_or_404(
        Meeting.objects.filter(family=family).select_related("team"), pk=meeting_id
    )


@router.get(
    "/families/{family_id}/meetings", response={200: list[MeetingOut], **ERRORS}, tags=MEETINGS
)
@paginate(Pagination)
def list_meetings(request, family_id: int, when: Query[Literal["upcoming", "past"] | None] = None):
    """The team's meetings, latest first; `when=upcoming` lists scheduled ones soonest first."""
    family = family_or_404(request, family_id)
    record_view(request, "meeting.list", family, family.pk, user=request.auth)
    meetings = _meetings(request, family)
    if when == "upcoming":
        return meetings.upcoming()
    if when == "past":
        return meetings.past()
    return meetings


@router.post(
    "/families/{family_id}/meetings", response={201: MeetingOut, **BODY_ERRORS}, tags=MEETINGS
)
def convene_meeting(request, family_id: int, payload: MeetingIn):
    """Call the team together; every member with an e-mail gets an invitation."""
    family = family_or_404(request, family_id)
    meeting = actions.convene_meeting(request.auth, family.team, payload.model_dump(), request)
    return Status(201, _meetings(request, family).get(pk=meeting.pk))


@router.post(
    "/families/{family_id}/meetings/held",
    response={201: MeetingOut, **BODY_ERRORS},
    tags=MEETINGS,
)
def record_held_meeting(request, family_id: int, payload: HeldMeetingIn):
    """The facilitator records a meeting that already happened: time, attendance, notes and
    decisions in one step. Nobody is invited; the meeting is "held" at once."""
    family = family_or_404(request, family_id)
    fields = payload.model_dump(exclude={"notes", "decisions", "attendance", "category"})
    meeting = actions.record_held_meeting(
        request.auth,
        family.team,
        fields,
        notes=payload.notes,
        decisions=payload.decisions,
        attendance=_attendance_map(payload.attendance),
        category=payload.category,
        request=request,
    )
    return Status(201, _meetings(request, family).get(pk=meeting.pk))


@router.get(
    "/families/{family_id}/meetings/{meeting_id}",
    response={200: MeetingOut, **ERRORS},
    tags=MEETINGS,
)
def get_meeting(request, family_id: int, meeting_id: int):
    family = family_or_404(request, family_id)
    meeting = get_object_or_404(_meetings(request, family), pk=meeting_id)
    record_view(request, "meeting.view", meeting, family.pk, user=request.auth)
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
    return _meetings(request, family).get(pk=meeting.pk)


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
    return _meetings(request, family).get(pk=meeting.pk)


@router.put(
    "/families/{family_id}/meetings/{meeting_id}/record",
    response={200: MeetingOut, **EDIT_ERRORS},
    tags=MEETINGS,
)
def record_meeting(request, family_id: int, meeting_id: int, payload: MeetingRecordIn):
    """The facilitator records who came, the notes and the decisions (replacing earlier ones)."""
    family = family_or_404(request, family_id)
    meeting = _meeting_or_404(family, meeting_id)
    attendance = _attendance_map(payload.attendance)
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
    return _meetings(request, family).get(pk=meeting.pk)


@router.post(
    "/families/{family_id}/meetings/{meeting_id}/answer",
    response={200: MeetingAnswerOut, **BODY_ERRORS},
    tags=MEETINGS,
)
def answer_meeting(request, family_id: int, meeting_id: int, payload: AnswerIn):
    """Say whether you are coming (coming, not_coming, maybe), with a note; a new answer
    replaces the last. 422 once the meeting is over or cancelled."""
    family = family_or_404(request, family_id)
    meeting = _meeting_or_404(family, meeting_id)
    answer = actions.answer_meeting(
        request.auth, meeting, answer=payload.answer, note=payload.note, request=request
    )
    return MeetingAnswer.objects.select_related("membership", "meeting").get(pk=answer.pk)

"""Bodies and their seats: every body is public, with who holds its seats; officers (and
collaborative administrators) add seats, fill them for a term and end terms."""

from datetime import date

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from ninja import Field, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import BODY_ERRORS, ERRORS, Id, InputSchema, Pagination, Presented, choices

from .. import actions, standing
from ..models import Collaborative, Office, SeatTerm, SeatType
from .base import body_or_404, pick, router


class SeatHolderOut(Schema):
    id: int = Field(description="The seat.")
    seat_type: str
    label: str
    is_voting: bool
    is_reserved: bool
    term: int | None = Field(description="The current term; null when the seat is vacant.")
    holder: str | None
    organization: str
    office: str


class CollaborativeOut(Schema):
    slug: str
    name: str
    level: str
    kind: str
    parent: str | None
    counties: list[str]
    meets: str


class CollaborativeDetail(CollaborativeOut):
    seats: list[SeatHolderOut]
    warnings: list[str]


class SeatIn(InputSchema):
    seat_type: choices(SeatType)
    label: str = Field("", max_length=120, description="The seat's own name, if it has one.")
    is_reserved: bool = Field(False, description="Reserved for this seat type.")
    is_voting: bool = True


class SeatOut(Schema):
    id: int
    seat_type: str
    label: str
    is_voting: bool
    is_reserved: bool


class TermIn(InputSchema):
    user: Id | None = Field(None, description="The holder's account, when they have one.")
    name: str = Field("", max_length=150, description="The holder's name, without an account.")
    organization: str = Field("", max_length=200)
    office: choices(Office) = Field("", description="Empty for a member without an office.")
    starts_on: date
    ends_on: date | None = None


class EndTermIn(InputSchema):
    ends_on: date = Field(description="The last day in the seat.")


class TermOut(Schema):
    id: int
    seat: int
    holder: str
    organization: str
    office: str
    starts_on: date
    ends_on: date | None


def _body(body):
    return {
        "slug": body.slug,
        "name": body.name,
        "level": body.level,
        "kind": body.kind,
        "parent": body.parent.slug if body.parent_id else None,
        "counties": [c.name for c in body.counties.all()],
        "meets": body.meets,
    }


def _seat(seat):
    return {
        "id": seat.pk,
        "seat_type": seat.seat_type,
        "label": seat.label,
        "is_voting": seat.is_voting,
        "is_reserved": seat.is_reserved,
    }


def _term(term):
    term = SeatTerm.objects.select_related("user").get(pk=term.pk)  # as saved
    return {
        "id": term.pk,
        "seat": term.seat_id,
        "holder": term.holder_name,
        "organization": term.organization,
        "office": term.office,
        "starts_on": term.starts_on,
        "ends_on": term.ends_on,
    }


@router.get("/collaboratives", response={200: list[CollaborativeOut], **ERRORS})
@paginate(Pagination)
def list_collaboratives(request):
    """Every body and work group."""
    bodies = Collaborative.objects.select_related("parent").prefetch_related("counties")
    return Presented(bodies.order_by("level", "name", "pk"), _body)


@router.get("/collaboratives/{slug}", response={200: CollaborativeDetail, **ERRORS})
def get_collaborative(request, slug: str):
    """A body, its seats (vacancies as null holders) and the warnings about its own rules."""
    body = body_or_404(slug)
    holders = standing.seat_holders(body)
    seats = [
        {
            **_seat(s),
            "term": t.pk if t else None,
            "holder": t.holder_name if t else None,
            "organization": t.organization if t else "",
            "office": t.office if t else "",
        }
        for s, t in holders
    ]
    return {**_body(body), "seats": seats, "warnings": standing.rule_warnings(body, holders)}


@router.post("/collaboratives/{slug}/seats", response={201: SeatOut, **BODY_ERRORS})
def add_seat(request, slug: str, payload: SeatIn):
    """Officers and collaborative administrators add a seat (voting or not)."""
    seat = actions.add_seat(request.auth, body_or_404(slug), request=request, **payload.dict())
    return Status(201, _seat(seat))


@router.post("/collaboratives/{slug}/seats/{seat_id}/terms", response={201: TermOut, **BODY_ERRORS})
def fill_seat(request, slug: str, seat_id: Id, payload: TermIn):
    """Someone holds the seat from a date (to a date): an account or a name, an organization
    and an office. 422 when someone else holds it on any of those dates."""
    seat = get_object_or_404(body_or_404(slug).seats, pk=seat_id)
    user = pick(get_user_model().objects.all(), payload.user, "user")
    fields = payload.dict(exclude={"user"})
    term = actions.fill_seat(request.auth, seat, user=user, request=request, **fields)
    return Status(201, _term(term))


@router.post("/collaboratives/{slug}/terms/{term_id}/end", response={200: TermOut, **BODY_ERRORS})
def end_seat_term(request, slug: str, term_id: Id, payload: EndTermIn):
    """The holder's last day in the seat."""
    body = body_or_404(slug)
    term = get_object_or_404(
        SeatTerm.objects.filter(seat__collaborative=body).select_related("seat"), pk=term_id
    )
    term.seat.collaborative = body
    return _term(actions.end_term(request.auth, term, ends_on=payload.ends_on, request=request))

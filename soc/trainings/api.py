"""Trainings in the JSON API: upcoming trainings, one training, registering (one click for the
signed-in user), who registered and who came (organizers only: 404 for anyone else), and the
share of trainings co-facilitated by family members and youth. Every change goes through
trainings.actions, as the pages' do."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from soc.api.schemas import (
    BODY_ERRORS,
    ERRORS,
    MAX_ID,
    Id,
    InputSchema,
    Pagination,
    Presented,
    choices,
)
from soc.audit.log import record
from soc.families.models import SpokenLanguage

from . import actions, rules, share
from .models import Audience, Registration, Training
from .views import filtered, listed

router = Router(tags=["trainings"])


class FacilitatorOut(Schema):
    name: str
    lived_experience: Literal["", "family", "youth"]


class TrainingOut(Schema):
    id: int
    title: str
    offered_by: str
    offered_by_kind: Literal["collaborative", "family_organization"]
    starts_at: datetime
    ends_at: datetime
    county: str | None
    place: str
    online: bool
    languages: list[str]
    audience: str
    is_public: bool
    status: str
    facilitators: list[FacilitatorOut]


class TrainingDetail(TrainingOut):
    description: str
    has_room: bool
    version: int


class TrainingFilters(Schema):
    county: int | None = Field(None, ge=1, le=MAX_ID, description="A county's id.")
    language: choices(SpokenLanguage) | None = None
    audience: choices(Audience) | None = None


class RegisterIn(InputSchema):
    needs_interpreter: bool = False
    accommodation: str = Field("", max_length=500)


class MyRegistrationOut(Schema):
    id: int
    status: str


class RegistrantOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    language: str
    needs_interpreter: bool
    accommodation: str
    status: str
    attended: bool | None


class TrainingAttendanceIn(InputSchema):
    attended: list[Id] = Field(..., max_length=1000, description="Ids of registrations that came.")


class ShareOut(Schema):
    offered_by: str
    trainings: int
    with_family: int
    with_youth: int
    with_family_or_youth: int
    percent: int | None


class ShareRollupOut(Schema):
    state: ShareOut
    hosts: list[ShareOut]


def _training(t):
    return {
        "id": t.pk,
        "title": t.title,
        "offered_by": t.host.name,
        "offered_by_kind": "collaborative" if t.collaborative_id else "family_organization",
        "starts_at": t.starts_at,
        "ends_at": t.ends_at,
        "county": t.county.name if t.county_id else None,
        "place": t.place,
        "online": bool(t.online_link),
        "languages": t.languages,
        "audience": t.audience,
        "is_public": t.is_public,
        "status": t.status,
        "facilitators": [
            {"name": f.display_name, "lived_experience": f.lived_experience}
            for f in t.facilitators.all()
        ],
    }


def _share(name, s):
    return {
        "offered_by": name,
        "trainings": s.trainings,
        "with_family": s.with_family,
        "with_youth": s.with_youth,
        "with_family_or_youth": s.with_either,
        "percent": s.percent,
    }


def _visible(request, training_id):
    found = get_object_or_404(listed(request.auth), pk=training_id)
    return found


def _organized(request, training_id):
    found = _visible(request, training_id)
    if not rules.can(request.auth, "organize_training", found):
        raise Http404
    return found


@router.get("/trainings/share", response={200: ShareRollupOut, **ERRORS})
def training_share(request):
    """The share of trainings (not cancelled) co-facilitated by a family member or youth, for
    each collaborative and family organization and for the whole state."""
    rows, total = share.state_rollup()
    return {
        "state": _share("", total),
        "hosts": [_share(host.name, s) for host, s in rows],
    }


@router.get("/trainings", response={200: list[TrainingOut], **ERRORS})
@paginate(Pagination)
def list_trainings(request, filters: Query[TrainingFilters]):
    """Upcoming trainings: public ones, and members-only ones of your own bodies."""
    return Presented(filtered(listed(request.auth).upcoming(), filters.dict()), _training)


@router.get("/trainings/{training_id}", response={200: TrainingDetail, **ERRORS})
def get_training(request, training_id: Id):
    """One training. Registrants are not here: organizers read them at /registrations."""
    t = _visible(request, training_id)
    return {
        **_training(t),
        "description": t.description,
        "has_room": not t.is_full(),
        "version": t.version,
    }


@router.post(
    "/trainings/{training_id}/registrations",
    response={201: MyRegistrationOut, 429: ERRORS[401], **BODY_ERRORS},
)
def register_for_training(request, training_id: Id, payload: RegisterIn):
    """Register yourself (a place, or the waitlist when it is full)."""
    t = _visible(request, training_id)
    try:
        registration = actions.register(request.auth, t, request=request, **payload.dict())
    except actions.TooManyRegistrations as error:
        return 429, {"detail": " ".join(error.messages)}
    except PermissionDenied:
        raise Http404 from None
    return 201, {"id": registration.pk, "status": registration.status}


@router.get("/trainings/{training_id}/registrations", response={200: list[RegistrantOut], **ERRORS})
@paginate(Pagination)
def list_registrants(request, training_id: Id):
    """Who registered and what they need: organizers only (404 for anyone else)."""
    t = _organized(request, training_id)
    record(request.auth, "training.api_registrants", t, request=request)
    return t.registrations.filter(status__in=Registration.ACTIVE)


@router.post(
    "/trainings/{training_id}/attendance", response={200: list[RegistrantOut], **BODY_ERRORS}
)
def record_training_attendance(request, training_id: Id, payload: TrainingAttendanceIn):
    """Who came (the rest of those registered did not); the training is then held."""
    t = _organized(request, training_id)
    actions.record_attendance(request.auth, t, attended=payload.attended, request=request)
    return list(Training.objects.get(pk=t.pk).registrations.filter(status__in=Registration.ACTIVE))

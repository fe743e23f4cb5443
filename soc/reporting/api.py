"""The reporting inventory and the annual report drafts in the JSON API.

Like the pages, every operation is for seat holders and collaborative administrators; anyone
else gets 404. A draft downloads as XLSX or PDF and is audited."""

from datetime import date
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from soc.accounts.models import Organization
from soc.api.schemas import BODY_ERRORS, ERRORS, InputSchema, Pagination, Presented, choices
from soc.collaboratives.models import Collaborative

from . import actions, annual, queries, rules
from .models import DataItem, ReportingRequirement
from .views import FORMATS, annual_response, requirement_for

router = Router(tags=["reporting"])


class RequirementOut(Schema):
    id: int
    title: str
    collaborative: str | None
    body_kind: str
    asked_of: str
    to_whom: str
    frequency: str
    due_on: date | None
    due_rule: str
    data_items: list[str]
    to_fill_in_by_hand: list[str] = Field(
        ..., description="Codes of the data items the annual report draft leaves to fill in."
    )


class RequirementIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=200)
    frequency: choices(ReportingRequirement.Frequency)
    data_items: list[str] = Field(
        ..., description="Codes of data items (GET /reporting/duplication lists some)."
    )
    collaborative: str | None = Field(None, description="The slug of the body that reports.")
    body_kind: choices(Collaborative.Kind) | None = None
    recipient_organization: int | None = None
    recipient: str = Field("", max_length=200)
    due_on: date | None = None
    due_rule: str = Field("", max_length=200)


class AskingOut(Schema):
    id: int
    title: str
    asked_of: str
    to_whom: str


class DuplicatedItemOut(Schema):
    code: str
    name: str
    asked: int
    requirements: list[AskingOut]


def _requirement(r):
    return {
        "id": r.pk,
        "title": r.title,
        "collaborative": r.collaborative.slug if r.collaborative_id else None,
        "body_kind": r.body_kind,
        "asked_of": r.asked_of,
        "to_whom": r.to_whom,
        "frequency": r.frequency,
        "due_on": r.due_on,
        "due_rule": r.due_rule,
        "data_items": [i.code for i in r.data_items.all()],
        "to_fill_in_by_hand": [i.code for i, _why in annual.contents(r)[1]],
    }


def _inventory_or_404(user):
    if not rules.can(user, "see_inventory"):
        raise Http404


@router.get("/reporting/requirements", response={200: list[RequirementOut], **ERRORS})
@paginate(Pagination)
def list_reporting_requirements(request):
    """Every reporting requirement: who reports what, to whom, how often."""
    _inventory_or_404(request.auth)
    return Presented(ReportingRequirement.objects.for_listing(), _requirement)


@router.post("/reporting/requirements", response={201: RequirementOut, **BODY_ERRORS})
def add_reporting_requirement(request, payload: RequirementIn):
    """Add a requirement (collaborative admins, the State Collaborative, a body's officers)."""
    _inventory_or_404(request.auth)
    data = payload.dict()
    codes = data.pop("data_items")
    items = list(DataItem.objects.filter(code__in=codes))
    if len(items) != len(set(codes)):
        raise ValidationError({"data_items": _("Unknown data item.")})
    slug = data.pop("collaborative")
    body = get_object_or_404(Collaborative.objects.local(), slug=slug) if slug else None
    org_id = data.pop("recipient_organization")
    org = get_object_or_404(Organization, pk=org_id) if org_id is not None else None
    made = actions.add_requirement(
        request.auth,
        collaborative=body,
        recipient_organization=org,
        data_items=items,
        request=request,
        **{**data, "body_kind": data["body_kind"] or ""},
    )
    return 201, _requirement(ReportingRequirement.objects.for_listing().get(pk=made.pk))


@router.get("/reporting/duplication", response={200: list[DuplicatedItemOut], **ERRORS})
def reporting_duplication(request):
    """Data items asked for by more than one requirement, with the requirements asking."""
    _inventory_or_404(request.auth)
    return [
        {
            "code": item.code,
            "name": item.label,
            "asked": item.asked,
            "requirements": [
                {"id": r.pk, "title": r.title, "asked_of": r.asked_of, "to_whom": r.to_whom}
                for r in item.requirements.all()
            ],
        }
        for item in queries.duplicated_items()
    ]


BINARY = {"schema": {"type": "string", "format": "binary"}}


@router.get(
    "/collaboratives/{slug}/annual-reports/{year}",
    response={**ERRORS},
    openapi_extra={
        "responses": {
            "200": {
                "description": "The draft, as an XLSX workbook or a PDF.",
                "content": dict.fromkeys(FORMATS.values(), BINARY),
            }
        }
    },
)
def download_annual_report(
    request,
    slug: str,
    year: int,
    format: Literal["xlsx", "pdf"] = "xlsx",
    requirement: int | None = None,
):
    """A body's annual report draft for the period starting in `year` (seat holders only).

    With `requirement` (the id of one of the body's reporting requirements, its own or its
    kind's), the draft holds the data items that requirement names and lists those the platform
    does not hold, to fill in by hand; without it, everything the platform can fill in."""
    body = get_object_or_404(Collaborative.objects.local(), slug=slug)
    if not rules.can(request.auth, "download_annual_report", body):
        raise Http404
    if year not in annual.YEARS:
        raise ValidationError({"year": _("Choose a year from 2000 to 2100.")})
    return annual_response(request, body, year, format, requirement_for(body, requirement))

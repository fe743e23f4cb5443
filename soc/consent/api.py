"""Consent in the JSON API: the same functions as the "Sharing" pages, through the same policy."""

from datetime import date, datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from soc.accounts.models import Organization, User
from soc.api.schemas import BODY_ERRORS, ERRORS, Id, InputSchema, Pagination, choices
from soc.consent.doors import family_or_404, record_view

from . import actions
from .categories import PROTECTED
from .disclosures import PART2_NOTICE
from .models import Consent

router = Router(tags=["consent"])
ProtectedCategory = Literal[tuple(sorted(PROTECTED))]


class ConsentIn(InputSchema):
    granted_by: Id = Field(
        ..., description="The id of the caregiver or youth giving consent (you)."
    )
    discloser: str = Field(..., max_length=200, description="Who shares the information.")
    recipient_kind: choices(Consent.Recipient)
    recipient_user: Id | None = Field(
        None, description="For one person: their user id (on the team)."
    )
    recipient_organization: Id | None = None
    categories: list[ProtectedCategory] = Field(..., min_length=1, max_length=6)
    purpose: choices(Consent.Purpose)
    purpose_other: str = Field("", max_length=300)
    starts_on: date | None = None
    expires_on: date
    right_to_revoke_explained: bool = False
    signed_name: str = Field(..., max_length=150)
    signed_on: date | None = None
    signature_method: choices(Consent.Method)


class ConsentOut(Schema):
    id: int
    status: str = Field(description='"active", "not_started", "expired" or "revoked".')
    granted_by: str
    discloser: str
    recipient_kind: str
    recipient: str
    categories: list[str]
    purpose: str
    purpose_other: str
    starts_on: date
    expires_on: date
    signed_name: str
    signed_on: date
    signature_method: str
    created_at: datetime
    revoked_at: datetime | None
    notice: str | None = Field(description="The 42 CFR Part 2 notice, on substance-use consents.")

    @staticmethod
    def resolve_status(consent):
        return consent.status()

    @staticmethod
    def resolve_granted_by(consent):
        return consent.granted_by.full_name

    @staticmethod
    def resolve_recipient(consent):
        return str(consent.recipient_display)

    @staticmethod
    def resolve_notice(consent):
        return str(PART2_NOTICE) if consent.covers_substance_use else None


def _consents(family):
    return family.consents.select_related("granted_by")


@router.get("/families/{family_id}/consents", response={200: list[ConsentOut], **ERRORS})
@paginate(Pagination)
def list_consents(request, family_id: int):
    """What the family agreed to share, with whom and until when (newest first)."""
    family = family_or_404(request, family_id)
    record_view(request, "consent.list", family, family.pk, user=request.auth)
    return _consents(family)


@router.post("/families/{family_id}/consents", response={201: ConsentOut, **BODY_ERRORS})
def give_consent(request, family_id: int, payload: ConsentIn):
    """Give consent in your own name (staff: record one the family signed in person)."""
    family = family_or_404(request, family_id)
    fields = payload.model_dump()
    fields["granted_by"] = family.people.filter(pk=payload.granted_by).first()
    fields["recipient_user"] = (
        User.objects.filter(pk=payload.recipient_user).first() if payload.recipient_user else None
    )
    fields["recipient_organization"] = (
        Organization.objects.filter(pk=payload.recipient_organization).first()
        if payload.recipient_organization
        else None
    )
    consent = actions.give_consent(request.auth, family, fields, request=request)
    return Status(201, _consents(family).get(pk=consent.pk))


@router.post(
    "/families/{family_id}/consents/{consent_id}/revoke", response={200: ConsentOut, **ERRORS}
)
def revoke_consent(request, family_id: int, consent_id: int):
    """Take consent back; it stops working at once."""
    family = family_or_404(request, family_id)
    consent = get_object_or_404(_consents(family), pk=consent_id)
    actions.revoke_consent(request.auth, consent, request=request)
    return _consents(family).get(pk=consent.pk)

"""The team's referrals: list, make, follow, change and the family's answer."""

from django.shortcuts import get_object_or_404
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import BODY_ERRORS, EDIT_ERRORS, ERRORS, Pagination
from soc.consent.disclosures import disclose
from soc.consent.doors import family_or_404, record_view
from soc.directory.models import Service, TaxonomyTerm
from soc.plans.models import Strategy

from .. import actions, queries
from ..models import Referral
from .base import REFERRALS, change, router
from .schemas import AnswerIn, ReferralDetail, ReferralIn, ReferralOut, TransitionIn


def _referrals(request, family):
    return Referral.objects.visible_to(request.auth, family=family).select_related(
        *queries.LIST_RELATED
    )


def _one(request, family, referral_id):
    return get_object_or_404(
        _referrals(request, family).prefetch_related("events__by"), pk=referral_id
    )


@router.get(
    "/families/{family_id}/referrals",
    response={200: list[ReferralOut], **ERRORS},
    tags=REFERRALS,
)
@paginate(Pagination)
def list_referrals(request, family_id: int):
    """The family's referrals you may read, newest first."""
    family = family_or_404(request, family_id)
    record_view(request, "referral.api_list", family, family.pk, user=request.auth)
    return _referrals(request, family)


@router.post(
    "/families/{family_id}/referrals",
    response={201: ReferralDetail, **BODY_ERRORS},
    tags=REFERRALS,
)
def create_referral(request, family_id: int, payload: ReferralIn):
    """Refer the family to a directory service, sharing only `shared` with the provider."""
    family = family_or_404(request, family_id)
    service = Service.objects.select_related("organization").filter(pk=payload.service).first()
    term = TaxonomyTerm.objects.filter(pk=payload.need_term).first() if payload.need_term else None
    strategy = None
    if payload.strategy is not None:
        strategy = Strategy.objects.visible_to(request.auth, family=family)
        strategy = strategy.filter(pk=payload.strategy).first()
    referral = actions.create_referral(
        request.auth,
        family,
        service=service,
        need=payload.need,
        need_term=term,
        strategy=strategy,
        category=payload.category,
        shared=payload.shared.dict(),
        send=payload.send,
        note=payload.note,
        request=request,
    )
    return Status(201, _one(request, family, referral.pk))


@router.get(
    "/families/{family_id}/referrals/{referral_id}",
    response={200: ReferralDetail, **ERRORS},
    tags=REFERRALS,
)
def get_referral(request, family_id: int, referral_id: int):
    """One referral: where it stands, its history, the outcome and the family's answer."""
    family = family_or_404(request, family_id)
    referral = _one(request, family, referral_id)
    record_view(request, "referral.api_view", referral, family.pk, user=request.auth)
    disclose(request.auth, [referral], door="api", request=request)
    return referral


@router.post(
    "/families/{family_id}/referrals/{referral_id}/transitions",
    response={200: ReferralDetail, **EDIT_ERRORS},
    tags=REFERRALS,
)
def change_referral(request, family_id: int, referral_id: int, payload: TransitionIn):
    """Send, cancel, reopen (with a note) or mark entered in error; 409 when stale or illegal."""
    family = family_or_404(request, family_id)
    result = change(request, _one(request, family, referral_id), payload)
    return result if isinstance(result, Status) else _one(request, family, referral_id)


@router.post(
    "/families/{family_id}/referrals/{referral_id}/answer",
    response={200: ReferralDetail, **BODY_ERRORS},
    tags=REFERRALS,
)
def answer_referral(request, family_id: int, referral_id: int, payload: AnswerIn):
    """The family's own answer once the referral is closed: did you get the help you needed?"""
    family = family_or_404(request, family_id)
    referral = _one(request, family, referral_id)
    actions.answer_referral(
        request.auth, referral, answer=payload.answer, note=payload.note, request=request
    )
    return _one(request, family, referral_id)

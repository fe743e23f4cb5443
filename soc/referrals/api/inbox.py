"""The provider's inbox: referrals to our services, only what families shared; and unmet needs."""

from django.core.exceptions import PermissionDenied
from ninja import Query
from ninja.pagination import paginate
from ninja.responses import Status

from soc.api.schemas import EDIT_ERRORS, ERRORS, Id, Pagination, choices
from soc.audit.log import record
from soc.consent import policy
from soc.consent.doors import refuse

from .. import queries
from ..states import Status as ReferralStatus
from .base import REFERRALS, change, router
from .schemas import ReceivedDetail, ReceivedOut, TransitionIn, UnmetNeedCount


def _received(request, referral_id):
    referral = queries.received_referral(request.auth, referral_id)
    if referral is None:
        refuse(request.auth, request, "referrals.referral", referral_id)
    return referral


@router.get("/referrals/inbox", response={200: list[ReceivedOut], **ERRORS}, tags=REFERRALS)
@paginate(Pagination)
def referral_inbox(request, status: Query[choices(ReferralStatus) | None] = None):
    """Referrals to services your organization runs, newest first (empty for everyone else)."""
    record(request.auth, "referral_inbox.view", request=request)
    return queries.inbox(request.auth, status)


@router.get(
    "/referrals/inbox/{referral_id}", response={200: ReceivedDetail, **ERRORS}, tags=REFERRALS
)
def get_received_referral(request, referral_id: int):
    """One referral to your services: what the family shared and its history."""
    referral = _received(request, referral_id)
    record(
        request.auth,
        "referral.api_received",
        ("referrals.referral", str(referral.pk)),
        family_id=referral.family_id,
        request=request,
    )
    return referral


@router.post(
    "/referrals/inbox/{referral_id}/transitions",
    response={200: ReceivedDetail, **EDIT_ERRORS},
    tags=REFERRALS,
)
def change_received_referral(request, referral_id: int, payload: TransitionIn):
    """Accept, reject, start, hold, complete or fail (with a reason); 409 when stale or illegal."""
    result = change(request, _received(request, referral_id), payload)
    return result if isinstance(result, Status) else _received(request, referral_id)


@router.get(
    "/referrals/unmet-needs", response={200: list[UnmetNeedCount], **ERRORS}, tags=REFERRALS
)
def unmet_need_counts(request, county: Query[Id | None] = None):
    """Needs no service met, by county, kind of need and barrier: counts only, nobody named."""
    if not policy.can(request.auth, "see_unmet_need_counts", None):
        raise PermissionDenied
    return queries.unmet_need_counts([county] if county else None)

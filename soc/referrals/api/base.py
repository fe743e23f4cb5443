from ninja import Router
from ninja.responses import Status

from .. import actions

router = Router()
REFERRALS = ["referrals"]


def change(request, referral, payload):
    """Run one status change; an illegal one answers 409 with the current version (a stale
    version raises StaleVersion, which the API answers 409 too)."""
    try:
        return actions.transition(
            referral,
            payload.to,
            request.auth,
            reason=payload.reason or "",
            note=payload.note,
            expected_version=payload.version,
            request=request,
        )
    except actions.IllegalTransition as refused:
        return Status(
            409,
            {
                "detail": str(refused),
                "code": "illegal_transition",
                "current_version": refused.referral.version,
            },
        )

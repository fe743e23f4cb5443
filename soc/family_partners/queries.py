"""What the family partner's pages and endpoints read: each list costs a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone

from .models import ContactAttempt, FamilyRequest, RequestNotice


def inbox(user, status=None):
    """Requests routed to the user's family organization, newest first."""
    requests = (
        FamilyRequest.objects.visible_to(user)
        .select_related("county", "claimed_by")
        .prefetch_related("organizations")
        .order_by("-created_at", "-id")
    )
    if status in FamilyRequest.Status.values:
        requests = requests.filter(status=status)
    return requests


def family_request(user, request_id):
    """One request routed to the user's organization, with its contact attempts, or None."""
    if not 0 < int(request_id) < 2**63:
        return None
    return (
        inbox(user)
        .prefetch_related(Prefetch("attempts", ContactAttempt.objects.select_related("by")))
        .filter(pk=request_id)
        .first()
    )


def notices_seen(user, family_request):
    RequestNotice.objects.filter(user=user, request=family_request, seen_at=None).update(
        seen_at=timezone.now()
    )

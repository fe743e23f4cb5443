"""Unmet needs and declined referrals, counted for collaboratives: counts only, never a family.

The one count of unmet needs combines two sources that can hold the same need:
- the plans in effect (soc.plans.queries.unmet_need_counts): needs the team marked "no service
  can meet this need now", as they stand today;
- this app's `UnmetNeed` rows: a referral turned down or failed for a barrier, or "no service
  fits" recorded on the refer page, in the last 12 months (at most one per referral).

Neither source names a family, so a need that is in a family's plan *and* was declined by a
provider cannot be matched across them. Adding them could count it twice; so, for each county
and barrier, the count is the larger of the two: every need it counts is real (never counted
twice), and it is the least number of families' needs the two sources together prove.
Plan barriers are read in the referral app's words (a waiting list is "no room").
"""

import datetime

from django.db.models import Count
from django.utils import timezone

from soc.plans.models import Need
from soc.plans.queries import unmet_need_counts as plan_unmet_need_counts

from .models import ReferralEvent, UnmetNeed
from .states import Reason, Status

WINDOW = datetime.timedelta(days=365)
PLAN_BARRIERS = {
    Need.Barrier.NO_SERVICE: UnmetNeed.Barrier.NO_SERVICE,
    Need.Barrier.WAITING_LIST: UnmetNeed.Barrier.NO_CAPACITY,
    Need.Barrier.ELIGIBILITY: UnmetNeed.Barrier.NOT_ELIGIBLE,
    Need.Barrier.LANGUAGE: UnmetNeed.Barrier.LANGUAGE,
    Need.Barrier.TRANSPORT: UnmetNeed.Barrier.TRANSPORT,
    Need.Barrier.COST: UnmetNeed.Barrier.COST,
}
NOT_SAID = ""  # a plan's unmet need with no barrier given


def barrier_label(barrier):
    return UnmetNeed.Barrier(barrier).label if barrier in UnmetNeed.Barrier.values else "—"


def unmet_need_counts(county_ids=None, today=None):
    """[{county_id, barrier, count, in_plans, from_referrals}] by county and barrier."""
    since = (today or timezone.localdate()) - WINDOW
    in_plans, from_referrals = {}, {}
    for row in plan_unmet_need_counts(county_ids):
        key = (row["county_id"], PLAN_BARRIERS.get(row["barrier"], NOT_SAID))
        in_plans[key] = in_plans.get(key, 0) + row["count"]
    rows = UnmetNeed.objects.filter(recorded_on__gte=since, county__isnull=False)
    if county_ids is not None:
        rows = rows.filter(county_id__in=county_ids)
    for row in rows.values("county_id", "barrier").annotate(n=Count("id")).order_by():
        from_referrals[row["county_id"], row["barrier"]] = row["n"]
    keys = sorted(set(in_plans) | set(from_referrals), key=lambda k: (k[0] or 0, k[1]))
    return [
        {
            "county_id": county_id,
            "barrier": barrier,
            "count": max(
                in_plans.get((county_id, barrier), 0), from_referrals.get((county_id, barrier), 0)
            ),
            "in_plans": in_plans.get((county_id, barrier), 0),
            "from_referrals": from_referrals.get((county_id, barrier), 0),
        }
        for county_id, barrier in keys
    ]


def decline_counts(county_ids=None, today=None):
    """[{county_id, reason, count}]: referrals turned down or failed in the last 12 months (the
    window unmet needs use), by reason and the family's county; a referral turned down twice
    for the same reason counts once."""
    since = (today or timezone.localdate()) - WINDOW
    events = ReferralEvent.objects.filter(
        to_status__in=[Status.REJECTED, Status.FAILED],
        referral__family__county__isnull=False,
        at__date__gte=since,
    ).exclude(reason="")
    if county_ids is not None:
        events = events.filter(referral__family__county_id__in=county_ids)
    rows = (
        events.values("referral__family__county_id", "reason")
        .annotate(count=Count("referral_id", distinct=True))
        .order_by("referral__family__county_id", "reason")
    )
    return [
        {"county_id": r["referral__family__county_id"], "reason": r["reason"], "count": r["count"]}
        for r in rows
    ]


def reason_label(reason):
    return Reason(reason).label if reason in Reason.values else reason

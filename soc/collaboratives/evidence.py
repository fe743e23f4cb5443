"""Evidence for a barrier: counts for the body's counties, suppressed, never a family.

Unmet needs come from plans in effect (soc.plans.queries.unmet_need_counts). Referral-decline
counts come from the referrals app, which is not here yet: `referral_decline_counts` is the hook
it fills in; until then pages say "not available yet".
"""

from soc.accounts.models import County
from soc.plans.models import Need
from soc.plans.queries import unmet_need_counts

from . import suppression


def unmet_needs(county_ids):
    """Unmet needs by barrier (rows) and county (columns), as a suppressed table."""
    county_ids = list(county_ids)
    names = dict(County.objects.filter(pk__in=county_ids).values_list("pk", "name"))
    labels = dict(Need.Barrier.choices)
    counts = {}
    for row in unmet_need_counts(county_ids):
        key = (str(labels.get(row["barrier"], row["barrier"] or "—")), names[row["county_id"]])
        counts[key] = counts.get(key, 0) + row["count"]
    rows = sorted({r for r, _c in counts})
    cols = sorted(names.values())
    return suppression.table(counts, rows, cols) if rows and cols else None


def referral_decline_counts(county_ids):
    """Hook for the referrals app: a suppressed table of declined referrals, or None."""
    return None

"""Evidence for a barrier: counts for the body's counties, suppressed, never a family.

Unmet needs are the one count that combines the plans in effect and the needs referrals could
not meet (soc.referrals.unmet, which documents the rule that keeps a need from being counted
twice). Declined referrals are referrals turned down or failed, by reason and county.
"""

from soc.accounts.models import County
from soc.referrals import unmet

from . import suppression


def _table(rows, label, county_ids):
    county_ids = list(county_ids)
    names = dict(County.objects.filter(pk__in=county_ids).values_list("pk", "name"))
    counts = {}
    for row, key in rows:
        if row["county_id"] not in names:
            continue
        cell = (str(label(key)), names[row["county_id"]])
        counts[cell] = counts.get(cell, 0) + row["count"]
    lines = sorted({r for r, _c in counts})
    cols = sorted(names.values())
    return suppression.table(counts, lines, cols) if lines and cols else None


def unmet_needs(county_ids):
    """Unmet needs by barrier (rows) and county (columns), as a suppressed table, or None."""
    county_ids = list(county_ids)
    rows = [(row, row["barrier"]) for row in unmet.unmet_need_counts(county_ids)]
    return _table(rows, unmet.barrier_label, county_ids)


def referral_decline_counts(county_ids):
    """Declined and failed referrals by reason (rows) and county, suppressed, or None."""
    county_ids = list(county_ids)
    rows = [(row, row["reason"]) for row in unmet.decline_counts(county_ids)]
    return _table(rows, unmet.reason_label, county_ids)

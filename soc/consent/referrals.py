"""The provider relation: staff of the organization running the service a referral was sent to
see that referral's shared details and answer it; they are not on the family's team.

`policy` adds rules built from these predicates; this module imports nothing from the policy.
Who counts as provider staff is the directory's rule (soc.directory.rules.is_provider_staff).
"""

import rules

from soc.directory.rules import is_provider_staff

__all__ = ["is_provider_staff", "receives_the_referral"]


@rules.predicate
def receives_the_referral(user, referral):
    """Staff of the organization running the service a referral was sent to (not a draft)."""
    return (
        referral is not None
        and user.organization_id is not None
        and getattr(referral, "provider_id", None) == user.organization_id
        and referral.status != "draft"
    )

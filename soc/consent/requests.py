"""The family partner relation: staff of the family organizations a family's request for help
was routed to (soc.family_partners) see that request, and nobody else learns it exists.

The request is not a case record and belongs to no family until it is linked; linking needs
the family's recorded consent, and a family's own record still opens only through its team.
`policy` adds these rules to its rule set; this module imports nothing from the policy.
"""

import rules


def _signed_in(user):
    return user is not None and user.is_authenticated


def family_requests_for(queryset, user):
    """Requests routed to the user's organization: one indexed filter on the routing table."""
    if not _signed_in(user) or user.organization_id is None:
        return queryset.none()
    return queryset.filter(organizations=user.organization_id)


@rules.predicate
def serves_the_request(user, family_request):
    """Staff of a family organization the request was routed to."""
    return (
        family_request is not None
        and user.organization_id is not None
        and user.organization_id in getattr(family_request, "organization_ids", ())
    )


@rules.predicate
def claimed_the_request(user, family_request):
    return family_request is not None and family_request.claimed_by_id == user.pk


FAMILY_REQUEST_RULES = {
    "see_family_request": serves_the_request,
    "claim_family_request": serves_the_request,
    # Contact attempts, closing, the family's consent and the link: the partner who claimed it.
    "work_on_family_request": serves_the_request & claimed_the_request,
}

"""The referrals' corner on the team and plan pages (teams and plans do not import referrals)."""

from django import template

from soc.consent import policy
from soc.consent.disclosures import disclose

from .. import actions, queries

register = template.Library()


@register.inclusion_tag("referrals/_team_panel.html", takes_context=True)
def family_referrals(context, family):
    """The family's referrals with status and waiting flags (a fixed number of queries), each
    saying whether this reader is asked "did you get the help you needed?"."""
    request = context["request"]
    referrals = queries.family_referrals(request.user, family)
    disclose(request.user, referrals, door="page", request=request)
    for referral in referrals:
        referral.asks_for_answer = not referral.family_answer and actions.may_answer(
            request.user, referral
        )
    return {
        "family": family,
        "referrals": referrals,
        "may_refer": policy.can(request.user, "refer_family", family),
    }


@register.inclusion_tag("referrals/_strategy_link.html", takes_context=True)
def refer_link(context, family, strategy):
    user = context["request"].user
    return {
        "family": family,
        "strategy": strategy,
        "may_refer": policy.can(user, "refer_family", family),
    }

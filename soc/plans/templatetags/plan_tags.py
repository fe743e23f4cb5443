"""The plan's corner on the team and meeting pages (teams does not import plans)."""

from django import template

from soc.consent import policy

from .. import queries
from ..models import PlanVersion

register = template.Library()


@register.inclusion_tag("plans/_team_link.html", takes_context=True)
def plan_link(context, family):
    """ "Our plan", with its status and when it is due for review (one query)."""
    versions = PlanVersion.objects.filter(family=family).exclude(status="superseded")
    in_effect = next((v for v in versions if v.is_in_effect), None)
    open_version = next((v for v in versions if v.is_editable), None)
    return {
        "family": family,
        "in_effect": in_effect,
        "open_version": open_version,
        "review": queries.review_state(in_effect),
    }


@register.inclusion_tag("plans/_review_link.html", takes_context=True)
def plan_review_link(context, family, meeting):
    user = context["request"].user
    return {
        "family": family,
        "meeting": meeting,
        "may_review": policy.can(user, "rate_progress", family) and not meeting.is_cancelled,
    }

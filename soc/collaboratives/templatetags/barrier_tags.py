"""The barriers a team raised, and what became of them, on the team's own page
(teams does not import collaboratives)."""

from django import template

from soc.consent import policy

from ..actions.barriers import raised_by_team

register = template.Library()


@register.inclusion_tag("collaboratives/_team_barriers.html", takes_context=True)
def team_barriers(context, family):
    user = context["request"].user
    team = getattr(family, "team", None)
    return {
        "family": family,
        "barriers": list(raised_by_team(team)[:10]) if team else [],
        "may_raise": policy.can(user, "raise_barrier", family),
    }

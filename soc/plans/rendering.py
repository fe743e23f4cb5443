"""A plain-text rendering of one version: what history compares and what agreement names.

Only the parts handed in are rendered, so a reader's difference never shows what they may
not read.
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _lines(title, items):
    if not items:
        return []
    return [f"## {title}", *items, ""]


def render_text(version, *, strengths, needs, goals, strategies, crisis_plan):
    """Lines of text; `goals` with their `needs` prefetched, `strategies` with `responsible`."""
    out = [
        _("Plan version %(number)d") % {"number": version.number},
        f"{_('Starts')}: {version.start_date:%Y-%m-%d} · {_('Review by')}: {version.review_date:%Y-%m-%d}",
        "",
    ]
    out += _lines(_("Our family's vision"), [version.vision] if version.vision else [])
    out += _lines(_("The team's mission"), [version.mission] if version.mission else [])
    out += _lines(
        _("Strengths"),
        [
            f"- {s.get_about_display()}: {s.description}"
            + (f" ({_('named by')} {s.named_by})" if s.named_by else "")
            for s in strengths
        ],
    )
    unmet = pgettext("need", "Unmet")
    out += _lines(
        _("Needs"),
        [
            f"{n.rank}. {n.description} [{n.get_domain_display()}, {n.get_setting_display()}]"
            + (f" {unmet}: {n.get_barrier_display()}" if n.is_unmet else "")
            for n in needs
        ],
    )
    by_goal = {}
    for strategy in strategies:
        by_goal.setdefault(strategy.goal_id, []).append(strategy)
    goal_lines = []
    for goal in goals:
        goal_lines.append(f"- {goal.description} ({goal.get_lifecycle_status_display()})")
        goal_lines.append(f"  {_('How we will know')}: {goal.how_we_will_know}")
        if goal.target_date:
            goal_lines.append(f"  {_('Target date')}: {goal.target_date:%Y-%m-%d}")
        for strategy in by_goal.get(goal.pk, []):
            goal_lines.append(
                f"  * {strategy.description} [{strategy.get_kind_display()}] "
                f"{strategy.responsible.name} · {strategy.get_status_display()}"
            )
    out += _lines(_("Goals and strategies"), goal_lines)
    if crisis_plan is not None:
        crisis = [
            f"{crisis_plan._meta.get_field(name).verbose_name.capitalize()}: {getattr(crisis_plan, name)}"
            for name in crisis_plan.COPIED
            if getattr(crisis_plan, name)
        ]
        crisis += [f"{_('Call')}: {m.name} {m.phone}".strip() for m in crisis_plan.contacts.all()]
        out += _lines(_("Crisis and safety plan"), crisis)
    return out

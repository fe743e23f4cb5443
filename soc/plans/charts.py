"""Goal progress charts: Altair specifications rendered to SVG by vl-convert (no browser, no JS).

Charts carry only dates, numbers and translated labels; the goal's words stay in the HTML
around them, and every chart has a table with the same numbers beside it.
"""

import altair as alt
import vl_convert
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 260, 140


def _rows(ratings):
    family, team = _("Family"), _("Team")
    rows = []
    for rating in ratings:
        day = rating.meeting.starts_at.date().isoformat()
        if rating.family_rating is not None:
            rows.append({"date": day, "who": family, "rating": rating.family_rating})
        if rating.team_rating is not None:
            rows.append({"date": day, "who": team, "rating": rating.team_rating})
    return rows


def _chart(rows, title=""):
    return (
        alt.Chart(alt.Data(values=rows), title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("date:T", title=_("Meeting"), axis=alt.Axis(format="%b %Y", tickCount=4)),
            y=alt.Y("rating:Q", title=_("Progress (0 to 10)"), scale=alt.Scale(domain=[0, 10])),
            color=alt.Color(
                "who:N",
                title=None,
                scale=alt.Scale(range=["#005ea2", "#c05600"]),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeDash=alt.StrokeDash("who:N", legend=None),
        )
        .properties(width=WIDTH, height=HEIGHT)
    )


def _svg(chart, label):
    svg = vl_convert.vegalite_to_svg(chart.to_json())
    # Described for screen readers; the table beside the chart has the numbers.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    # vl-convert's own markup, from dates, numbers and our escaped labels: no user text.
    return mark_safe(svg)  # noqa: S308  # nosec B308 B703


def goal_chart_svg(ratings):
    """A line for the family's ratings and one for the team's, or "" without ratings."""
    rows = _rows(ratings)
    if not rows:
        return ""
    return _svg(_chart(rows), _("Progress on this goal at each meeting"))


def goals_chart_svg(goals_with_ratings):
    """One SVG with a small chart per goal ("Goal 1", "Goal 2", ...), for the PDF: one
    rendering for the whole plan instead of one per goal."""
    charts = [
        _chart(rows, _("Goal %(number)d") % {"number": number})
        for number, ratings in goals_with_ratings
        if (rows := _rows(ratings))
    ]
    if not charts:
        return ""
    return _svg(alt.concat(*charts, columns=2), _("Progress on each goal at each meeting"))

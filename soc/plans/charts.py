"""Goal progress charts: Altair specifications rendered to SVG by vl-convert (no browser, no JS).

Charts carry only dates, numbers and translated labels; the goal's words stay in the HTML
around them, and every chart has a table with the same numbers beside it.
"""

import base64
import functools
import re

import altair as alt
import vl_convert
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 260, 140
SMALL_WIDTH, SMALL_HEIGHT = 230, 110

# What vl-convert draws that nobody sees: axis labels hidden for overlap (opacity 0), empty
# background and foreground paths, and attributes only a browser uses. WeasyPrint parses
# and draws every node it is given, so the PDF's chart is drawn without them.
_INVISIBLE = (
    re.compile(r'<text [^>]*opacity="0"[^>]*>[^<]*</text>'),
    re.compile(
        r'<path class="(?:background|foreground)" aria-hidden="true" d="(?:M0,0h0v0h0Z)?"[^>]*/>'
    ),
    re.compile(
        r' (?:class|role|aria-hidden|aria-roledescription|aria-label|pointer-events)="[^"]*"'
    ),
)


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


def _small_chart(rows, title):
    """One goal among many in the PDF: axis titles and the legend are said once for all."""
    return (
        alt.Chart(alt.Data(values=rows), title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "date:T",
                title=None,
                axis=alt.Axis(
                    format="%b %Y",
                    tickCount=3,
                    grid=False,
                    labelOverlap="greedy",
                    labelSeparation=8,
                ),
            ),
            y=alt.Y(
                "rating:Q",
                title=None,
                scale=alt.Scale(domain=[0, 10]),
                axis=alt.Axis(values=[0, 5, 10]),
            ),
            color=alt.Color(
                "who:N",
                title=None,
                scale=alt.Scale(range=["#005ea2", "#c05600"]),
                legend=alt.Legend(orient="top"),
            ),
            strokeDash=alt.StrokeDash("who:N", legend=None),
        )
        .properties(width=SMALL_WIDTH, height=SMALL_HEIGHT)
    )


@functools.lru_cache(maxsize=64)
def _render(spec_json):
    """vl-convert's SVG for a specification; the same ratings and labels give the same chart,
    so a plan printed again (or in the other language once) is not drawn again."""
    return vl_convert.vegalite_to_svg(spec_json)


def _spec(chart):
    # The specification is built here from fixed encodings; Altair's JSON-schema validation
    # of it costs more than rendering a chart and can find nothing new.
    return chart.to_json(validate=False)


def _svg(chart, label):
    svg = _render(_spec(chart))
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


def lighter_svg(svg):
    """The same picture without what is never seen (see _INVISIBLE)."""
    for pattern in _INVISIBLE:
        svg = pattern.sub("", svg)
    return svg


def goals_chart_data_uri(goals_with_ratings):
    """One SVG with a small chart per goal ("Goal 1", "Goal 2", ...) for the PDF, as a data: URI
    for an <img>: one vl-convert rendering for the whole plan, and WeasyPrint reads the image
    with its XML parser instead of styling every node of it as part of the page."""
    charts = [
        _small_chart(rows, _("Goal %(number)d") % {"number": number})
        for number, ratings in goals_with_ratings
        if (rows := _rows(ratings))
    ]
    if not charts:
        return ""
    chart = alt.concat(*charts, columns=2).resolve_legend(color="shared")
    svg = lighter_svg(_render(_spec(chart)))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

"""Goal charts: Altair rendered to SVG once per plan, light enough for WeasyPrint."""

import base64
import datetime
from types import SimpleNamespace
from unittest import mock

from django.utils import translation

from soc.plans import charts


def _ratings(months=6):
    return [
        SimpleNamespace(
            meeting=SimpleNamespace(starts_at=datetime.datetime(2026, month, 3)),
            family_rating=month,
            team_rating=10 - month,
        )
        for month in range(1, months + 1)
    ]


def _svg(uri):
    assert uri.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(uri.split(",", 1)[1]).decode()


def test_the_pdf_chart_is_one_svg_with_a_titled_chart_per_goal_and_one_legend():
    with translation.override("es"):
        svg = _svg(charts.goals_chart_data_uri([(1, _ratings()), (2, _ratings()), (3, [])]))
    assert svg.startswith("<svg") and ">Meta 1<" in svg and ">Meta 2<" in svg
    assert ">Meta 3<" not in svg  # a goal without ratings has no chart
    assert svg.count(">Familia<") == 1 and svg.count(">Equipo<") == 1


def test_the_pdf_chart_leaves_out_what_is_never_seen():
    svg = _svg(charts.goals_chart_data_uri([(n, _ratings(12)) for n in range(1, 5)]))
    assert 'opacity="0"' not in svg and "aria-roledescription" not in svg
    assert 'd="M0,0h0v0h0Z"' not in svg


def test_lighter_svg_keeps_visible_text_and_drops_hidden_labels():
    svg = (
        '<svg><g class="mark-text" role="graphics-object"><text opacity="1">Jan</text>'
        '<text fill="#000" opacity="0">Feb</text></g>'
        '<path class="background" aria-hidden="true" d="M0,0h0v0h0Z"/></svg>'
    )
    assert charts.lighter_svg(svg) == '<svg><g><text opacity="1">Jan</text></g></svg>'


def test_the_same_ratings_are_drawn_by_vl_convert_only_once():
    charts._render.cache_clear()
    with mock.patch.object(
        charts.vl_convert, "vegalite_to_svg", return_value="<svg></svg>"
    ) as draw:
        charts.goals_chart_data_uri([(1, _ratings())])
        charts.goals_chart_data_uri([(1, _ratings())])
        charts.goals_chart_data_uri([(1, _ratings(5))])
    assert draw.call_count == 2
    charts._render.cache_clear()


def test_the_page_chart_is_an_svg_described_for_screen_readers():
    svg = charts.goal_chart_svg(_ratings())
    assert svg.startswith('<svg role="img" aria-label="Progress on this goal at each meeting"')
    assert charts.goal_chart_svg([]) == ""

"""The plan as a PDF (WeasyPrint), in a language chosen at export: the family's by default.

Like every door it shows only what the reader may read, and carries the 42 CFR Part 2 notice
when substance-use items are shown.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from . import charts


def plan_pdf(contents, status, ratings_by_key, *, family, language) -> bytes:
    """`contents` from queries.contents(); `ratings_by_key` the readable ratings per goal key."""
    with translation.override(language):
        for goal in contents.goals:
            goal.ratings_shown = ratings_by_key.get(goal.key, [])
        numbered = [(n, g.ratings_shown) for n, g in enumerate(contents.goals, 1)]
        html = render_to_string(
            "plans/plan_pdf.html",
            {
                "family": family,
                "version": contents.version,
                "contents": contents,
                "status": status,
                "chart": charts.goals_chart_data_uri(numbered),
                "language": language,
                "printed_at": timezone.now(),
            },
        )
    return HTML(string=html).write_pdf()

"""The demo plans: in effect, with history, ratings over months, Spanish, one disagreement."""

import pytest

from soc.demo.actions import seed
from soc.plans.demo import add_demo_plans
from soc.plans.models import Agreement, PlanVersion, ProgressRating
from soc.teams.models import Attendance, Meeting

pytestmark = pytest.mark.django_db


def test_demo_plans_tell_the_story():
    seed(families=6, seed=3, demo=True)
    made = add_demo_plans(limit=4)
    assert made >= 3
    in_effect = PlanVersion.objects.filter(status="in_effect")
    assert in_effect.count() == made
    assert PlanVersion.objects.filter(status="superseded").count() == made
    rivera = in_effect.get(family__display_name="The Rivera family")
    assert "Nuestros hijos" in rivera.vision  # the story family speaks Spanish
    assert ProgressRating.objects.filter(family=rivera.family).count() >= 6
    dates = ProgressRating.objects.values_list("meeting__starts_at", flat=True)
    assert (max(dates) - min(dates)).days >= 90
    disagreement = Agreement.objects.get(agrees=False)
    assert disagreement.version.status == "proposed" and disagreement.reason
    assert add_demo_plans(limit=4) == 0  # families with a plan are left alone


def test_demo_review_meetings_are_recorded_as_held_with_the_ratings_tied_to_them():
    seed(families=6, seed=3, demo=True)
    add_demo_plans(limit=3)
    reviewed = Meeting.objects.filter(
        pk__in=ProgressRating.objects.values("meeting_id"), reason="regular_review"
    )
    assert reviewed.count() >= 9  # five reviews a family, the later ones once v2 is in effect
    for meeting in reviewed.prefetch_related("attendance"):
        assert meeting.is_held and meeting.state_label != "Over, not recorded yet"
        assert meeting.notes and meeting.decisions
        assert any(a.status == "present" for a in meeting.attendance.all())
    rivera = Meeting.objects.filter(team__family__display_name="The Rivera family", status="held")
    assert "Revisión" in rivera.first().notes  # in the family's language
    assert Attendance.objects.filter(meeting__in=rivera, interpreter_used=True).exists()

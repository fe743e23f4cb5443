"""The demo plans: in effect, with history, ratings over months, Spanish, one disagreement."""

import pytest

from soc.demo.actions import seed
from soc.plans.demo import add_demo_plans
from soc.plans.models import Agreement, PlanVersion, ProgressRating

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

"""`soc demo_collaboratives` tells the story: a family co-chair, votes, minutes, a barrier, responses."""

import pytest
from django.core.management import call_command

from soc.collaboratives import partnership, standing
from soc.collaboratives.models import ActionItem, Barrier, Collaborative, Minutes, Recommendation

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_state_and_local_bodies_once(capsys):
    call_command("demo_collaboratives")
    state = Collaborative.objects.state().get()
    assert standing.rule_warnings(state) == []  # a family co-chair, a quarter of voting seats
    assert state.work_groups.count() == 3
    kinds = set(Collaborative.objects.local().values_list("kind", flat=True))
    assert kinds == {"community", "jcpc", "ccpt", "cft_advisory"}
    assert Minutes.objects.filter(status="approved").count() == 2
    statuses = sorted(ActionItem.objects.values_list("status", flat=True))
    assert statuses == ["done", "done", "open", "open"]  # each meeting's follow-up and minutes
    assert Barrier.objects.filter(status="accepted", work_group__slug="workforce").exists()
    rec = Recommendation.objects.get(status="in_implementation")
    assert rec.responses.count() == 2 and rec.progress() == 50
    assert partnership.for_body(state).family_chaired_work_groups == 1
    call_command("demo_collaboratives")
    assert "exist already" in capsys.readouterr().out
    assert Collaborative.objects.state().count() == 1

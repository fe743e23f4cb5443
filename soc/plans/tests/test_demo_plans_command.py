import pytest
from django.core.management import call_command

from soc.demo.actions import seed
from soc.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_plans_command_gives_demo_families_plans_once(capsys):
    seed(families=20, seed=7, demo=True)
    call_command("demo_plans")
    plans = Plan.objects.count()
    assert plans >= 1 and "Demo plans added" in capsys.readouterr().out
    call_command("demo_plans")
    assert Plan.objects.count() == plans

"""`soc demo_trainings` adds trainings across the demo counties once, most co-led by a family
member or youth, with registrations and attendance."""

import pytest
from django.core.management import call_command

from soc.trainings import share
from soc.trainings.models import Registration, Training

pytestmark = pytest.mark.django_db


def test_the_demo_adds_trainings_once(capsys):
    call_command("demo_collaboratives")
    call_command("demo_trainings")
    count = Training.objects.count()
    assert count >= 8
    assert set(Training.objects.values_list("county__name", flat=True)) >= {
        "Wake",
        "Johnston",
        "Durham",
        None,
    }
    _rows, total = share.state_rollup()
    assert 50 <= total.percent < 100
    assert Registration.objects.filter(status="waitlisted").exists()
    assert Registration.objects.filter(attended=True).exists()
    assert Registration.objects.filter(language="es").exists()
    call_command("demo_trainings")
    assert "exist already" in capsys.readouterr().out
    assert Training.objects.count() == count

"""`soc demo_reporting`: the Wake CCPT and JCPC requirements, with duplication to see."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from soc.collaboratives.models import Collaborative
from soc.reporting import annual, queries
from soc.reporting.models import ReportingRequirement

pytestmark = pytest.mark.django_db


def test_the_demo_adds_requirements_once_after_the_collaboratives(capsys):
    call_command("demo_reporting")
    assert "demo_collaboratives" in capsys.readouterr().out
    call_command("demo_collaboratives")
    call_command("demo_reporting")
    assert ReportingRequirement.objects.count() == 5
    asked = {i.code: i.asked for i in queries.duplicated_items()}
    assert asked["meetings_held"] == 4 and asked["case_reviews_count"] == 2
    jcpc = Collaborative.objects.get(slug="wake-jcpc")
    met = timezone.localdate() - timedelta(days=45)  # the demo's JCPC meeting
    year = met.year if met.month >= 7 else met.year - 1
    report = annual.build(jcpc, year)
    assert report.period.is_fiscal and str(report.sections[0].tables[0].rows[0][-1]) != "0"
    call_command("demo_reporting")
    assert "exist already" in capsys.readouterr().out
    assert ReportingRequirement.objects.count() == 5

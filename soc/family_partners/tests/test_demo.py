import pytest
from django.core.management import call_command

from ..models import FamilyRequest

pytestmark = pytest.mark.django_db


def test_the_demo_adds_requests_in_each_state_once(capsys):
    call_command("demo_family_partners")
    call_command("demo_family_partners")
    assert FamilyRequest.objects.count() == 5
    assert set(FamilyRequest.objects.values_list("status", flat=True)) == {
        "new",
        "claimed",
        "closed",
    }
    assert FamilyRequest.objects.get(name="Dee").sent_to_fallback
    assert "familypartner@example.org" in capsys.readouterr().out

import pytest
from django.core.management import call_command
from django.urls import reverse

from soc.demo.actions import seed
from soc.directory.demo import add_demo_directory
from soc.families.models import SpokenLanguage
from soc.referrals.models import Referral, SharedDetails, UnmetNeed
from soc.referrals.states import Status

pytestmark = pytest.mark.django_db


def test_demo_referrals_are_in_every_state_with_answers_and_an_inbox_once(client, capsys):
    seed(families=20, seed=7, demo=True)
    add_demo_directory()
    call_command("demo_referrals")
    out = capsys.readouterr().out
    assert "provider@example.org" in out
    assert set(Referral.objects.values_list("status", flat=True)) == set(Status.values)
    assert Referral.objects.exclude(family_answer="").count() == 3
    assert UnmetNeed.objects.count() >= 2
    count = Referral.objects.count()
    call_command("demo_referrals")
    assert Referral.objects.count() == count
    from soc.accounts.models import User

    # The demo's intake coordinator reads Spanish: the kind of need is in Spanish, no English.
    client.force_login(User.objects.get(email="provider@example.org"))
    page = client.get(reverse("referral_inbox")).content.decode()
    assert "Apoyo para madres y padres" in page and "Parenting support" not in page
    assert set(SharedDetails.objects.values_list("language", flat=True)) <= set(SpokenLanguage)

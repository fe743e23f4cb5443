"""Logs captured during a full flow through the demo data carry no demo person's name,
birth date or e-mail (issue: no personal data in logs)."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from soc.accounts.models import User
from soc.demo.generator import PASSWORD
from soc.families.models import Family, Person

pytestmark = pytest.mark.django_db


def _personal_data():
    values = set()
    for user in User.objects.all():
        values |= {user.email, user.full_name}
    for person in Person.objects.all():
        values |= {person.full_name, person.email}
        if person.date_of_birth:
            values |= {person.date_of_birth.isoformat(), person.date_of_birth.strftime("%m/%d/%Y")}
    values |= set(Family.objects.values_list("display_name", flat=True))
    return {v for v in values if v and len(v) > 3}


def test_demo_flow_logs_no_personal_data(client, caplog, django_capture_on_commit_callbacks):
    call_command("seed", "--demo", "--families", "5", stdout=StringIO())
    caplog.clear()
    caplog.set_level(logging.DEBUG)
    maria = "maria.rivera@example.org"
    client.post(reverse("login"), {"username": maria, "password": "wrong"})
    assert (
        client.post(reverse("login"), {"username": maria, "password": PASSWORD}).status_code == 302
    )
    family = Family.objects.visible_to(User.objects.get(email=maria)).get()
    for url in [
        "/",
        family.get_absolute_url(),
        reverse("who_looked", args=[family.pk]),
        reverse("consents", args=[family.pk]),
        reverse("search") + "?q=Rivera",
        f"/api/v1/families/{family.pk}/members",
        f"/api/v1/families/{family.pk}/meetings",
    ]:
        client.get(url)
    proposal = family.team.memberships.filter(status="proposed").first()
    client.post(
        reverse("member_approve", args=[family.pk, proposal.pk]), {"version": proposal.version}
    )
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("meeting_new", args=[family.pk]),
            {
                "reason": "crisis",
                "date": day,
                "start_time": "10:00",
                "end_time": "11:00",
                "place": "Casa",
            },
        )
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "outsider@example.org", "password": PASSWORD})
    client.get(family.get_absolute_url())
    client.get(f"/api/v1/families/{family.pk}")
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert caplog.records
    assert sorted(v for v in _personal_data() if v in logged) == []

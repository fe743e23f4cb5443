"""Logs captured during a full flow hold none of the people's names, birth dates or e-mails."""

import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _personal_data(cast):
    people = [
        cast.caregiver,
        cast.youth,
        cast.facilitator,
        cast.member,
        cast.proposed,
        cast.other_org_staff,
    ]
    values = {u.email for u in people} | {u.full_name for u in people}
    values |= {p.full_name for p in cast.family.people.all()}
    values |= {p.date_of_birth.isoformat() for p in cast.family.people.all() if p.date_of_birth}
    values |= {cast.family.display_name, cast.grandma.name}
    return values


def test_full_flow_logs_no_personal_data(client, cast, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    family = reverse("family", args=[cast.family.pk])
    # A failed sign-in, a locked-out guesser and a real sign-in.
    client.post(reverse("login"), {"username": cast.caregiver.email, "password": "wrong"})
    for _ in range(6):
        client.post(
            reverse("login"),
            {"username": cast.member.email, "password": "wrong"},
            REMOTE_ADDR="10.1.2.3",
        )
    client.post(reverse("login"), {"username": cast.caregiver.email, "password": "Correct-Horse-9"})
    client.get(family)
    client.post(reverse("member_approve", args=[cast.family.pk, cast.proposed_membership.pk]))
    day = (timezone.localdate() + timedelta(days=4)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("meeting_new", args=[cast.family.pk]),
            {
                "reason": "crisis",
                "date": day,
                "start_time": "10:00",
                "end_time": "11:00",
                "place": "Home",
            },
        )
    client.post(reverse("meeting_new", args=[cast.family.pk]), {"reason": "crisis", "date": "bad"})
    client.get(f"/api/v1/families/{cast.family.pk}/members")
    client.post(
        f"/api/v1/families/{cast.family.pk}/members/invite",
        '{"name": "x", "email": "nope"}',
        content_type="application/json",
    )
    # Outsiders knocking.
    client.force_login(cast.other_org_staff)
    client.get(family)
    client.get(f"/api/v1/families/{cast.family.pk}")
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert caplog.records, "the flow should have logged something"
    leaked = sorted(v for v in _personal_data(cast) if v and v in logged)
    assert leaked == []

"""'Who has looked at our information': a summary of outsiders first, then the whole log."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from soc import factories as f
from soc.audit.log import record, verify_chain
from soc.audit.models import AuditEvent, chain_for

pytestmark = pytest.mark.django_db


def _look(user, family, action="family.view", **kwargs):
    return record(user, action, family, family_id=family.pk, **kwargs)


def _look_long_ago(user, family, days):
    """An event written `days` ago, chained like any other."""
    chain = chain_for(family.pk, None)
    head = AuditEvent.objects.filter(chain=chain).order_by("-seq").first()
    event = AuditEvent(
        at=timezone.now() - timedelta(days=days),
        actor=user,
        actor_name=user.full_name,
        action="meeting.pdf",
        kind="read",
        object_type="families.family",
        object_id=str(family.pk),
        family_id=family.pk,
        chain=chain,
        seq=head.seq + 1 if head else 1,
        prev_hash=head.hash if head else "0" * 64,
    )
    event.hash = event.compute_hash()
    event.save()
    return event


def _page(client, cast, **params):
    client.force_login(cast.caregiver)
    response = client.get(reverse("who_looked", args=[cast.family.pk]), params)
    assert response.status_code == 200
    return response


def test_summary_names_each_outsider_with_count_last_time_and_kind_of_information(client, cast):
    for _ in range(3):
        _look(cast.member, cast.family)
    _look(cast.member, cast.family, "meeting.pdf")
    _look(cast.facilitator, cast.family, "consent.list")
    people = _page(client, cast).context["people"]
    counselor = next(p for p in people if p.name == "Sam Counselor")
    assert (counselor.organization, counselor.times) == ("Wake County Public Schools", 4)
    with translation.override("en"):
        what = [str(w) for w in counselor.what]
    assert what == ["Opened the team page", "Printed a meeting summary"]
    assert {p.name for p in people} == {"Sam Counselor", "Fran Facilitator"}


def test_family_own_visits_are_left_out_unless_asked_for(client, cast):
    _look(cast.member, cast.family)
    _look(cast.youth, cast.family)
    response = _page(client, cast)
    assert "Leo Rivera" not in {p.name for p in response.context["people"]}
    assert "Leo Rivera" not in {e.actor_name for e in response.context["page"]}
    response = _page(client, cast, family="on")
    assert "Leo Rivera" in {p.name for p in response.context["people"]}
    assert "Maria Rivera" in {e.actor_name for e in response.context["page"]}  # opening this page


def test_filter_by_period_and_by_person(client, cast):
    _look_long_ago(cast.member, cast.family, days=200)
    _look_long_ago(cast.member, cast.family, days=60)
    _look(cast.facilitator, cast.family)
    assert verify_chain(family_id=cast.family.pk).bad is None
    counts = {}
    for period in ("30", "90", "365", "all"):
        people = _page(client, cast, period=period).context["people"]
        counts[period] = {p.name: p.times for p in people}
    assert counts["30"] == {"Fran Facilitator": 1}
    assert counts["90"] == {"Fran Facilitator": 1, "Sam Counselor": 1}
    assert counts["365"] == counts["all"] == {"Fran Facilitator": 1, "Sam Counselor": 2}
    response = _page(client, cast, person=cast.member.pk)
    assert {e.actor_name for e in response.context["page"]} == {"Sam Counselor"}
    assert [p.name for p in response.context["people"]] == ["Sam Counselor"]


def test_full_log_is_paginated_by_25_and_keeps_the_filters_in_page_links(client, cast):
    for _ in range(30):
        _look(cast.member, cast.family)
    response = _page(client, cast, period="90")
    assert len(response.context["page"]) == 25
    assert "?period=90&amp;page=2#log" in response.content.decode()
    assert len(_page(client, cast, period="90", page=2).context["page"]) == 5


def test_page_costs_the_same_queries_with_5_or_80_looks(
    client, cast, django_assert_max_num_queries
):
    def count():
        client.force_login(cast.caregiver)
        url = reverse("who_looked", args=[cast.family.pk])
        with django_assert_max_num_queries(100) as captured:
            client.get(url, {"period": "365"})
        return len(captured)

    for _ in range(5):
        _look(cast.member, cast.family)
    small = count()
    for i in range(75):
        _look(f.StaffFactory() if i % 10 == 0 else cast.member, cast.family, "meeting.view")
    _look(
        cast.member, cast.family, "disclosure", reason="Treatment", detail={"category": "education"}
    )
    assert count() == small


def test_emergency_views_stand_out_in_summary_and_log(client, cast):
    _look(cast.emergency_doctor, cast.family, detail={"emergency": True})
    response = _page(client, cast)
    doctor = next(p for p in response.context["people"] if p.name == "Erin Emergency")
    assert doctor.emergency
    # The tag in the summary row and in the log row ("Emergency access", in Spanish).
    assert response.content.decode().count("Acceso de emergencia") >= 2


def test_page_is_in_spanish_for_a_spanish_speaking_family(client, cast):
    _look(cast.member, cast.family)
    page = _page(client, cast).content.decode()  # Maria reads Spanish
    assert "Quién la miró, fuera de su familia" in page and "Abrió la página del equipo" in page

"""My tasks: the next steps assigned to me across all my families, and undoing "done"."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.teams.models import Membership, NextStep

pytestmark = pytest.mark.django_db


def _today(days=0):
    return timezone.localdate() + timedelta(days=days)


def _second_family_for(user, **step):
    team = f.TeamFactory()
    mine = f.MembershipFactory(team=team, user=user)
    return f.NextStepFactory(team=team, responsible=mine, **step)


def test_i_see_my_steps_from_every_family_and_nobody_elses(client, cast):
    other_family_step = _second_family_for(cast.member, description="Send the school records")
    late = f.NextStepFactory(
        team=cast.team,
        responsible=cast.member_membership,
        due_date=_today(-2),
        description="Late one",
    )
    not_mine = f.NextStepFactory(
        team=cast.team, responsible=cast.caregiver_membership, description="Maria's step"
    )
    client.force_login(cast.member)
    page = client.get(reverse("my_tasks")).content.decode()
    for step in (cast.next_step, other_family_step, late):
        assert step.description in page
    assert not_mine.description not in page
    assert other_family_step.family.display_name in page and cast.family.display_name in page
    assert page.index("Late one") < page.index(cast.next_step.description)  # late first


def test_steps_far_off_wait_for_show_all(client, cast):
    far = f.NextStepFactory(team=cast.team, responsible=cast.member_membership, due_date=_today(40))
    client.force_login(cast.member)
    assert far.description not in client.get(reverse("my_tasks")).content.decode()
    assert far.description in client.get(reverse("my_tasks") + "?all=1").content.decode()


def test_done_steps_and_teams_i_left_are_not_listed(client, cast):
    done = f.NextStepFactory(
        team=cast.team, responsible=cast.member_membership, status=NextStep.Status.DONE
    )
    left = _second_family_for(cast.member)
    Membership.objects.filter(pk=left.responsible_id).update(status=Membership.Status.REMOVED)
    client.force_login(cast.member)
    page = client.get(reverse("my_tasks")).content.decode()
    assert done.description not in page and left.description not in page
    assert left.family.display_name not in page


def test_a_protected_step_i_may_not_read_is_not_listed_even_if_mine(client, cast):
    hidden = f.NextStepFactory(
        team=cast.team,
        responsible=cast.member_membership,
        category="substance_use",
        description="Hidden treatment step",
    )
    client.force_login(cast.member)
    assert hidden.description not in client.get(reverse("my_tasks")).content.decode()


def test_people_on_no_team_see_an_empty_list(client, cast):
    client.force_login(cast.other_org_staff)
    response = client.get(reverse("my_tasks"))
    assert response.status_code == 200
    assert cast.family.display_name not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("my_tasks"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_list_costs_the_same_queries_for_two_families_or_twelve(client, cast):
    user = f.StaffFactory()
    client.force_login(user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("my_tasks")).status_code == 200
        return len(queries)

    for _ in range(2):
        _second_family_for(user, due_date=_today(1))
    few = count()
    for _ in range(10):
        _second_family_for(user, due_date=_today(1))
    assert count() == few


def test_the_home_page_shows_my_tasks_at_a_fixed_cost(client, cast):
    user = f.StaffFactory()
    client.force_login(user)
    step = _second_family_for(user, due_date=_today(1), description="Bring the form")

    def count():
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("home")).content.decode()
        return len(queries), page

    few, page = count()
    assert "Bring the form" in page and step.family.display_name in page
    for _ in range(8):
        _second_family_for(user, due_date=_today(1))
    many, page = count()
    assert many == few
    assert reverse("my_tasks") in page  # more than five: a link to all of them


def test_the_page_is_in_spanish_for_a_spanish_speaker(client, cast):
    f.NextStepFactory(team=cast.team, responsible=cast.caregiver_membership)
    client.force_login(cast.caregiver)
    page = client.get(reverse("my_tasks")).content.decode()
    assert "Mis tareas" in page and "Marcar como hecho" in page


def _update(client, step, status, **extra):
    url = reverse("next_step_update", args=[step.family_id, step.pk])
    step.refresh_from_db()
    data = {"version": step.version, "status": status, "shown_in": "my_tasks"}
    return client.post(url, data, **extra)


def test_marking_done_from_my_tasks_can_be_undone(client, cast):
    step = cast.next_step
    client.force_login(cast.member)
    item = _update(client, step, "done", HTTP_HX_REQUEST="true").content.decode()
    step.refresh_from_db()
    assert step.status == "done" and step.completed_at is not None
    assert "Undo" in item and cast.family.display_name in item  # still shows its family
    item = _update(client, step, "open", HTTP_HX_REQUEST="true").content.decode()
    step.refresh_from_db()
    assert step.status == "open" and step.completed_at is None
    assert "Mark as done" in item
    changes = AuditEvent.objects.filter(action="next_step.update", object_id=str(step.pk))
    assert changes.count() == 2


def test_without_htmx_marking_done_returns_to_my_tasks(client, cast):
    client.force_login(cast.member)
    response = _update(client, cast.next_step, "done")
    assert response.status_code == 302 and response.url == reverse("my_tasks")


def test_undo_is_offered_only_to_who_may_update_the_step(client, cast):
    step = cast.next_step
    client.force_login(cast.member)
    _update(client, step, "done", HTTP_HX_REQUEST="true")
    client.force_login(cast.caregiver)
    assert _update(client, step, "open").status_code == 403
    step.refresh_from_db()
    assert step.status == "done"


def test_undo_on_a_stale_item_says_so_and_changes_nothing(client, cast):
    step = cast.next_step
    client.force_login(cast.member)
    url = reverse("next_step_update", args=[step.family_id, step.pk])
    stale = step.version
    _update(client, step, "done", HTTP_HX_REQUEST="true")
    item = client.post(
        url, {"version": stale, "status": "open"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    step.refresh_from_db()
    assert step.status == "done" and 'role="alert"' in item

"""The plan pages through the test client: what each person sees and can do."""

import pytest
from django.urls import reverse

from soc.plans.models import Agreement, PlanVersion, ProgressRating

from .builders import add_plan

pytestmark = pytest.mark.django_db


def _get(client, user, name, *args, **params):
    client.force_login(user)
    response = client.get(reverse(name, args=args), params)
    return response, response.content.decode()


def test_the_family_sees_every_part_with_the_part2_notice(client, cast):
    add_plan(cast)
    response, page = _get(client, cast.caregiver, "plan", cast.family.pk)
    assert response.status_code == 200
    assert "Dad stays in recovery" in page and "42 CFR part 2" in page
    assert "Maria cooks with the kids" in page and "Call Abuela Rosa" in page


def test_team_members_do_not_see_protected_parts_they_did_not_write(client, cast):
    add_plan(cast)
    response, page = _get(client, cast.member, "plan", cast.family.pk)
    assert "Leo sleeps at home every night" in page
    assert "Dad stays in recovery" not in page and "Grandma drives Dad" not in page
    assert "2 parts of this plan are protected" in page


def test_the_plan_page_shows_the_version_in_effect_and_links_the_proposal(client, cast):
    add_plan(cast)
    _response, page = _get(client, cast.facilitator, "plan", cast.family.pk)
    assert "In effect" in page
    assert reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk]) in page


def test_a_caregiver_agrees_on_the_agree_page(client, cast):
    add_plan(cast)
    v2 = cast.plan_v2
    client.force_login(cast.caregiver)
    url = reverse("plan_agree", args=[cast.family.pk, v2.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"version": v2.version, "answer": "agree", "typed_name": "Maria Rivera"}
    )
    assert response.status_code == 302
    assert Agreement.objects.filter(version=v2, agrees=True).count() == 1


def test_agreeing_to_a_page_that_is_out_of_date_answers_409(client, cast):
    add_plan(cast)
    v2 = cast.plan_v2
    client.force_login(cast.caregiver)
    url = reverse("plan_agree", args=[cast.family.pk, v2.pk])
    response = client.post(
        url, {"version": v2.version - 1, "answer": "agree", "typed_name": "Maria Rivera"}
    )
    assert response.status_code == 409
    assert "El plan cambió mientras usted lo leía" in response.content.decode()  # Maria: Spanish


def test_editing_a_version_in_effect_offers_a_new_draft(client, cast):
    add_plan(cast)
    response, page = _get(
        client,
        cast.facilitator,
        "plan_part_edit",
        cast.family.pk,
        cast.plan_v1.pk,
        "goal",
        cast.goal_v1.pk,
    )
    assert response.status_code == 409 and "Start a new draft" in page


def test_a_facilitator_adds_a_goal_and_sees_form_errors_in_spanish(client, cast):
    add_plan(cast)
    cast.facilitator.language = "es"
    cast.facilitator.save()
    client.force_login(cast.facilitator)
    url = reverse("plan_part_add", args=[cast.family.pk, cast.plan_v2.pk, "goal"])
    response = client.post(
        url,
        {
            "description": "",
            "lifecycle_status": "active",
            "achievement_status": "in-progress",
            "category": "general",
        },
    )
    assert response.status_code == 200
    assert "usa-error-message" in response.content.decode()


def test_history_shows_what_changed_between_versions(client, cast):
    add_plan(cast)
    strength = cast.strength_v2
    from soc.plans import actions

    actions.change_part(
        cast.facilitator,
        strength,
        revision=strength.revision,
        changes={"description": "Maria sings with the kids"},
    )
    _response, page = _get(client, cast.facilitator, "plan_history", cast.family.pk, a=1, b=2)
    assert "<del>- The family: Maria cooks with the kids" in page
    assert "<ins>- The family: Maria sings with the kids" in page


def test_the_history_difference_never_shows_protected_parts(client, cast):
    add_plan(cast)
    _response, page = _get(client, cast.member, "plan_history", cast.family.pk, a=1, b=2)
    assert "recovery" not in page


def test_the_facilitator_rates_progress_at_a_meeting(client, cast):
    add_plan(cast)
    client.force_login(cast.facilitator)
    url = reverse("plan_review", args=[cast.family.pk, cast.meeting.pk])
    page = client.get(url).content.decode()
    assert "Leo sleeps at home every night" in page and "recovery" not in page
    prefix = f"g{cast.goal_v1.pk}"
    response = client.post(
        url,
        {
            f"{prefix}-family_rating": "4",
            f"{prefix}-team_rating": "6",
            f"{prefix}-decision": "keep",
        },
    )
    assert response.status_code == 302
    assert ProgressRating.objects.get().family_rating == 4


def test_a_rating_over_ten_is_refused_and_nothing_saved(client, cast):
    add_plan(cast)
    client.force_login(cast.facilitator)
    url = reverse("plan_review", args=[cast.family.pk, cast.meeting.pk])
    prefix = f"g{cast.goal_v1.pk}"
    response = client.post(url, {f"{prefix}-family_rating": "11", f"{prefix}-decision": "keep"})
    assert response.status_code == 200 and not ProgressRating.objects.exists()


def test_the_goal_page_shows_a_chart_and_the_numbers(client, cast):
    add_plan(cast)
    from soc.plans import actions

    actions.rate_progress(
        cast.facilitator, cast.meeting, cast.goal_v1, {"family_rating": 3, "team_rating": 5}
    )
    _response, page = _get(client, cast.caregiver, "plan_goal", cast.family.pk, cast.goal_v1.pk)
    assert "<svg" in page and 'role="img"' in page and "<td>3</td>" in page


def test_the_team_and_meeting_pages_link_the_plan(client, cast):
    add_plan(cast)
    _response, page = _get(client, cast.caregiver, "family", cast.family.pk)
    assert reverse("plan", args=[cast.family.pk]) in page
    _response, page = _get(client, cast.facilitator, "meeting", cast.family.pk, cast.meeting.pk)
    assert reverse("plan_review", args=[cast.family.pk, cast.meeting.pk]) in page


def test_starting_a_draft_from_the_page(client, cast):
    client.force_login(cast.caregiver)
    response = client.post(reverse("plan_start", args=[cast.family.pk]))
    assert response.status_code == 302
    assert PlanVersion.objects.get(family=cast.family).status == "draft"


def test_the_facilitator_adds_an_action_step_to_a_strategy_in_effect(client, cast):
    add_plan(cast)
    strategy = cast.plan_v1.strategys.get(category="general")
    client.force_login(cast.facilitator)
    page = client.get(reverse("plan_version", args=[cast.family.pk, cast.plan_v1.pk])).content
    assert b"Add an action step" in page
    prefix = f"s{strategy.pk}"
    response = client.post(
        reverse("plan_strategy_step", args=[cast.family.pk, strategy.pk]),
        {
            f"{prefix}-description": "Call the clinic",
            f"{prefix}-responsible": cast.member_membership.pk,
            f"{prefix}-due_date": "2030-01-01",
        },
    )
    assert response.status_code == 302
    assert strategy.steps.get().description == "Call the clinic"


def test_a_family_member_reading_the_plan_in_effect_is_asked_about_the_new_version(client, cast):
    add_plan(cast)
    _response, page = _get(client, cast.youth, "plan", cast.family.pk)
    assert "The team asks if you agree with a new version of the plan" in page
    assert reverse("plan_agree", args=[cast.family.pk, cast.plan_v2.pk]) in page

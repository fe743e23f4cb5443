"""One count of unmet needs from plans and referrals, never a need twice; declines by reason."""

import datetime

import pytest

from soc.accounts.models import County
from soc.plans import actions as plan_actions
from soc.plans.tests.builders import agree_all, fill_draft, propose
from soc.referrals import actions, unmet
from soc.referrals.models import UnmetNeed

from .builders import add_referral

pytestmark = pytest.mark.django_db


def _plan_with_unmet_need(cast, barrier):
    draft = fill_draft(cast, plan_actions.start_draft(cast.facilitator, cast.family))
    need = {"domain": "wellbeing", "setting": "community", "is_unmet": True, "barrier": barrier}
    plan_actions.add_part(cast.facilitator, draft, "need", {"description": "x", **need})
    agree_all(cast, propose(cast, draft))


def _by_barrier(county_ids=None, today=None):
    return {r["barrier"]: r for r in unmet.unmet_need_counts(county_ids, today=today)}


def test_a_need_in_the_plan_and_declined_by_a_provider_is_counted_once(cast):
    _plan_with_unmet_need(cast, "waiting_list")  # the plan's words for "no room"
    referral = add_referral(cast)
    actions.transition(referral, "rejected", cast.provider, reason="no-capacity")
    row = _by_barrier([cast.family.county_id])["no-capacity"]
    assert row == {
        "county_id": cast.family.county_id,
        "barrier": "no-capacity",
        "count": 1,
        "in_plans": 1,
        "from_referrals": 1,
    }


def test_each_source_alone_is_counted_and_the_larger_wins(cast):
    _plan_with_unmet_need(cast, "language")
    for _ in range(3):
        actions.record_no_service_fits(cast.facilitator, cast.family, barrier="language")
    assert _by_barrier()["language"]["count"] == 3
    actions.record_no_service_fits(cast.facilitator, cast.family, barrier="cost")
    assert _by_barrier()["cost"]["count"] == 1


def test_referral_rows_older_than_a_year_and_other_counties_are_left_out(cast):
    actions.record_no_service_fits(cast.facilitator, cast.family, barrier="cost")
    later = datetime.date.today() + datetime.timedelta(days=400)
    assert _by_barrier(today=later) == {}
    other = County.objects.exclude(pk=cast.family.county_id).first()
    assert _by_barrier([other.pk]) == {}


def test_a_referral_turned_down_again_after_reopening_is_one_unmet_need(cast):
    referral = add_referral(cast)
    referral = actions.transition(referral, "rejected", cast.provider, reason="cost")
    referral = actions.transition(referral, "requested", cast.facilitator, note="They found money")
    actions.transition(referral, "rejected", cast.provider, reason="cost")
    assert UnmetNeed.objects.count() == 1


def test_declines_are_counted_by_reason_and_county_once_per_referral(cast):
    referral = add_referral(cast)
    referral = actions.transition(referral, "rejected", cast.provider, reason="not-eligible")
    referral = actions.transition(referral, "requested", cast.facilitator, note="Again")
    actions.transition(referral, "rejected", cast.provider, reason="not-eligible")
    assert unmet.decline_counts([cast.family.county_id]) == [
        {"county_id": cast.family.county_id, "reason": "not-eligible", "count": 1}
    ]
    assert unmet.decline_counts([cast.family.county_id + 999]) == []

"""A barrier's evidence: unmet needs from plans and referrals, and declined referrals, suppressed."""

import pytest
from django.urls import reverse

from soc.collaboratives import actions, evidence
from soc.referrals import actions as referral_actions
from soc.referrals.tests.builders import add_referral

from .test_barriers import WORDS, bodies  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_declined_referrals_are_shown_by_reason_and_county_small_counts_suppressed(
    client,
    cast,
    bodies,  # noqa: F811 - the fixture imported above
):
    referral = add_referral(cast)
    referral_actions.transition(referral, "rejected", cast.provider, reason="no-capacity")
    table = evidence.referral_decline_counts([cast.family.county_id])
    assert table.rows == ["No room (no capacity)"] and table.cols == [cast.family.county.name]
    assert str(table.total) == "fewer than 10"
    _state, _fc, local, local_member, _wg = bodies
    barrier = actions.record_barrier(local_member, local, description=WORDS)
    page = client.get(reverse("barrier", args=[local.slug, barrier.pk])).content.decode()
    assert "No room (no capacity)" in page and "Not available yet." not in page
    assert "Rivera" not in page and "Crianza" not in page


def test_unmet_needs_count_the_referral_ones_beside_the_plans(cast):
    referral_actions.record_no_service_fits(cast.facilitator, cast.family, barrier="transport")
    table = evidence.unmet_needs([cast.family.county_id])
    assert table.rows == ["Transportation"] and str(table.total) == "fewer than 10"


def test_no_referrals_means_no_table(cast):
    assert evidence.referral_decline_counts([cast.family.county_id]) is None

"""The share of trainings co-led by a family member or youth: per host and for the state."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soc.accounts.models import Organization
from soc.collaboratives.models import Collaborative
from soc.trainings import share
from soc.trainings.models import CoFacilitator, Training

from .builders import family_organization, hosted_body, training

pytestmark = pytest.mark.django_db


def _lead(t, *marks):
    for n, mark in enumerate(marks):
        CoFacilitator.objects.create(training=t, name=f"Lead {n}", lived_experience=mark)


def test_a_body_s_share_counts_trainings_not_people_and_leaves_out_cancelled_ones():
    body, _chair, _member = hosted_body()
    _lead(training(body, title="A"), "family", "family", "")  # two family leads: one training
    _lead(training(body, title="B"), "youth")
    _lead(training(body, title="C"), "")
    _lead(training(body, title="D", status=Training.Status.CANCELLED), "family")
    s = share.for_host(body)
    assert (s.trainings, s.with_family, s.with_youth, s.with_either) == (3, 1, 1, 2)
    assert s.percent == 67 and s.family_percent == 33


def test_a_host_without_trainings_has_no_share():
    body, _chair, _member = hosted_body()
    assert share.for_host(body).percent is None


# Each host: a list of trainings, each a set of marks among its co-facilitators.
MARKS = st.lists(st.sampled_from(["family", "youth", ""]), max_size=3)
HOSTS = st.lists(st.lists(MARKS, max_size=4), min_size=2, max_size=2)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(hosts=HOSTS)
def test_the_state_roll_up_is_the_sum_of_its_hosts(hosts):
    Training.objects.all().delete()
    body = Collaborative.objects.first() or hosted_body()[0]  # the examples share one database
    org = Organization.objects.filter(kind="family_organization").first()
    org = org or family_organization()[0]
    for host, trainings in zip((body, org), hosts, strict=True):
        for n, marks in enumerate(trainings):
            _lead(training(host, title=f"T{n}"), *marks)
    rows, total = share.state_rollup()
    assert total.trainings == sum(len(t) for t in hosts)
    expected_either = sum(1 for t in hosts for marks in t if {"family", "youth"} & set(marks))
    assert total.with_either == expected_either
    assert sum((s for _h, s in rows), share.Share()) == total
    assert {h for h, _s in rows} == {h for h, t in zip((body, org), hosts, strict=True) if t}
    # Each host's own row, against counts worked out here, not from the total.
    for host, trainings in zip((body, org), hosts, strict=True):
        row = dict(rows).get(host)
        if trainings:
            assert row.trainings == len(trainings)
            assert row.with_either == sum(1 for m in trainings if {"family", "youth"} & set(m))
    if total.trainings:
        shares = [s.with_either / s.trainings for _h, s in rows]
        assert min(shares) - 1e-9 <= total.with_either / total.trainings <= max(shares) + 1e-9
        assert 0 <= total.percent <= 100

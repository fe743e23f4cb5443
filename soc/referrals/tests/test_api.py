import pytest

from soc.api.testing import ApiClient
from soc.referrals.models import Referral

from .builders import SHARED, add_referral, add_service

pytestmark = pytest.mark.django_db


def test_a_referral_is_made_and_followed_through_the_api(cast):
    add_referral(cast)
    service = add_service("Grupo de Padres")
    team = ApiClient(cast.facilitator)
    body = {"service": str(service.pk), "need": "Parenting", "shared": SHARED}
    made = team.call("post", f"/families/{cast.family.pk}/referrals", body)
    assert made.status_code == 201, made.content
    referral = made.json()
    assert referral["status"] == "requested" and referral["shared"]["no_phone_calls"] is True
    listed = team.call("get", f"/families/{cast.family.pk}/referrals").json()
    assert listed["count"] == 2


def test_the_provider_answers_through_the_inbox_and_stale_or_illegal_is_409(cast):
    referral = add_referral(cast)
    provider = ApiClient(cast.provider)
    inbox = provider.call("get", "/referrals/inbox").json()
    assert [item["id"] for item in inbox["items"]] == [referral.pk]
    assert "family" not in inbox["items"][0] and "need" not in inbox["items"][0]
    url = f"/referrals/inbox/{referral.pk}/transitions"
    accepted = provider.call("post", url, {"to": "accepted", "version": referral.version})
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    stale = provider.call("post", url, {"to": "in-progress", "version": referral.version})
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"
    illegal = provider.call("post", url, {"to": "requested", "version": referral.version + 1})
    assert illegal.status_code == 409 and illegal.json()["code"] == "illegal_transition"
    no_reason = provider.call("post", url, {"to": "failed", "version": referral.version + 1})
    assert no_reason.status_code == 422


def test_other_providers_and_the_team_get_404_from_the_inbox(cast):
    referral = add_referral(cast)
    for user in (cast.other_provider, cast.facilitator, cast.caregiver, cast.superuser):
        client = ApiClient(user)
        assert client.call("get", f"/referrals/inbox/{referral.pk}").status_code == 404
        assert client.call("get", "/referrals/inbox").json()["count"] == 0
    provider = ApiClient(cast.provider)
    assert provider.call("get", f"/families/{cast.family.pk}/referrals").status_code == 404
    assert provider.call("get", f"/families/{cast.family.pk}").status_code == 404


def test_the_family_answers_and_unmet_needs_are_counted_without_names(cast):
    referral = add_referral(cast)
    provider = ApiClient(cast.provider)
    url = f"/referrals/inbox/{referral.pk}/transitions"
    provider.call("post", url, {"to": "rejected", "version": 2, "reason": "no-capacity"})
    answer = ApiClient(cast.caregiver).call(
        "post", f"/families/{cast.family.pk}/referrals/{referral.pk}/answer", {"answer": "no"}
    )
    assert answer.status_code == 200 and answer.json()["family_answer"] == "no"
    counts = ApiClient(cast.facilitator).call("get", "/referrals/unmet-needs").json()
    assert counts == [
        {
            "county_id": cast.family.county_id,
            "need": "parenting-support",
            "barrier": "no-capacity",
            "count": 1,
        }
    ]
    assert ApiClient(cast.caregiver).call("get", "/referrals/unmet-needs").status_code == 403


def test_the_lists_cost_a_fixed_number_of_queries(cast, django_assert_max_num_queries):
    from soc.referrals import actions

    add_referral(cast)
    team, provider = ApiClient(cast.facilitator), ApiClient(cast.provider)
    paths = [(team, f"/families/{cast.family.pk}/referrals"), (provider, "/referrals/inbox")]
    counts = []
    for client, path in paths:
        client.call("get", path)
        with django_assert_max_num_queries(30) as few:
            client.call("get", path)
        counts.append(len(few.captured_queries))
    for _ in range(4):
        actions.create_referral(
            cast.facilitator, cast.family, service=cast.service, need="x", shared=dict(SHARED)
        )
    assert Referral.objects.count() == 5
    for (client, path), count in zip(paths, counts, strict=True):
        with django_assert_max_num_queries(count):
            client.call("get", path)


def test_a_county_id_out_of_range_is_a_422_not_a_server_error(cast):
    client = ApiClient(cast.facilitator)
    for county in ("0", str(2**64), "-1"):
        assert client.call("get", f"/referrals/unmet-needs?county={county}").status_code == 422


def test_a_reason_that_does_not_fit_the_change_is_refused_with_the_ones_that_do(cast):
    referral = add_referral(cast)
    provider = ApiClient(cast.provider)
    url = f"/referrals/inbox/{referral.pk}/transitions"
    # "The family declined" is the team's word for cancelling, not a provider's for turning down.
    refused = provider.call("post", url, {"to": "rejected", "version": 2, "reason": "declined"})
    assert refused.status_code == 422
    assert "does not fit" in str(refused.json()) and "Not eligible" in str(refused.json())
    referral.refresh_from_db()
    assert referral.status == "requested" and referral.version == 2
    fits = provider.call("post", url, {"to": "rejected", "version": 2, "reason": "no-capacity"})
    assert fits.status_code == 200

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from soc.referrals import actions
from soc.referrals.models import ReferralEvent, ReferralNotice, UnmetNeed
from soc.referrals.states import Status
from soc.versioning import StaleVersion

from .builders import add_referral, add_service

pytestmark = pytest.mark.django_db


def test_a_referral_is_sent_with_what_the_family_shares(cast):
    referral = add_referral(cast)
    assert referral.status == Status.REQUESTED and referral.version == 2
    assert referral.shared.person_name == "Maria Rivera"
    assert referral.provider == cast.provider_org
    assert [e.to_status for e in referral.events.all()] == ["draft", "requested"]


def test_the_provider_accepts_and_completes_and_the_maker_is_told(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    referral = add_referral(cast)
    with django_capture_on_commit_callbacks(execute=True):
        referral = actions.transition(referral, "accepted", cast.provider, expected_version=2)
        referral = actions.transition(
            referral, "completed", cast.provider, note="Finished 8 classes", expected_version=3
        )
    assert referral.status == "completed" and referral.outcome == "Finished 8 classes"
    assert ReferralNotice.objects.filter(user=cast.facilitator).count() == 2
    mails = [m for m in mailoutbox if m.to == [cast.facilitator.email]]
    assert len(mails) == 2 and "Rivera" not in mails[0].body


def test_a_stale_version_is_refused(cast):
    referral = add_referral(cast)
    actions.transition(referral, "accepted", cast.provider, expected_version=2)
    with pytest.raises(StaleVersion):
        actions.transition(referral, "rejected", cast.provider, reason="cost", expected_version=2)


def test_an_illegal_change_is_refused_and_nothing_changes(cast):
    referral = add_referral(cast)
    with pytest.raises(actions.IllegalTransition):
        actions.transition(referral, "completed", cast.facilitator)
    with pytest.raises(actions.IllegalTransition):
        actions.transition(referral, "draft", cast.provider)
    referral.refresh_from_db()
    assert referral.status == "requested" and referral.events.count() == 2


def test_reject_needs_a_reason_and_other_needs_words(cast):
    referral = add_referral(cast)
    with pytest.raises(ValidationError) as error:
        actions.transition(referral, "rejected", cast.provider)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.transition(referral, "rejected", cast.provider, reason="other")
    assert "note" in error.value.message_dict


def test_only_the_receiving_provider_answers(cast):
    referral = add_referral(cast)
    for outsider in (cast.other_provider, cast.facilitator, cast.caregiver, cast.same_org_staff):
        with pytest.raises(PermissionDenied):
            actions.transition(referral, "accepted", outsider)
    with pytest.raises(PermissionDenied):
        actions.transition(referral, "cancelled", cast.provider, reason="declined")


def test_a_closed_referral_reopens_with_a_reason(cast):
    referral = add_referral(cast)
    referral = actions.transition(referral, "rejected", cast.provider, reason="no-capacity")
    with pytest.raises(ValidationError):
        actions.transition(referral, "requested", cast.facilitator)
    referral = actions.transition(
        referral, "requested", cast.facilitator, note="They have room again"
    )
    assert referral.status == "requested"
    assert ReferralEvent.objects.filter(referral=referral, from_status="rejected").exists()


def test_a_decline_for_capacity_is_counted_as_an_unmet_need_without_the_family(cast):
    referral = add_referral(cast)
    actions.transition(referral, "rejected", cast.provider, reason="no-capacity")
    actions.transition(referral, "requested", cast.facilitator, note="again")
    actions.transition(referral, "rejected", cast.provider, reason="not-eligible")  # counted once
    (unmet,) = UnmetNeed.objects.all()
    assert unmet.barrier == "no-capacity" and unmet.county == cast.family.county
    assert not hasattr(unmet, "family_id")


def test_a_referral_to_an_inactive_service_is_refused(cast):
    add_referral(cast)
    closed = add_service("Closed Program")
    closed.status = "inactive"
    closed.save()
    from .builders import SHARED

    with pytest.raises(ValidationError) as error:
        actions.create_referral(
            cast.facilitator, cast.family, service=closed, need="x", shared=dict(SHARED)
        )
    assert "service" in error.value.message_dict


def test_the_family_answers_once_the_referral_is_closed(cast):
    referral = add_referral(cast)
    with pytest.raises(ValidationError):
        actions.answer_referral(cast.caregiver, referral, answer="yes")
    referral = actions.transition(referral, "accepted", cast.provider)
    referral = actions.transition(referral, "completed", cast.provider)
    with pytest.raises(PermissionDenied):
        actions.answer_referral(cast.member, referral, answer="yes")
    referral = actions.answer_referral(cast.caregiver, referral, answer="partly", note="Bien")
    assert referral.family_answer == "partly" and referral.outcome == ""

"""What each person is offered to do with a referral, in every state: the family what it may
do (send, cancel, reopen), staff on either side also the correction "entered in error", the
provider its answers. The table is written out here, not derived from the rules it checks."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from soc.referrals import actions
from soc.referrals.models import Referral
from soc.referrals.states import Status

from .builders import add_referral

pytestmark = pytest.mark.django_db

S = Status
EIE = S.ENTERED_IN_ERROR
CLOSED = (S.REJECTED, S.CANCELLED, S.COMPLETED, S.FAILED)
# What the family (caregiver or youth) is offered in each state.
FAMILY = {
    S.DRAFT: {S.REQUESTED, S.CANCELLED},
    S.REQUESTED: {S.CANCELLED},
    S.ACCEPTED: {S.CANCELLED},
    S.IN_PROGRESS: {S.CANCELLED},
    S.ON_HOLD: {S.CANCELLED},
    **{closed: {S.REQUESTED} for closed in CLOSED},  # open it again
    EIE: set(),
}
# Staff on the team: the same, and the correction wherever it is allowed.
TEAM_STAFF = {
    state: offers | ({EIE} if state != EIE else set()) for state, offers in FAMILY.items()
}
# The provider that receives it: its answers, and the correction; nothing on a draft.
PROVIDER = {
    S.DRAFT: set(),
    S.REQUESTED: {S.ACCEPTED, S.REJECTED, EIE},
    S.ACCEPTED: {S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.FAILED, EIE},
    S.IN_PROGRESS: {S.ON_HOLD, S.COMPLETED, S.FAILED, EIE},
    S.ON_HOLD: {S.IN_PROGRESS, S.COMPLETED, S.FAILED, EIE},
    **{closed: {EIE} for closed in CLOSED},
    EIE: set(),
}
ROLES = {
    "caregiver": FAMILY,
    "youth": FAMILY,
    "facilitator": TEAM_STAFF,
    "member": TEAM_STAFF,  # the school counselor on the team
    "provider": PROVIDER,
    "other_provider": dict.fromkeys(Status, set()),
}


@pytest.mark.parametrize("role", sorted(ROLES))
def test_each_person_is_offered_exactly_what_they_may_do_in_every_state(cast, role):
    referral = add_referral(cast)
    person = getattr(cast, role)
    wrong = {}
    for status in Status:
        Referral.objects.filter(pk=referral.pk).update(status=status)
        referral.refresh_from_db()
        offered = {to for to, _label in actions.offered_changes(person, referral)}
        expected = {to.value for to in ROLES[role][status]}
        if offered != expected:
            wrong[status.value] = {"offered": sorted(offered), "expected": sorted(expected)}
    assert not wrong


def test_the_family_is_never_offered_the_correction_and_cannot_make_it(cast):
    referral = add_referral(cast)
    for person in (cast.caregiver, cast.youth):
        assert EIE not in dict(actions.offered_changes(person, referral))
        with pytest.raises(PermissionDenied):
            actions.transition(referral, EIE, person)
    referral = actions.transition(referral, EIE, cast.facilitator)
    assert referral.status == EIE


def test_the_caregiver_s_page_offers_no_correction_and_refuses_one_posted(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.caregiver)
    url = reverse("referral", args=[cast.family.pk, referral.pk])
    page = client.get(url).content.decode()
    assert 'value="cancelled"' in page and "Cancelar esta referencia" in page
    assert 'value="entered-in-error"' not in page and "por error" not in page
    change = reverse("referral_change", args=[cast.family.pk, referral.pk])
    response = client.post(change, {"to": EIE, "version": referral.version})
    assert response.status_code == 403
    referral.refresh_from_db()
    assert referral.status == S.REQUESTED


def test_the_coordinator_s_page_offers_the_correction(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.facilitator)
    page = client.get(reverse("referral", args=[cast.family.pk, referral.pk])).content.decode()
    assert 'value="entered-in-error"' in page and "It was entered by mistake" in page


def test_reasons_offered_fit_the_changes_offered(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.caregiver)
    page = client.get(reverse("referral", args=[cast.family.pk, referral.pk])).content.decode()
    # Cancelling needs a reason: the family's own, not the provider's ("no room").
    assert 'data-shown-when="to=cancelled"' in page
    assert 'value="declined"' in page and 'value="no-capacity"' not in page
    client.force_login(cast.provider)
    page = client.get(reverse("referral_received", args=[referral.pk])).content.decode()
    assert 'data-shown-when="to=rejected"' in page and 'value="no-capacity"' in page
    assert 'value="unreachable"' not in page  # for "could not be done", not offered yet

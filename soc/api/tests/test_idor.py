"""IDOR sweep through the API: a member of another family's team guesses this family's ids."""

import pytest

from soc import factories as f
from soc.api.testing import ApiClient
from soc.teams.models import Membership

from .test_access import FAMILY_OPERATIONS, _fill, _ids, _snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def neighbour(cast):
    team = f.TeamFactory(started_by=cast.other_org_staff, family__opened_by=cast.other_org_staff)
    f.MembershipFactory(team=team, user=cast.other_org_staff, role=Membership.Role.FACILITATOR)
    return team.family


@pytest.mark.parametrize(("method", "path", "body"), FAMILY_OPERATIONS)
def test_other_teams_member_gets_404_for_every_id_of_this_family(
    cast, neighbour, method, path, body
):
    ids = _ids(cast, path)
    data = _fill(body, ids)
    client = ApiClient(cast.other_org_staff)
    before = _snapshot(cast)
    assert client.call(method, path.format(**ids), data).status_code == 404
    # His own family's id in the path, this family's object ids after it.
    if path.count("{") > 1:
        mixed = path.format(**{**ids, "family": neighbour.pk})
        assert client.call(method, mixed, data).status_code == 404, mixed
    assert _snapshot(cast) == before


def test_body_field_naming_another_familys_member_is_refused(cast, neighbour):
    theirs = neighbour.team.memberships.get()
    response = ApiClient(cast.facilitator).post(
        f"/families/{cast.family.pk}/next-steps",
        {"description": "x", "responsible": theirs.pk, "due_date": "2030-01-01"},
    )
    assert response.status_code == 422
    assert not theirs.next_steps.exists()

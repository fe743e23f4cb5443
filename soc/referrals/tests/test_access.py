"""The provider relation: staff of the organization that receives a referral see its shared
details in their inbox and nothing else of the family; every family door answers them 404."""

import pytest

from soc.api.testing import ApiClient
from soc.api.tests.test_access import FAMILY_OPERATIONS, _fill, _ids
from soc.consent.tests.test_access_matrix import CASE_ROUTES, _url

from .builders import add_referral

pytestmark = pytest.mark.django_db

PROVIDER_PAGES = {"referral_received": 200, "referral_received_change": 302}


@pytest.mark.parametrize("who", ["provider", "other_provider"])
def test_every_family_page_answers_provider_staff_404(client, cast, who):
    add_referral(cast)
    client.force_login(getattr(cast, who))
    for name, (method, _insiders) in sorted(CASE_ROUTES.items()):
        expected = PROVIDER_PAGES.get(name, 404) if who == "provider" else 404
        data = {"to": "accepted", "version": 2} if method == "post" else None
        response = getattr(client, method)(_url(name, cast), data)
        assert response.status_code == expected, name
        assert cast.family.display_name not in response.content.decode(), name


def test_every_family_operation_answers_provider_staff_404(cast):
    add_referral(cast)
    client = ApiClient(cast.provider)
    for method, path, body in FAMILY_OPERATIONS:
        ids = _ids(cast, path)
        response = client.call(method, path.format(**ids), _fill(body, ids))
        assert response.status_code == 404, (method, path)

"""The inbox costs the same number of queries with 2 requests as with 12 (page and API)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soc.api.testing import ApiClient

from .builders import claimed, family_organization, partner, send_request

pytestmark = pytest.mark.django_db


def _count(call):
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200
    return len(captured)


def test_the_inbox_page_and_api_list_cost_a_fixed_number_of_queries(client):
    org = family_organization("Wake Family Partners", "Wake", "Durham")
    pam = partner(org)
    client.force_login(pam)
    api = ApiClient(pam)

    def add(n):
        for i in range(n):
            sent = send_request("Wake" if i % 2 else "Durham")
            if i % 3 == 0:
                claimed(sent, pam)

    add(2)
    page_small = _count(lambda: client.get(reverse("family_request_inbox")))
    api_small = _count(lambda: api.call("get", "/family-requests"))
    add(10)
    assert _count(lambda: client.get(reverse("family_request_inbox"))) == page_small
    assert _count(lambda: api.call("get", "/family-requests")) == api_small

"""Whatever a client sends, the API answers with a 4xx or success, never a 500.

Schemathesis generates requests (valid and invalid) from /api/v1/openapi.json and we send
them through Django's test client, against a real family, as two different team members.
"""

import json
import os
from urllib.parse import urlencode

import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NotSet

from soc.api.testing import API, ApiClient
from soc.api.urls import api

# The coverage phase (every boundary of every field) takes minutes; SOC_FUZZ_COVERAGE=1 runs it.
CONFIG = SchemathesisConfig.from_dict(
    {"phases": {"coverage": {"enabled": os.environ.get("SOC_FUZZ_COVERAGE") == "1"}}}
)
schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(api.get_openapi_schema())), config=CONFIG
)


def _send(client, case, ids):
    path = case.path.removeprefix(API)
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", str(ids.get(name, value)))
    if isinstance(case.body, NotSet):
        body = ""
    elif isinstance(case.body, bytes | str):
        body = case.body
    else:
        body = json.dumps(case.body)
    query = urlencode(case.query or {}, doseq=True)
    url = API + path + (f"?{query}" if query else "")
    return client.generic(case.method.upper(), url, body, content_type="application/json")


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_no_request_makes_the_api_fail(case, cast):
    ids = {
        "family_id": cast.family.pk,
        "person_id": cast.child.pk,
        "member_id": cast.proposed_membership.pk,
        "meeting_id": cast.meeting.pk,
        "step_id": cast.next_step.pk,
    }
    for user in (cast.facilitator, cast.caregiver):
        client: Client = ApiClient(user).client
        response = _send(client, case, ids)
        assert response.status_code < 500, (case.method, case.path, case.body, response.content)

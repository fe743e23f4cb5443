"""Whatever a signed-in client sends, the API answers as its OpenAPI document says it will.

Schemathesis generates requests (valid and invalid) from /api/v1/openapi.json for every
operation; we send them through Django's test client with a personal API token, against a
real family, as its facilitator and as its caregiver. Every response must be a status code the
operation documents, never a 5xx, and its body must match the documented schema.

Path ids are mostly the family's real ones and a `version` in the body is mostly the record's
current one, so the success paths run too; the rest stay as generated (unknown ids, stale
versions), which exercises the 404 and 409 answers.
"""

import json
import os
import re
import zlib
from urllib.parse import urlencode

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NotSet
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from soc.api.testing import API, ApiClient
from soc.api.tests.test_access import FAMILY_OPERATIONS, _fill, _ids
from soc.api.urls import api
from soc.consent.models import Consent
from soc.families.models import Family, Person
from soc.teams.models import Meeting, Membership, NextStep

# The coverage phase (every boundary of every field) takes minutes; SOC_FUZZ_COVERAGE=1 runs it.
CONFIG = SchemathesisConfig.from_dict(
    {"phases": {"coverage": {"enabled": os.environ.get("SOC_FUZZ_COVERAGE") == "1"}}}
)
schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(api.get_openapi_schema())), config=CONFIG
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Which record each path id names, so a body's `version` can be that record's current one.
MODELS = {
    "family_id": Family,
    "person_id": Person,
    "member_id": Membership,
    "meeting_id": Meeting,
    "step_id": NextStep,
    "consent_id": Consent,
}


def _real_ids(cast):
    return {
        "family_id": cast.family.pk,
        "person_id": cast.child.pk,
        "member_id": cast.proposed_membership.pk,
        "meeting_id": cast.meeting.pk,
        "step_id": cast.next_step.pk,
        "consent_id": cast.consent.pk,
    }


def _keeps_generated(value) -> bool:
    # Ids that are not ints stay as generated, and about one int in four (by a stable hash,
    # since generated ints are often powers of two).
    if not isinstance(value, int) or isinstance(value, bool):
        return True
    return zlib.crc32(str(value).encode()) % 4 == 0


def _path(case, ids):
    """The path to send, and the record its last id names when that id is a real one."""
    path = case.path  # /api/v1 included, as the test client wants it
    record = None
    for name, value in (case.path_parameters or {}).items():
        if _keeps_generated(value) or name not in ids:
            record = None
        else:
            value = ids[name]
            record = (MODELS[name], value)
        path = path.replace("{" + name + "}", str(value))
    return path, record


def _body(case, record):
    if isinstance(case.body, NotSet):
        return ""
    if isinstance(case.body, bytes | str):
        return case.body
    body = case.body
    version = body.get("version") if isinstance(body, dict) else None
    if record and isinstance(version, int) and not _keeps_generated(version):
        model, pk = record
        current = model.objects.filter(pk=pk).values_list("version", flat=True).first()
        if current is not None:
            body = {**body, "version": current}
    return json.dumps(body)


def _exchange(client, method, url, body) -> Response:
    """Send through Django's test client; answer in the transport-neutral shape schemathesis checks."""
    response = client.generic(method, url, body, content_type="application/json")
    request = requests.Request(
        method,
        "http://testserver" + url,
        data=body if isinstance(body, bytes) else body.encode(),
        headers={"content-type": "application/json"},
    ).prepare()
    return Response(
        status_code=response.status_code,
        headers={name.lower(): [value] for name, value in response.headers.items()},
        content=response.content,
        request=request,
        elapsed=0.0,
        verify=True,
        message=response.reason_phrase,
    )


@pytest.mark.parametrize("who", ["facilitator", "caregiver"])
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_answer_is_one_the_openapi_document_lists(case, cast, who):
    path, record = _path(case, _real_ids(cast))
    body = _body(case, record)
    query = urlencode(case.query or {}, doseq=True)
    url = path + (f"?{query}" if query else "")
    response = _exchange(ApiClient(getattr(cast, who)).client, case.method.upper(), url, body)
    case.validate_response(response, checks=CHECKS)


# One valid request per operation (the access table's, plus opening a family), so every
# success answer is checked against its documented schema, with real data behind it.
NEW_FAMILY = {
    "display_name": "The García family",
    "county": "37183",
    "people": [{"role": "child", "first_name": "Sofía", "date_of_birth": "2016-04-02"}],
}
CONSENT = ("post", "/families/{family}/consents")
VALID_REQUESTS = [
    # The access table's consent is in the child's name; give it in the mother's.
    (m, p, {**b, "granted_by": "{mother}"} if (m, p) == CONSENT else b)
    for m, p, b in FAMILY_OPERATIONS
    # The plan's operations need a plan: soc/plans/tests/test_api.py checks them with one;
    # referrals need a referral: soc/referrals/tests/test_api.py.
    if not p.startswith("/families/{family}/plan")
    and not p.endswith("/progress")
    and "/referrals" not in p
] + [
    ("get", "/me", None),
    ("get", "/families", None),
    ("post", "/families", NEW_FAMILY),
    ("get", "/referrals/inbox", None),
    ("get", "/referrals/unmet-needs", None),
    ("get", "/family-requests", None),
]
# Who succeeds where (both, when not listed): the family gives consent, invites and decides
# on proposals; the rest of the team proposes; the facilitator, who called the meeting and
# wrote the next step, changes them; staff open families.
FAMILY, FACILITATOR = "caregiver", "facilitator"
SUCCEEDS_AS = {
    ("post", "/families"): FACILITATOR,
    ("post", "/families/{family}/consents"): FAMILY,
    ("post", "/families/{family}/join"): None,  # only staff shown the family as a duplicate
    ("post", "/families/{family}/members/invite"): FAMILY,
    ("post", "/families/{family}/members/propose"): FACILITATOR,
    ("post", "/families/{family}/members/{proposed}/approve"): FAMILY,
    ("post", "/families/{family}/members/{proposed}/decline"): FAMILY,
    ("post", "/families/{family}/members/{proposed}/withdraw"): FACILITATOR,  # the proposer
    ("post", "/families/{family}/members/{member}/remove"): FAMILY,
    ("post", "/families/{family}/members/{member}/required"): None,  # not the facilitator's org
    ("patch", "/families/{family}/meetings/{meeting}"): FACILITATOR,
    ("post", "/families/{family}/meetings/{meeting}/cancel"): FACILITATOR,
    ("put", "/families/{family}/meetings/{meeting}/record"): FACILITATOR,
    ("post", "/families/{family}/meetings/held"): FACILITATOR,
    ("post", "/families/{family}/next-steps"): FACILITATOR,
    ("patch", "/families/{family}/next-steps/{step}"): FACILITATOR,
    ("get", "/referrals/unmet-needs"): FACILITATOR,  # staff only: counts, never names
}


def _operation(method, path):
    shape = re.sub(r"\{[^}]+\}", "{}", path)
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method == method and re.sub(r"\{[^}]+\}", "{}", operation.path) == API + shape:
            return operation
    raise LookupError(method, path)


@pytest.mark.parametrize(("method", "path", "body"), VALID_REQUESTS)
@pytest.mark.parametrize("who", ["facilitator", "caregiver"])
def test_each_success_answer_matches_its_documented_schema(cast, who, method, path, body):
    ids = {**_ids(cast), "mother": cast.caregiver_membership.person_id}
    operation = _operation(method, path)
    # The table names ids by what they are ({proposed}); the document by the parameter.
    names = re.findall(r"\{([^}]+)\}", operation.path)
    values = [ids[name] for name in re.findall(r"\{([^}]+)\}", path)]
    data = _fill(body, ids)
    case = operation.Case(
        path_parameters=dict(zip(names, values, strict=True)),
        body=NotSet() if data is None else data,
        media_type="application/json",
    )
    client = ApiClient(getattr(cast, who)).client
    raw = "" if data is None else json.dumps(data)
    response = _exchange(client, method.upper(), API + path.format(**ids), raw)
    case.validate_response(response, checks=CHECKS)
    if SUCCEEDS_AS.get((method, path), who) == who:
        assert 200 <= response.status_code < 300, response.content

"""/api/v1/openapi.json is a valid OpenAPI 3.1 document that describes every operation."""

import pytest
from jsonschema import Draft202012Validator
from schemathesis.specs.openapi.definitions import OPENAPI_31

from .test_access import (
    FAMILY_OPERATIONS,
    FAMILY_PARTNER_OPERATIONS,
    OTHER_OPERATIONS,
    PROVIDER_OPERATIONS,
)


@pytest.fixture(scope="module")
def document():
    from django.test import Client

    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_document_is_valid_openapi_3_1(document):
    assert document["openapi"].startswith("3.1")
    Draft202012Validator(OPENAPI_31).validate(document)
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_document_lists_every_operation_once_with_a_stable_id(document):
    operations = [op for item in document["paths"].values() for op in item.values()]
    expected = sum(
        map(
            len,
            (FAMILY_OPERATIONS, OTHER_OPERATIONS, PROVIDER_OPERATIONS, FAMILY_PARTNER_OPERATIONS),
        )
    )
    assert len(operations) == expected
    ids = [op["operationId"] for op in operations]
    assert len(set(ids)) == len(ids)
    assert {"open_family", "ask_to_join", "record_meeting", "update_next_step", "me"} <= set(ids)


def test_every_operation_is_authenticated_and_documents_its_errors(document):
    schemes = document["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["security"], (method, path)
            assert "401" in operation["responses"], (method, path)
            if "{family_id}" in path:
                assert "404" in operation["responses"], (method, path)
            if method in {"patch", "put"}:
                assert "409" in operation["responses"], (method, path)
            # A body that is not JSON at all is refused before the operation runs.
            if "requestBody" in operation:
                assert "400" in operation["responses"], (method, path)
            if operation.get("parameters") or "requestBody" in operation:
                assert "422" in operation["responses"], (method, path)


def test_choices_are_enums(document):
    person = document["components"]["schemas"]["PersonIn"]["properties"]
    assert person["role"]["enum"] == ["child", "youth", "caregiver"]
    attendance = document["components"]["schemas"]["AttendanceIn"]["properties"]
    assert attendance["status"]["enum"] == ["present", "absent", "excused"]

"""Test helpers for the JSON API, shared by every app's API tests.

The `api_as` and `anonymous_api` fixtures (in the project's conftest.py) hand these out.
"""

import json

from django.test import Client
from django.utils import timezone

from soc.accounts.models import ApiToken

API = "/api/v1"


class ApiClient:
    """Django's test client speaking JSON to /api/v1 with one user's personal token."""

    def __init__(self, user=None, secret=None):
        self.user = user
        if user is not None and secret is None:
            token, secret = ApiToken.issue(user, "tests")
            # Used just now, so the first request does not write last_used_at (query counts).
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        headers = {"authorization": f"Bearer {secret}"} if secret else {}
        self.client = Client(headers=headers)

    def _send(self, method, path, body):
        data = json.dumps(body) if body is not None else ""
        return getattr(self.client, method)(API + path, data=data, content_type="application/json")

    def get(self, path, params=None):
        return self.client.get(API + path, params or {})

    def post(self, path, body=None):
        return self._send("post", path, body)

    def patch(self, path, body=None):
        return self._send("patch", path, body)

    def put(self, path, body=None):
        return self._send("put", path, body)

    def call(self, method, path, body=None):
        if method == "get":
            return self.get(path)
        return self._send(method, path, body)


def field_errors(response):
    """{"people[0].date_of_birth": ["message", ...]} from a 422 body."""
    assert response.status_code == 422, response.content
    errors = {}
    for problem in response.json()["detail"]:
        key = problem["loc"][1] if len(problem["loc"]) > 1 else problem["loc"][0]
        errors.setdefault(key, []).append(problem["msg"])
    return errors

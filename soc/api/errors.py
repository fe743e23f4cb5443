"""How failures look in the API: always JSON, always 4xx for bad input, in the user's language.

Errors from the actions (Django's ValidationError with a dict of field paths) and errors from
request parsing (pydantic) come out in one shape, so a client handles both the same way:

    422 {"detail": [{"loc": ["body", "people[0].date_of_birth"], "msg": "...", "type": "..."}]}
"""

from django import forms
from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import BooleanField as ModelBooleanField
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from soc.versioning import StaleVersion


def field_path(parts) -> str:
    """("people", 0, "date_of_birth") -> "people[0].date_of_birth", like the actions write it."""
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def rename_fields(error: DjangoValidationError, names: dict) -> DjangoValidationError:
    """The same error, with the action's field names replaced by the request's."""
    if not hasattr(error, "error_dict"):
        return error
    return DjangoValidationError({names.get(k, k): v for k, v in error.error_dict.items()})


def problems_from_django(error: DjangoValidationError) -> list[dict]:
    if hasattr(error, "error_dict"):
        groups = error.error_dict.items()
    else:
        groups = [(NON_FIELD_ERRORS, error.error_list)]
    problems = []
    for field, errors in groups:
        loc = ["body"] if field == NON_FIELD_ERRORS else ["body", field]
        for each in errors:
            problem = {"loc": loc, "msg": str(next(iter(each))), "type": "validation_error"}
            if each.code:
                problem["code"] = each.code
            problems.append(problem)
    return problems


def _message_for(error: dict) -> str | None:
    """A message from Django's own catalogue for the common pydantic errors, so it is translated."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return forms.Field.default_error_messages["required"]
    if kind in {"string_too_long", "too_long"} and "max_length" in ctx:
        value = error.get("input")
        shown = len(value) if isinstance(value, str | list) else ctx["max_length"] + 1
        return validators.MaxLengthValidator.message % {
            "limit_value": ctx["max_length"],
            "show_value": shown,
        }
    if kind in {"string_too_short", "too_short"} and "min_length" in ctx:
        value = error.get("input")
        shown = len(value) if isinstance(value, str | list) else 0
        return validators.MinLengthValidator.message % {
            "limit_value": ctx["min_length"],
            "show_value": shown,
        }
    if kind in {"less_than_equal", "less_than"} and "le" in ctx:
        return validators.MaxValueValidator.message % {"limit_value": ctx["le"]}
    if kind in {"greater_than_equal", "greater_than"} and "ge" in ctx:
        return validators.MinValueValidator.message % {"limit_value": ctx["ge"]}
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return forms.DateField.default_error_messages["invalid"]
    if kind in {"datetime_type", "datetime_parsing", "datetime_from_date_parsing"}:
        return forms.DateTimeField.default_error_messages["invalid"]
    if kind == "timezone_aware":
        return _("Please give the time with its offset from UTC, like 2025-05-01T15:00:00-04:00.")
    if kind.startswith("int_"):
        return forms.IntegerField.default_error_messages["invalid"]
    if kind.startswith("bool_"):
        return ModelBooleanField.default_error_messages["invalid"] % {
            "value": error.get("input", "")
        }
    if kind in {"literal_error", "enum"}:
        return forms.ChoiceField.default_error_messages["invalid_choice"] % {
            "value": error.get("input", "")
        }
    if kind.startswith("url_"):
        return forms.URLField.default_error_messages["invalid"]
    if kind == "extra_forbidden":
        return _("This field cannot be changed here.")
    if kind in {"model_attributes_type", "dict_type", "model_type"}:
        return _("Please send a JSON object.")
    if kind == "list_type":
        return _("Please send a list.")
    if kind == "string_type":
        return _("Please give this as text.")
    return None


def problems_from_pydantic(source: str, errors: list[dict], body_param: str | None) -> list[dict]:
    """ninja's errors, with the field path written like the actions write it."""
    problems = []
    for error in errors:
        loc = list(error["loc"])
        if source == "body" and body_param and loc and loc[0] == body_param:
            loc = loc[1:]  # the view's parameter name means nothing to the client
        path = field_path(loc)
        message = _message_for(error)
        problems.append(
            {
                "loc": [source, path] if path else [source],
                "msg": str(message) if message else error["msg"],
                "type": error["type"],
            }
        )
    return problems


def install(api):
    """Register the handlers on the NinjaAPI."""

    def validation_error(request, exc):
        return api.create_response(request, {"detail": problems_from_django(exc)}, status=422)

    def ninja_validation_error(request, exc):
        return api.create_response(request, {"detail": exc.errors}, status=422)

    def http_error(request, exc):
        messages = {
            400: _("The request body could not be read: please send valid JSON."),
            401: _("Please sign in, or send a valid API token: Authorization: Bearer soc_..."),
        }
        detail = messages.get(exc.status_code, exc)
        response = api.create_response(request, {"detail": str(detail)}, status=exc.status_code)
        if exc.status_code == 401:
            response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    def permission_denied(request, exc):
        return api.create_response(
            request, {"detail": _("You are not allowed to do this.")}, status=403
        )

    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    def stale_version(request, exc):
        return api.create_response(
            request,
            {
                "detail": str(StaleVersion.message),
                "code": "stale_version",
                "current_version": exc.obj.version,
            },
            status=409,
        )

    def integrity_error(request, exc):
        # Two requests raced past the checks and the database refused the second one.
        return api.create_response(
            request,
            {
                "detail": _("Someone else made the same change at the same time. Please reload."),
                "code": "conflict",
                "current_version": None,
            },
            status=409,
        )

    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(DjangoValidationError, validation_error)
    api.add_exception_handler(NinjaValidationError, ninja_validation_error)
    api.add_exception_handler(PermissionDenied, permission_denied)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ObjectDoesNotExist, not_found)
    api.add_exception_handler(StaleVersion, stale_version)
    api.add_exception_handler(IntegrityError, integrity_error)

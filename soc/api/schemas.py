"""Schemas every router shares: errors, pagination, choices, and the small references to
counties, organizations and people that many responses carry."""

from datetime import datetime
from typing import Annotated, Literal

from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, AwareDatetime, ConfigDict, create_model, field_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

# Ids and versions past what the database stores would fail in the database, not here.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=2**31 - 1, description="The version you last read.")]


class Pagination(LimitOffsetPagination):
    """Every list: ?limit= (1 to 100, default 25; more is a 422) and ?offset=."""

    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=MAX_ID)

    def paginate_queryset(self, queryset, pagination, request, **params):
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        items = list(queryset[offset : offset + limit])
        # A page that is not full ends the list: its length is known without a COUNT, so a
        # caller on a few teams pays one query for the list, and only longer lists two.
        if len(items) < limit and (items or offset == 0):
            count = offset + len(items)
        else:
            count = self._items_count(queryset)
        return {self.items_attribute: items, "count": count}


class Presented:
    """A queryset as the API shows it: the pagination counts it in SQL and slices it, and only
    the rows of the page are turned into their JSON shape by `show`."""

    def __init__(self, queryset, show):
        self.queryset, self.show = queryset, show

    def all(self):
        return self.queryset.all()

    def __getitem__(self, window):
        return [self.show(row) for row in self.queryset[window]]


def _within_reach(moment: datetime | None) -> datetime | None:
    # Far-off years overflow when converted to UTC for storage; no meeting is that far off.
    if moment is not None and not 1900 <= moment.year <= 2999:
        raise PydanticCustomError("datetime_range", _("Please give a date between 1900 and 2999."))
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(_within_reach)]
"""A date and time with its offset from UTC, e.g. 2025-05-01T15:00:00-04:00."""


def choices(enum: type[models.TextChoices]):
    """A Literal of the enum's values, so OpenAPI lists them and bad values get a 422."""
    return Literal[tuple(enum.values)]


def email_field(default=..., **kwargs):
    # pydantic's EmailStr needs email-validator, which we do not ship; the actions and
    # Django's EmailField validate the address, and OpenAPI still says it is an e-mail.
    return Field(default, max_length=254, json_schema_extra={"format": "email"}, **kwargs)


class InputSchema(Schema):
    """Request bodies refuse unknown fields instead of silently ignoring them."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_null_characters(cls, value):
        # PostgreSQL cannot store them; Django's forms refuse them the same way.
        if isinstance(value, str) and "\x00" in value:
            message = str(ProhibitNullCharactersValidator.message)
            raise PydanticCustomError("null_characters", message)
        return value


def changes_of(schema: type[InputSchema], name: str, doc: str) -> type[InputSchema]:
    """A PATCH body: `version` (required) and every field of `schema`, each optional.

    Only the fields the client sends are changed; the version must be the one it last read.
    """
    fields = {
        field: (info.annotation | None, FieldInfo.merge_field_infos(info, default=None))
        for field, info in schema.model_fields.items()
    }
    return create_model(name, __base__=InputSchema, __doc__=doc, version=(Version, ...), **fields)


class Message(Schema):
    detail: str


class ValidationProblem(Schema):
    loc: list[str | int] = Field(
        description='Where the problem is: ["body", "people[0].date_of_birth"], ["query", "limit"].'
    )
    msg: str = Field(description="A message for people, in the user's language.")
    type: str
    code: str | None = Field(None, description="A stable code for programs, when there is one.")


class ValidationErrors(Schema):
    detail: list[ValidationProblem]


class Conflict(Schema):
    detail: str
    code: str = Field(description='"stale_version" or "conflict".')
    current_version: int | None = None


class CountyOut(Schema):
    id: int
    fips: str
    name: str


class OrganizationOut(Schema):
    id: int
    name: str
    kind: str


class VersionIn(InputSchema):
    """For an action on an existing record: the version the client last saw (optional)."""

    version: Version | None = None


ERRORS = {401: Message, 403: Message, 404: Message, 422: ValidationErrors}
"""What any operation may answer instead of its result."""
BODY_ERRORS = {400: Message, **ERRORS}
"""What an operation that reads a JSON body may answer: also 400 when the body is not JSON."""
EDIT_ERRORS = {**BODY_ERRORS, 409: Conflict}
"""What a change to a versioned record may answer: also 409 when someone changed it since."""

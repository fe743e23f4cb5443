"""Families and their people in the JSON API. Every change goes through families.actions."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.forms import ModelChoiceField
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from soc.accounts.models import County
from soc.api.schemas import (
    EDIT_ERRORS,
    ERRORS,
    CountyOut,
    InputSchema,
    Pagination,
    changes_of,
    choices,
    email_field,
)
from soc.audit.log import record
from soc.consent.doors import family_or_404, record_view, visible_family_or_404

from . import actions
from .models import Family, Person, Relation, SpokenLanguage

router = Router(tags=["families"])


def visible_families(user):
    """The families the user may see, with what every family response shows, oldest first."""
    return families_with_counts().visible_to(user).order_by("id")


# Each count is a subquery per family returned (a page of 25 counts 25 families, where a join
# with GROUP BY would count all of the user's first). Written as SQL because the ORM's
# Subquery-with-Count costs more Python to build than the read costs PostgreSQL
# (bench/profile_door.py on the family detail door).
CHILDREN_SQL = (
    'SELECT COUNT(*) FROM "families_person" p '
    'WHERE p."family_id" = "families_family"."id" AND p."role" IN (%s, %s)'
)
MEMBERS_SQL = (
    'SELECT COUNT(*) FROM "teams_membership" m JOIN "teams_team" t ON t."id" = m."team_id" '
    'WHERE t."family_id" = "families_family"."id" AND m."status" = %s'
)


def families_with_counts():
    return Family.objects.select_related("county").annotate(
        # Constant SQL, values bound as parameters.
        children_count=RawSQL(CHILDREN_SQL, Person.CHILD_ROLES, IntegerField()),  # noqa: S611  # nosec B611
        member_count=RawSQL(MEMBERS_SQL, ("active",), IntegerField()),  # noqa: S611  # nosec B611
    )


# Schemas


class PersonIn(InputSchema):
    role: choices(Person.Role)
    first_name: str = Field(..., max_length=80)
    last_name: str = Field("", max_length=80)
    date_of_birth: date | None = Field(None, description="Required for a child or youth.")
    school: str = Field("", max_length=150)
    grade: str = Field("", max_length=20)
    relation: Literal[("", *Relation.values)] = Field(
        "", description="How a caregiver is related to the children."
    )
    relation_other: str = Field("", max_length=60, description="In words, when relation is other.")
    is_legal_guardian: bool = False
    preferred_language: choices(SpokenLanguage) = SpokenLanguage.ENGLISH.value
    pronouns: str = Field("", max_length=40)
    phone: str = Field("", max_length=40)
    email: str = email_field("")


PersonChanges = changes_of(PersonIn, "PersonChanges", "Changes to a person.")


class PersonOut(Schema):
    id: int
    role: choices(Person.Role)
    first_name: str
    last_name: str
    date_of_birth: date | None
    school: str
    grade: str
    relation: str
    relation_other: str
    is_legal_guardian: bool
    preferred_language: choices(SpokenLanguage)
    pronouns: str
    phone: str
    email: str
    has_account: bool
    created_at: datetime
    version: int

    @staticmethod
    def resolve_has_account(person):
        return person.user_id is not None


class FamilyIn(InputSchema):
    display_name: str = Field(..., max_length=120, description="How the family wants to be called.")
    county: str = Field(..., max_length=5, description="The county's FIPS code, e.g. 37183.")
    primary_language: choices(SpokenLanguage) = SpokenLanguage.ENGLISH.value
    interpreter_needed: bool = False
    culture_notes: str = Field("", max_length=4000)
    what_matters: str = Field("", max_length=4000)


class FamilyCreate(FamilyIn):
    people: list[PersonIn] = Field(..., description="At least one child or youth.")
    confirmed_new: bool = Field(
        False, description="Open the family even though possible duplicates were found."
    )


FamilyChanges = changes_of(FamilyIn, "FamilyChanges", "Changes to a family.")


class FamilyOut(Schema):
    id: int
    display_name: str
    county: CountyOut
    primary_language: choices(SpokenLanguage)
    interpreter_needed: bool
    culture_notes: str
    what_matters: str
    opened_at: datetime
    closed_at: datetime | None
    children_count: int
    member_count: int = Field(description="Active members of the family's team.")
    version: int


class FamilyMatch(Schema):
    """A possible duplicate: only an id to ask to join with, and the county. Never the name."""

    id: int
    county: CountyOut


class PossibleDuplicates(Schema):
    detail: str
    code: str = "possible_duplicate"
    matches: list[FamilyMatch] = Field(
        description="Families that may be this one. Ask to join one, or send confirmed_new."
    )


def _family_fields(data):
    if "county" in data:
        county = County.objects.filter(fips=data["county"]).first()
        if county is None:
            raise ValidationError(
                {"county": ModelChoiceField.default_error_messages["invalid_choice"]}
            )
        data["county"] = county
    return data


# Families


@router.get("/families", response={200: list[FamilyOut], **ERRORS})
@paginate(Pagination)
def list_families(request):
    """The families whose team you are on."""
    record(request.auth, "family.list", request=request)
    return visible_families(request.auth)


@router.get("/families/{family_id}", response={200: FamilyOut, **ERRORS})
def get_family(request, family_id: int):
    family = visible_family_or_404(request.auth, family_id, request, families_with_counts())
    record_view(request, "family.view", family, family.pk, user=request.auth)
    return family


@router.patch("/families/{family_id}", response={200: FamilyOut, **EDIT_ERRORS})
def update_family(request, family_id: int, payload: FamilyChanges):
    """Change the family's details. Send the `version` you read; 409 if someone changed it since."""
    family = family_or_404(request, family_id)
    changes = _family_fields(payload.model_dump(exclude_unset=True, exclude={"version"}))
    actions.update_family(
        request.auth, family, version=payload.version, changes=changes, request=request
    )
    return visible_families(request.auth).get(pk=family.pk)


# People


@router.get(
    "/families/{family_id}/people", response={200: list[PersonOut], **ERRORS}, tags=["people"]
)
@paginate(Pagination)
def list_people(request, family_id: int):
    family = family_or_404(request, family_id)
    record_view(request, "person.list", family, family.pk, user=request.auth)
    return family.people.all()


@router.patch("/families/{family_id}/people/{person_id}", response={200: PersonOut, **EDIT_ERRORS})
def update_person(request, family_id: int, person_id: int, payload: PersonChanges):
    family = family_or_404(request, family_id)
    person = get_object_or_404(family.people, pk=person_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    return actions.update_person(
        request.auth, person, version=payload.version, changes=changes, request=request
    )

"""Opening a family in the JSON API: it starts the family's team, with the caller as facilitator."""

from django.core.exceptions import ValidationError
from ninja.responses import Status

from soc.api.schemas import BODY_ERRORS
from soc.consent.doors import family_or_404
from soc.families.api import (
    FamilyCreate,
    FamilyOut,
    PersonIn,
    PersonOut,
    PossibleDuplicates,
    _family_fields,
    visible_families,
)
from soc.families.api import router as families_router

from .. import actions


# On the families router, beside GET /families (one path, one router); the action is the team's.
@families_router.post(
    "/families",
    response={201: FamilyOut, 409: PossibleDuplicates, **BODY_ERRORS},
    tags=["families"],
)
def open_family(request, payload: FamilyCreate):
    """Open a family with its people and start its team, with you as facilitator.

    If the county may already have this family, answers 409 with the possible matches
    (name and county only); ask to join one of them or repeat with `confirmed_new`.
    """
    data = payload.model_dump(exclude={"people", "confirmed_new"})
    people = [person.model_dump() for person in payload.people]
    try:
        family = actions.open_family(
            request.auth,
            family_fields=_family_fields(data),
            people=people,
            request=request,
            confirmed_new=payload.confirmed_new,
        )
    except ValidationError as error:
        if getattr(error, "code", None) != "possible_duplicate":
            raise
        county = data["county"]
        matches = [
            # Not the family's name: a stranger learns only that a match exists, and where.
            {"id": f.pk, "county": county}
            for f in error.params["matches"]
        ]
        return Status(409, {"detail": error.message, "matches": matches})
    return Status(201, visible_families(request.auth).get(pk=family.pk))


# Also on the families router: adding a caregiver or youth puts them on the team.
@families_router.post(
    "/families/{family_id}/people", response={201: PersonOut, **BODY_ERRORS}, tags=["people"]
)
def add_person(request, family_id: int, payload: PersonIn):
    """Record a person; a caregiver or youth also joins the family's team (and, with an e-mail,
    is invited to create an account)."""
    family = family_or_404(request, family_id)
    person = actions.add_family_person(
        request.auth, family, fields=payload.model_dump(), request=request
    )
    return Status(201, person)

"""Everything that changes a family goes through one function here: validate, write, audit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.versioning import lock_for_content_edit, save_new_version

from .models import Family, Person, Relation

FAMILY_FIELDS = [
    "display_name",
    "county",
    "primary_language",
    "interpreter_needed",
    "culture_notes",
    "what_matters",
]
PERSON_FIELDS = [
    "role",
    "first_name",
    "last_name",
    "date_of_birth",
    "school",
    "grade",
    "relation",
    "relation_other",
    "is_legal_guardian",
    "preferred_language",
    "pronouns",
    "phone",
    "email",
]


def validate_person(person):
    errors = {}
    if person.date_of_birth and person.date_of_birth > timezone.localdate():
        errors["date_of_birth"] = _("A date of birth cannot be in the future.")
    if person.is_child and not person.date_of_birth:
        errors["date_of_birth"] = _("Please give the child's date of birth.")
    person.relation_other = (person.relation_other or "").strip()
    if person.relation == Relation.OTHER and not person.relation_other:
        errors["relation_other"] = _("Please say in words how this person is related.")
    elif person.relation != Relation.OTHER:
        person.relation_other = ""  # words kept only for "other"
    if errors:
        raise ValidationError(errors)
    person.full_clean(exclude=["family", "user"])


def find_possible_duplicates(user, county, display_name, birth_dates, request=None):
    """Families that may be this one. The caller learns only that they exist, and it is audited."""
    matches = Family.objects.possible_duplicates(county, display_name, birth_dates)
    for family in matches:
        record(user, "family.duplicate_shown", family, family_id=family.pk, request=request)
    return matches


@transaction.atomic
def update_family(user, family, *, version, changes, request=None):
    if not family.can(user, "edit_family"):
        raise PermissionDenied
    family = lock_for_content_edit(Family.objects.all(), family.pk, version)
    changed = _apply(family, changes, FAMILY_FIELDS)
    if changed:
        save_new_version(family, changed)
        record(
            user,
            "family.update",
            family,
            family_id=family.pk,
            request=request,
            detail={"fields": changed},
        )
    return family


@transaction.atomic
def add_person(user, family, *, fields, request=None):
    if not family.can(user, "edit_people"):
        raise PermissionDenied
    person = Person(family=family, **fields)
    validate_person(person)
    if family.people.filter(
        first_name__iexact=person.first_name.strip(),
        last_name__iexact=person.last_name.strip(),
        date_of_birth=person.date_of_birth,
    ).exists():
        raise ValidationError({"first_name": _("This person is already recorded in this family.")})
    person.save()
    record(user, "person.create", person, family_id=family.pk, request=request)
    return person


@transaction.atomic
def update_person(user, person, *, version, changes, request=None):
    if not person.family.can(user, "edit_people"):
        raise PermissionDenied
    person = lock_for_content_edit(Person.objects.select_related("family"), person.pk, version)
    changed = _apply(person, changes, PERSON_FIELDS)
    if changed:
        validate_person(person)
        save_new_version(person, changed)
        record(
            user,
            "person.update",
            person,
            family_id=person.family_id,
            request=request,
            detail={"fields": changed},
        )
    return person


def _apply(obj, changes, allowed):
    changed = []
    for field, value in changes.items():
        if field not in allowed:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed.append(field)
    return changed

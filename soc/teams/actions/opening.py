"""Everything that changes a team goes through one function here: validate, write, audit, notify.

Pages and the API call these same functions, so both doors follow the same rules.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.consent.policy import forget_access
from soc.families.actions import add_person, find_possible_duplicates, validate_person
from soc.families.models import Family, Person

from .. import notifications
from ..models import Membership, Team

Status = Membership.Status
Role = Membership.Role


def start_team(user, family, request=None):
    """Start the family's team; whoever starts it becomes its facilitator."""
    team = Team.objects.create(family=family, started_by=user)
    Membership.objects.create(
        team=team,
        role=Role.FACILITATOR,
        status=Status.ACTIVE,
        user=user,
        name=user.full_name,
        email=user.email,
        phone=user.phone,
        organization=user.organization,
        language=user.language,
        proposed_by=user,
        decided_by=user,
        decided_at=timezone.now(),
    )
    for person in family.people.all():
        _join_as_family(user, team, person)
    record(user, "team.start", team, family_id=family.pk, request=request)
    forget_access(user)
    return team


def _join_as_family(user, team, person):
    """A caregiver or youth is on the team from the start; with an e-mail and no account,
    they are sent a link to create one (after the commit, in their language)."""
    if person.role not in (person.Role.CAREGIVER, person.Role.YOUTH):
        return None
    email = (person.email or "").strip().lower()
    if email and team.memberships.current().filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Someone on the team already uses this e-mail.")})
    member = Membership.objects.create(
        team=team,
        role=Role.CAREGIVER if person.role == person.Role.CAREGIVER else Role.YOUTH,
        status=Status.ACTIVE,
        person=person,
        user=person.user,
        name=person.full_name,
        email=email,
        phone=person.phone,
        language=person.preferred_language,
        proposed_by=user,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if member.email and member.user_id is None:
        notifications.send_account_invitation(member, sent_by=user)
    return member


@transaction.atomic
def add_family_person(user, family, *, fields, request=None):
    """Record a person later; a caregiver or youth also joins the team (and is invited)."""
    person = add_person(user, family, fields=fields, request=request)
    team = getattr(family, "team", None)
    if team is not None:
        member = _join_as_family(user, team, person)
        if member is not None:
            record(user, "member.join_as_family", member, family_id=family.pk, request=request)
            forget_access(user)
    return person


def open_family(
    user,
    *,
    family_fields,
    people,
    request=None,
    confirmed_new=False,
    then=None,
):
    """Record a family and its people and start its team, with `user` as facilitator;
    `then(family)`, when given, runs in the same transaction, so
    what it writes (a family partner's link to the request) stands or falls with the family.

    Raises ValidationError; with possible duplicates and no `confirmed_new`, the error has
    code "possible_duplicate" and carries the matches in `params`. The duplicates are looked
    up (and their showing audited) before the writing transaction, so that audit survives.
    """
    policy.require(user, "open_family", None)
    family = Family(opened_by=user, **family_fields)
    family.full_clean(exclude=["opened_by"])
    built = [Person(family=family, **fields) for fields in people]
    errors = {}
    for index, person in enumerate(built):
        try:
            validate_person(person)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors[f"people[{index}].{field}"] = messages
    if not any(p.is_child for p in built):
        errors.setdefault("people", []).append(_("Please add at least one child or youth."))
    _reject_repeated_people(built, errors)
    if errors:
        raise ValidationError(errors)
    if not confirmed_new:
        matches = find_possible_duplicates(
            user,
            family.county,
            family.display_name,
            [p.date_of_birth for p in built if p.is_child],
            request,
        )
        if matches:
            raise ValidationError(
                _("This family may already be recorded in this county."),
                code="possible_duplicate",
                params={"matches": matches},
            )
    with transaction.atomic():
        family.save()
        for person in built:
            person.family = family
        Person.objects.bulk_create(built)
        record(user, "family.create", family, family_id=family.pk, request=request)
        start_team(user, family, request=request)
        if then is not None:
            then(family)
    return family


def _reject_repeated_people(people, errors):
    seen, emails = set(), set()
    for index, person in enumerate(people):
        key = (
            person.first_name.strip().lower(),
            person.last_name.strip().lower(),
            person.date_of_birth,
        )
        if key in seen:
            errors[f"people[{index}].first_name"] = [_("This person is already on the list.")]
        seen.add(key)
        email = (person.email or "").strip().lower()
        if email and email in emails:
            errors[f"people[{index}].email"] = [
                _("Each person needs their own e-mail address, or none.")
            ]
        emails.add(email)

"""Every change to a family's request goes through one function here: validate, write, audit,
notify, in one transaction. The public form, the family partner's pages and the API call these.

Claiming locks the row: of two partners claiming at once, the second sees the first's claim
(a newer version) and is refused with a clear 409, never silently taking it over.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from soc.audit.log import record
from soc.consent import policy
from soc.families.actions import find_possible_duplicates
from soc.families.models import Family
from soc.teams.actions import ask_to_join, open_family
from soc.teams.models import Membership
from soc.versioning import StaleVersion, lock_for_edit

from . import notifications, routing
from .models import ContactAttempt, FamilyRequest, Help, Way

Status = FamilyRequest.Status


class AlreadyClaimed(StaleVersion):
    """Another family partner claimed the request first (answered 409)."""

    def __init__(self, family_request):
        super().__init__(family_request)
        name = family_request.claimed_by.full_name if family_request.claimed_by_id else ""
        self.message = _(
            "%(name)s already claimed this request. Nothing was changed. "
            "Please choose another family."
        ) % {"name": name or _("Another family partner")}
        self.args = (self.message,)


class TooManyRequests(Exception):
    """The same address sent more requests this hour than the limit allows."""


def check_request(data):
    """The answers a request needs; raises ValidationError naming each missing one."""
    errors = {}
    if not str(data.get("name") or "").strip():
        errors["name"] = _("Please tell us what to call you.")
    ways = [w for w in data.get("ways") or [] if w in Way.values]
    if not ways:
        errors["ways"] = _("Please choose at least one way to reach you.")
    phone = str(data.get("phone") or "").strip()
    email = str(data.get("email") or "").strip()
    if (Way.PHONE in ways or Way.TEXT in ways) and not phone:
        errors["phone"] = _("Please give a phone number so we can call or text you.")
    if Way.EMAIL in ways and not email:
        errors["email"] = _("Please give an e-mail address so we can write to you.")
    if data.get("language") not in FamilyRequest.Language.values:
        errors["language"] = _("Please choose a language.")
    elif data["language"] == FamilyRequest.Language.OTHER and not data.get("language_other"):
        errors["language_other"] = _("Please tell us which language.")
    if data.get("county") is None:
        errors["county"] = _("Please choose your county or give your ZIP code.")
    helps = [h for h in data.get("help_with") or [] if h in Help.values]
    if not helps and not str(data.get("in_their_words") or "").strip():
        errors["help_with"] = _("Please choose what you want help with, or say it in your words.")
    if not data.get("agreed_to_contact"):
        errors["agreed_to_contact"] = _("Please check the box so a family partner may contact you.")
    if errors:
        raise ValidationError(errors)
    return ways, helps


@transaction.atomic
def submit_request(data, *, address=None, request=None):
    """A family asks for help: saved, routed to the organizations that serve its county (or
    the statewide fallback, flagged) and their staff told. Raises ValidationError or
    TooManyRequests."""
    ways, helps = check_request(data)
    key = routing.address_key(address)
    if key:
        hour_ago = timezone.now() - timedelta(hours=1)
        sent = FamilyRequest.objects.filter(address_hash=key, created_at__gte=hour_ago).count()
        if sent >= settings.SOC_FAMILY_REQUESTS_PER_HOUR:
            raise TooManyRequests
    organizations, fallback = routing.organizations_for(data["county"])
    family_request = FamilyRequest(
        name=data["name"].strip(),
        phone=str(data.get("phone") or "").strip(),
        email=str(data.get("email") or "").strip().lower(),
        ways=ways,
        safe_to_leave_message=bool(data.get("safe_to_leave_message")),
        best_times=str(data.get("best_times") or "").strip(),
        language=data["language"],
        language_other=str(data.get("language_other") or "").strip(),
        interpreter=bool(data.get("interpreter")),
        county=data["county"],
        zip_code=str(data.get("zip_code") or "").strip(),
        help_with=helps,
        in_their_words=str(data.get("in_their_words") or "").strip(),
        agreed_to_contact=True,
        sent_to_fallback=fallback,
        address_hash=key,
    )
    family_request.full_clean(exclude=["county"])
    family_request.save()
    family_request.organizations.set(organizations)
    family_request.__dict__.pop("organization_ids", None)
    # No personal detail in the audit: which request, routed how, nothing else.
    record(
        None,
        "family_request.submit",
        family_request,
        request=request,
        detail={"fallback": fallback, "organizations": len(organizations)},
    )
    notifications.tell_partners(family_request)
    return family_request


def _lock(family_request, version, claiming=False):
    # No join: PostgreSQL cannot lock the nullable side of an outer join (claimed_by).
    locked = lock_for_edit(FamilyRequest.objects.all(), family_request.pk, None)
    locked.__dict__["organization_ids"] = family_request.organization_ids
    if version is not None and int(version) != locked.version:
        if claiming and locked.claimed_by_id:
            raise AlreadyClaimed(locked)
        raise StaleVersion(locked)
    return locked


def _save(locked, fields):
    locked.version += 1
    locked.save(update_fields=[*fields, "version"])
    return locked


@transaction.atomic
def claim(user, family_request, *, version=None, request=None):
    """One family partner takes the request: the first claim wins, a second gets AlreadyClaimed."""
    locked = _lock(family_request, version, claiming=True)
    policy.require(user, "claim_family_request", locked)
    if locked.claimed_by_id is not None:
        if locked.claimed_by_id == user.pk:
            return locked
        raise AlreadyClaimed(locked)
    if locked.is_closed():
        raise ValidationError(_("This request is closed."))
    locked.status, locked.claimed_by, locked.claimed_at = Status.CLAIMED, user, timezone.now()
    _save(locked, ["status", "claimed_by", "claimed_at"])
    record(user, "family_request.claim", locked, request=request)
    return locked


def _working(user, family_request, version):
    locked = _lock(family_request, version)
    policy.require(user, "work_on_family_request", locked)
    if locked.is_closed():
        raise ValidationError(_("This request is closed. Nothing was saved."))
    return locked


@transaction.atomic
def add_contact_attempt(user, family_request, *, method, result, at=None, note="", request=None):
    """When, how and what happened when the partner tried to reach the family."""
    locked = _working(user, family_request, None)
    errors = {}
    if method not in ContactAttempt.Method.values:
        errors["method"] = _("Please choose how you tried.")
    if result not in ContactAttempt.Result.values:
        errors["result"] = _("Please choose what happened.")
    at = at or timezone.now()
    if at > timezone.now() + timedelta(minutes=5):
        errors["at"] = _("This cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    attempt = ContactAttempt.objects.create(
        request=locked, by=user, at=at, method=method, result=result, note=(note or "").strip()
    )
    _save(locked, [])
    record(user, "family_request.contact", locked, request=request, detail={"result": result})
    return attempt


@transaction.atomic
def close(user, family_request, *, outcome, note="", version=None, request=None):
    locked = _working(user, family_request, version)
    if outcome not in FamilyRequest.Outcome.values:
        raise ValidationError({"outcome": _("Please choose how it ended.")})
    locked.status, locked.outcome = Status.CLOSED, outcome
    locked.close_note, locked.closed_at = (note or "").strip()[:2000], timezone.now()
    _save(locked, ["status", "outcome", "close_note", "closed_at"])
    record(
        user,
        "family_request.close",
        locked,
        family_id=locked.family_id,
        request=request,
        detail={"outcome": outcome},
    )
    return locked


@transaction.atomic
def record_consent(
    user, family_request, *, given_by, method, given_at=None, version=None, request=None
):
    """The family agreed that the request be linked to its record and team: who, how, when."""
    locked = _working(user, family_request, version)
    errors = {}
    if not (given_by or "").strip():
        errors["given_by"] = _("Please say who in the family said yes.")
    if method not in FamilyRequest.ConsentMethod.values:
        errors["method"] = _("Please choose how the family said yes.")
    given_at = given_at or timezone.now()
    if given_at > timezone.now() + timedelta(minutes=5):
        errors["given_at"] = _("This cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    locked.consent_given_by, locked.consent_method = given_by.strip()[:120], method
    locked.consent_given_at, locked.consent_recorded_by = given_at, user
    _save(locked, ["consent_given_by", "consent_method", "consent_given_at", "consent_recorded_by"])
    record(user, "family_request.consent", locked, request=request, detail={"method": method})
    return locked


CONSENT_FIRST = gettext_lazy(
    "First record that the family agreed to link this request to its record."
)


def _require_consent(family_request):
    if not family_request.has_consent():
        raise ValidationError({"consent": str(CONSENT_FIRST)})


def find_family(user, family_request, *, display_name, birth_date, request=None):
    """Families that may be this one (the intake's duplicate check, audited): only with the
    family's consent, and the partner learns only that they exist."""
    policy.require(user, "work_on_family_request", family_request)
    _require_consent(family_request)
    if not (display_name or "").strip() or birth_date is None:
        raise ValidationError(
            {"display_name": _("Please give the family name and a child's birth date.")}
        )
    return find_possible_duplicates(
        user, family_request.county, display_name.strip(), [birth_date], request
    )


@transaction.atomic
def link_to_family(user, family_request, family_id, *, version=None, request=None):
    """Link the request to the family's record, with its consent. A partner not on the team asks
    to join as its family partner; the caregiver approves, as for anyone joining.

    Consent is checked before the family is looked up, and a family the partner may not know
    of answers as one that does not exist: the link is no way to probe for family ids."""
    locked = _working(user, family_request, version)
    _require_consent(locked)
    if locked.family_id is not None:
        raise ValidationError({"family": _("This request is already linked to a family.")})
    family = Family.objects.select_related("team").filter(pk=family_id).first()
    on_team = family is not None and policy.membership_for(user, family.pk) is not None
    if family is None or not (on_team or policy.can(user, "ask_to_join", family)):
        raise Http404  # recorded as a refused attempt by the 404 handlers, after the rollback
    locked.family, locked.linked_at = family, timezone.now()
    _save(locked, ["family", "linked_at"])
    record(user, "family_request.link", locked, family_id=family.pk, request=request)
    if not on_team:
        ask_to_join(user, family, request=request, role=Membership.Role.FAMILY_PARTNER)
    return locked


def check_intake(user, family_request):
    """May the partner open the family's record from this request? Hers to work on (claimed),
    still open, with the family's recorded consent, and not linked yet. Raises PermissionDenied
    or ValidationError."""
    policy.require(user, "work_on_family_request", family_request)
    if family_request.is_closed():
        raise ValidationError(_("This request is closed."))
    _require_consent(family_request)
    if family_request.family_id is not None:
        raise ValidationError({"family": _("This request is already linked to a family.")})


def open_family_from_request(
    user, family_request, *, family_fields, people, confirmed_new=False, request=None
):
    """The family agreed and has no record yet: the partner opens it, and the request is
    linked to the new family in the same transaction, so there is never one without the other.

    The intake's own rules apply unchanged (a child, the duplicate check before anything is
    saved), that one included: whoever opens a family facilitates its team. A team must always
    have a facilitator, and none can be added later, so she does not join as its family partner
    (a family she finds already recorded is joined as its family partner: its team has one)."""
    check_intake(user, family_request)

    def link(family):
        locked = _lock(family_request, None)
        check_intake(user, locked)  # again, under the lock: two tabs cannot link it twice
        locked.family, locked.linked_at = family, timezone.now()
        _save(locked, ["family", "linked_at"])
        record(user, "family_request.link", locked, family_id=family.pk, request=request)

    return open_family(
        user,
        family_fields=family_fields,
        people=people,
        request=request,
        confirmed_new=confirmed_new,
        then=link,
    )

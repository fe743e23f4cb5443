"""Every change to a referral goes through one function here: validate, write, audit, notify.

Pages and the API call these same functions. `transition` is the only way a referral's status
changes: it locks the row, so of two simultaneous changes the second sees the first and is
refused (a stale version or a change no longer allowed), never applied on top.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from soc.audit.log import record
from soc.consent import policy
from soc.consent.categories import DataCategory
from soc.families.models import SpokenLanguage
from soc.versioning import lock_for_edit

from . import notifications, states
from .models import Referral, ReferralEvent, SharedDetails, UnmetNeed
from .states import Reason, Status

SHARED_FIELDS = [f.name for f in SharedDetails._meta.fields if f.name not in ("id", "referral")]


class IllegalTransition(Exception):
    """A change the referral's state does not allow (answered 409, with the current state)."""

    def __init__(self, referral, to):
        self.referral = referral
        self.to = to
        current = Status(referral.status).label
        wanted = Status(to).label if to in Status.values else to
        super().__init__(
            _(
                "This referral is “%(current)s”: it cannot change to “%(wanted)s”. Nothing was saved."
            )
            % {"current": current, "wanted": wanted}
        )


def _check_shared(shared, need_term):
    errors = {}
    shared = {k: v for k, v in shared.items() if k in SHARED_FIELDS}
    # The kind of need says it in every language; words are wanted only without one.
    required = ("person_name", "contact_by", "language") + (() if need_term else ("need",))
    for field in required:
        if not str(shared.get(field) or "").strip():
            errors[f"shared.{field}"] = _("Please fill this in with the family.")
    if shared.get("language") and shared["language"] not in SpokenLanguage.values:
        errors["shared.language"] = _("Please choose a language from the list.")
    contact = shared.get("contact_by")
    if contact in ("phone", "text") and not str(shared.get("phone") or "").strip():
        errors["shared.phone"] = _("Please give the phone number the family wants used.")
    if contact == "email" and not str(shared.get("email") or "").strip():
        errors["shared.email"] = _("Please give the e-mail address the family wants used.")
    if contact == "phone" and shared.get("no_phone_calls"):
        errors["shared.contact_by"] = _("The family asked not to be called: choose another way.")
    return shared, errors


@transaction.atomic
def create_referral(
    user,
    family,
    *,
    service,
    need,
    shared,
    need_term=None,
    strategy=None,
    category=DataCategory.GENERAL,
    send=True,
    note="",
    request=None,
):
    """Refer the family to a service, sharing with the provider only `shared`, chosen with the
    family. Sent at once unless `send` is False (a draft the provider does not see)."""
    policy.require(user, "refer_family", family)
    shared, errors = _check_shared(shared, need_term)
    if service is None or not service.is_public() or service.status != "active":
        errors["service"] = _("This service is not taking referrals now. Please choose another.")
    need = str(need or "").strip()
    if need_term is None and not need:
        need = str(shared.get("need") or "").strip()  # the family's words say it to the team
    if need_term is None and not need:
        errors["need"] = _("Please choose the kind of need or say it in words.")
    if category not in DataCategory.values:
        errors["category"] = _("Please choose what kind of information this is.")
    if strategy is not None and strategy.family_id != family.pk:
        errors["strategy"] = _("This strategy belongs to another family's plan.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    referral = Referral(
        family=family,
        category=category,
        author=user,
        created_at=now,
        strategy=strategy,
        service=service,
        provider_id=service.organization.agency_id if service.organization_id else None,
        need=need,
        need_term=need_term,
        status=Status.DRAFT,
        status_changed_at=now,
    )
    referral.full_clean(exclude=["family", "author", "service", "strategy", "provider"])
    referral.save()
    details = SharedDetails(referral=referral, **shared)
    details.full_clean(exclude=["referral"])
    details.save()
    ReferralEvent.objects.create(referral=referral, by=user, at=now, to_status=Status.DRAFT)
    record(user, "referral.create", referral, family_id=family.pk, request=request)
    if send:
        referral = transition(
            referral, Status.REQUESTED, user, note=note, expected_version=1, request=request
        )
    return referral


def _may_make(user, referral, to):
    if to in states.BY_PROVIDER:
        return policy.can(user, "act_on_received_referral", referral)
    if to in states.CORRECTIONS:
        return policy.can(user, "correct_referral", referral)
    return policy.can(user, "change_referral", referral)


REASON_REQUIRED = gettext_lazy("Please choose a reason.")


@transaction.atomic
def transition(referral, to, by, reason="", note="", expected_version=None, request=None):
    """Move the referral to `to`: allowed by the state, by who `by` is, with a reason where one
    is needed. Raises StaleVersion when it changed since `expected_version`, IllegalTransition
    when the state does not allow it, PermissionDenied, or ValidationError."""
    if to not in Status.values:
        raise ValidationError({"to": _("Unknown status.")})
    note = (note or "").strip()
    reason = reason or ""
    locked = lock_for_edit(
        Referral.objects.select_related("service"), referral.pk, expected_version
    )
    current = locked.status
    if not states.allowed(current, to):
        raise IllegalTransition(locked, to)
    if not _may_make(by, locked, to):
        raise PermissionDenied
    reopening = states.is_reopening(current, to)
    errors = {}
    if reason and reason not in Reason.values:
        errors["reason"] = _("Please choose a reason from the list.")
    elif to in states.NEEDS_REASON and not reason:
        errors["reason"] = str(REASON_REQUIRED)
    elif to in states.NEEDS_REASON and reason not in states.REASONS_FOR[to]:
        # The page offers only these; the API must not record "turned down: family declined".
        errors["reason"] = _("This reason does not fit this change. Choose one of: %(fit)s.") % {
            "fit": ", ".join(str(Reason(r).label) for r in states.REASONS_FOR[to])
        }
    if reason == Reason.OTHER and not note:
        errors["note"] = _("Please say why in a few words.")
    if reopening and not note:
        errors["note"] = _("Please say why the referral is opened again.")
    if errors:
        raise ValidationError(errors)
    if to not in states.NEEDS_REASON:
        reason = ""  # the change form always offers the list; "accepted: no capacity" is noise
    now = timezone.now()
    locked.status = to
    locked.status_changed_at = now
    fields = ["status", "status_changed_at"]
    if to == Status.REQUESTED:
        locked.sent_at, locked.flagged_at, locked.escalated_at = now, None, None
        fields += ["sent_at", "flagged_at", "escalated_at"]
    if to in (Status.COMPLETED, Status.FAILED) and note:
        locked.outcome = note
        fields.append("outcome")
    locked.version += 1
    locked.save(update_fields=[*fields, "version"])
    event = ReferralEvent.objects.create(
        referral=locked, by=by, at=now, from_status=current, to_status=to, reason=reason, note=note
    )
    if to in (Status.REJECTED, Status.FAILED) and reason in states.UNMET_REASONS:
        # One unmet need per referral: turned down again after reopening is the same need.
        earlier = locked.events.filter(
            to_status__in=[Status.REJECTED, Status.FAILED], reason__in=states.UNMET_REASONS
        ).exclude(pk=event.pk)
        if not earlier.exists():
            _record_unmet(locked.family.county_id, locked.need_term_id, reason)
    record(
        by,
        "referral.reopen" if reopening else "referral.change",
        locked,
        family_id=locked.family_id,
        request=request,
        reason=reason,
        detail={"from": current, "to": to},
    )
    notifications.on_change(locked, event)
    return locked


def _record_unmet(county_id, need_term_id, barrier):
    return UnmetNeed.objects.create(county_id=county_id, need_term_id=need_term_id, barrier=barrier)


@transaction.atomic
def record_no_service_fits(
    user, family, *, need_term=None, barrier=UnmetNeed.Barrier.NO_SERVICE, request=None
):
    """The team looked and no service fits: the need is counted as unmet (no one named)."""
    policy.require(user, "refer_family", family)
    if barrier not in UnmetNeed.Barrier.values:
        raise ValidationError({"barrier": _("Please choose a reason from the list.")})
    unmet = _record_unmet(family.county_id, getattr(need_term, "pk", need_term), barrier)
    record(
        user,
        "referral.unmet_need",
        family,
        family_id=family.pk,
        request=request,
        detail={"barrier": barrier},
    )
    return unmet


@transaction.atomic
def answer_referral(user, referral, *, answer, note="", request=None):
    """The family says, in its own words, whether it got the help it needed."""
    policy.require(user, "answer_referral", referral)
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    if not locked.may_be_answered_by_family():
        raise ValidationError(
            {"answer": _("You can answer once the referral is finished or closed.")}
        )
    if answer not in Referral.Answer.values:
        raise ValidationError({"answer": _("Please choose yes, partly or no.")})
    locked.family_answer = answer
    locked.family_answer_note = (note or "").strip()[:2000]
    locked.family_answered_at = timezone.now()
    locked.version += 1
    locked.save(
        update_fields=["family_answer", "family_answer_note", "family_answered_at", "version"]
    )
    record(user, "referral.answer", locked, family_id=locked.family_id, request=request)
    return locked


def offered_changes(user, referral):
    """(status, label) of the changes this user may make to this referral now (the buttons),
    each named by what it does: reopening lands in "Sent, waiting for an answer"."""
    return [
        (
            to.value,
            states.REOPEN_LABEL
            if states.is_reopening(referral.status, to)
            else states.ACTION_LABELS[to],
        )
        for to in Status
        if states.allowed(referral.status, to) and _may_make(user, referral, to)
    ]


def offered_reasons(changes):
    """(reason, label) fitting the offered changes that need one, and the statuses needing one."""
    needing = [to for to, _label in changes if to in states.NEEDS_REASON]
    fitting = {reason for to in needing for reason in states.REASONS_FOR[to]}
    return [(r.value, r.label) for r in Reason if r in fitting], needing


def may_answer(user, referral):
    """The family may say whether it got help once the referral is closed."""
    return referral.may_be_answered_by_family() and policy.can(user, "answer_referral", referral)

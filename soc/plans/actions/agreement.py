"""Proposing a version, the family's agreement, and the professionals' acknowledgement."""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.teams.models import Membership
from soc.versioning import lock_for_content_edit

from .. import notifications, readiness
from ..models import Acknowledgement, Agreement, PlanVersion
from .base import refuse_null_characters


@transaction.atomic
def propose_plan(user, version, *, seen_version, request=None):
    """The facilitator asks the family to agree to the draft as it stands."""
    policy.require(user, "propose_plan", version)
    version = lock_for_content_edit(
        PlanVersion.objects.select_related("plan__family"), version.pk, seen_version
    )
    if not version.is_draft:
        raise ValidationError(_("Only a draft can be proposed."), code="not_draft")
    problems = readiness.proposal_problems(version)
    if problems:
        raise ValidationError(problems, code="not_ready")
    version.status = PlanVersion.Status.PROPOSED
    version.proposed_at = timezone.now()
    version.proposed_by = user
    version.save(update_fields=["status", "proposed_at", "proposed_by"])
    record(
        user,
        "plan.propose",
        version,
        family_id=version.family_id,
        request=request,
        detail={"number": version.number, "content_version": version.version},
    )
    notifications.plan_proposed(version)
    return version


def _same_name(typed, expected):
    def plain(text):
        text = unicodedata.normalize("NFKD", text or "")
        text = "".join(c for c in text if not unicodedata.combining(c))
        return " ".join(text.casefold().split())

    return plain(typed) == plain(expected)


def _put_in_effect(user, version, request):
    previous = version.plan.versions.in_effect().exclude(pk=version.pk)
    for old in previous.select_for_update():
        old.status = PlanVersion.Status.SUPERSEDED
        old.superseded_at = timezone.now()
        old.save(update_fields=["status", "superseded_at"])
    version.status = PlanVersion.Status.IN_EFFECT
    version.in_effect_at = timezone.now()
    version.save(update_fields=["status", "in_effect_at"])
    record(
        user,
        "plan.in_effect",
        version,
        family_id=version.family_id,
        request=request,
        detail={"number": version.number, "content_version": version.version},
    )
    notifications.plan_in_effect(version)


@transaction.atomic
def agree_to_plan(
    user, version, *, seen_version, agrees, typed_name, reason="", member=None, request=None
):
    """A caregiver (or youth from the plan's age) agrees or disagrees with the exact version
    they were shown (`seen_version`; 409 if it changed). With `member`, the facilitator
    records the answer of a family member without an account who signed in person."""
    if member is not None:
        return record_agreement(
            user,
            version,
            seen_version=seen_version,
            member=member,
            agrees=agrees,
            method=Agreement.Method.IN_PERSON,
            typed_name=typed_name,
            reason=reason,
            request=request,
        )
    policy.require(user, "agree_to_plan", version)
    member = policy.membership_for(user, version.family_id)
    return _answer(
        user,
        version,
        member,
        seen_version=seen_version,
        agrees=agrees,
        typed_name=typed_name,
        reason=reason,
        method=Agreement.Method.ONLINE,
        request=request,
    )


@transaction.atomic
def record_agreement(
    user, version, *, seen_version, member, agrees, method, reason="", typed_name="", request=None
):
    """The facilitator records, on their behalf, the answer a family member without an account
    gave in person, on paper or by phone. It shows as recorded by the facilitator."""
    policy.require(user, "record_agreement_on_behalf", version)
    if method not in Agreement.RECORDED_METHODS:
        raise ValidationError({"method": _("Please say how the answer was given.")})
    if member.has_account:
        raise ValidationError(
            {
                "member": _("%(name)s has an account and agrees in their own words.")
                % {"name": member.name}
            }
        )
    return _answer(
        user,
        version,
        member,
        seen_version=seen_version,
        agrees=agrees,
        typed_name=typed_name or member.name,
        reason=reason,
        method=method,
        request=request,
    )


def _answer(user, version, member, *, seen_version, agrees, typed_name, reason, method, request):
    version = lock_for_content_edit(
        PlanVersion.objects.select_related("plan__family"), version.pk, seen_version
    )
    if not version.is_proposed:
        raise ValidationError(
            _("This version is not waiting for the family's agreement."), code="not_proposed"
        )
    needed = {m.pk: m for m in readiness.who_must_agree(version)}
    if member is None or member.pk not in needed:
        if member is not None and member.role == Membership.Role.YOUTH:
            message = _("Youth agree to the plan from age %(age)d.") % {
                "age": version.plan.youth_agreement_age
            }
        else:
            message = _("Only the family's caregivers and youth agree to the plan.")
        raise ValidationError(message, code="not_asked")
    refuse_null_characters({"typed_name": typed_name, "reason": reason})
    errors = {}
    if not _same_name(typed_name, member.name):
        errors["typed_name"] = _("Please type the name as it appears on the team: %(name)s.") % {
            "name": member.name
        }
    if not agrees and not (reason or "").strip():
        errors["reason"] = _("Please tell the team what you do not agree with.")
    if errors:
        raise ValidationError(errors)
    agreement = Agreement.objects.create(
        version=version,
        content_version=version.version,
        membership=member,
        agrees=bool(agrees),
        reason=(reason or "").strip() if not agrees else "",
        typed_name=typed_name.strip(),
        method=method,
        user=user,
    )
    if method == Agreement.Method.ONLINE:
        action = "plan.agree" if agrees else "plan.disagree"
    else:
        action = "plan.record_agreement" if agrees else "plan.record_disagreement"
    record(
        user,
        action,
        version,
        family_id=version.family_id,
        request=request,
        detail={"content_version": version.version, "member": member.pk, "method": method},
    )
    if agrees and readiness.everyone_agreed(version):
        _put_in_effect(user, version, request)
    return agreement


@transaction.atomic
def acknowledge_plan(user, version, *, seen_version, request=None):
    """A professional says they have read this version and will do their part."""
    policy.require(user, "acknowledge_plan", version)
    version = lock_for_content_edit(PlanVersion.objects, version.pk, seen_version)
    if version.status not in (PlanVersion.Status.PROPOSED, PlanVersion.Status.IN_EFFECT):
        raise ValidationError(
            _("Only a proposed plan or the plan in effect can be acknowledged."),
            code="not_proposed",
        )
    member = policy.membership_for(user, version.family_id)
    acknowledgement, created = Acknowledgement.objects.get_or_create(
        version=version,
        membership=member,
        content_version=version.version,
        defaults={"user": user},
    )
    if created:
        record(
            user,
            "plan.acknowledge",
            version,
            family_id=version.family_id,
            request=request,
            detail={"content_version": version.version},
        )
    return acknowledgement

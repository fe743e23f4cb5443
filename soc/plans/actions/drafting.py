"""Starting a draft from the version in effect, and editing a draft's own fields."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.teams.models import NextStep
from soc.versioning import StaleVersion, lock_for_content_edit, save_new_version

from ..models import (
    CrisisPlan,
    Goal,
    Plan,
    PlanVersion,
    ProgressRating,
    StrategyStep,
)
from ..models.plan import default_review_date
from .base import lock_open_version, refuse_null_characters, touch

VERSION_FIELDS = ["vision", "mission", "start_date", "review_date"]
CRISIS_FIELDS = list(CrisisPlan.COPIED)


def _copy_parts(source, draft):
    """Copy every part (protected ones too, with their authors) into the new draft."""

    def copy(part, **extra):
        return type(part).objects.create(
            version=draft,
            family_id=part.family_id,
            category=part.category,
            author_id=part.author_id,
            key=part.key,
            **part.copy_values(),
            **extra,
        )

    for strength in source.strengths.all():
        copy(strength)
    needs = {need.pk: copy(need) for need in source.needs.all()}
    closing = set(
        ProgressRating.objects.filter(
            goal__version=source, decision=ProgressRating.Decision.CLOSE
        ).values_list("goal_id", flat=True)
    )
    for goal in source.goals.prefetch_related("needs", "strategies__step_links__next_step"):
        new_goal = copy(goal)
        if goal.pk in closing:  # the team decided at a meeting to close it
            new_goal.lifecycle_status = Goal.Lifecycle.COMPLETED
            new_goal.save(update_fields=["lifecycle_status"])
        new_goal.needs.set([needs[n.pk] for n in goal.needs.all() if n.pk in needs])
        for strategy in goal.strategies.all():
            new_strategy = copy(strategy, goal=new_goal)
            StrategyStep.objects.bulk_create(
                StrategyStep(strategy=new_strategy, next_step=link.next_step)
                for link in strategy.step_links.all()
                if link.next_step.status == NextStep.Status.OPEN
            )
    crisis = CrisisPlan.objects.filter(version=source).first()
    if crisis is not None:
        new_crisis = CrisisPlan.objects.create(
            version=draft,
            family_id=crisis.family_id,
            category=crisis.category,
            author_id=crisis.author_id,
            key=crisis.key,
            **crisis.copy_values(),
        )
        new_crisis.contacts.set(crisis.contacts.all())
        new_crisis.lines.set(crisis.lines.all())


@transaction.atomic
def start_draft(user, family, request=None):
    """The team's open draft: the one being worked on, or a new one copied from the version
    in effect (open next steps carry forward), or a first, empty one."""
    policy.require(user, "edit_plan", family)
    plan, created = Plan.objects.get_or_create(family=family, defaults={"started_by": user})
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    existing = plan.versions.open().first()
    if existing is not None:
        return existing
    current = plan.versions.in_effect().first()
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = PlanVersion.objects.create(
        plan=plan,
        family=family,
        number=number,
        author=user,
        based_on=current,
        vision=current.vision if current else "",
        mission=current.mission if current else "",
        start_date=timezone.localdate(),
        review_date=default_review_date(),
    )
    if current is not None:
        _copy_parts(current, draft)
    if created:
        record(user, "plan.start", plan, family_id=family.pk, request=request)
    record(
        user,
        "plan.start_draft",
        draft,
        family_id=family.pk,
        request=request,
        detail={"number": number, "based_on": current.number if current else None},
    )
    return draft


def _check_dates(version):
    errors = {}
    if version.start_date is None:
        errors["start_date"] = _("Please give the date the plan starts.")
    if version.review_date is None:
        errors["review_date"] = _("Please give a date to review the plan.")
    elif version.start_date and version.review_date <= version.start_date:
        errors["review_date"] = _("The review date must be after the plan starts.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def change_version(user, version, *, seen_version, changes, request=None):
    """The vision, mission and dates of a draft (409 if someone changed it since it was read)."""
    policy.require(user, "edit_plan", version)
    refuse_null_characters(changes)
    version = lock_open_version(version, seen_version)
    changed = []
    for field, value in changes.items():
        if field not in VERSION_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        value = value.strip() if isinstance(value, str) else value
        if getattr(version, field) != value:
            setattr(version, field, value)
            changed.append(field)
    if not changed:
        return version
    _check_dates(version)
    version.full_clean(exclude=["plan", "family", "author", "based_on", "proposed_by"])
    version.save(update_fields=changed)
    touch(version)
    record(
        user,
        "plan.change",
        version,
        family_id=version.family_id,
        request=request,
        detail={"fields": changed},
    )
    return version


@transaction.atomic
def save_crisis_plan(
    user,
    version,
    *,
    revision=None,
    changes,
    contacts=None,
    lines=None,
    category=None,
    request=None,
):
    """Write the draft's crisis and safety plan; `revision` is the one the editor read."""
    policy.require(user, "edit_plan", version)
    refuse_null_characters(changes)
    version = lock_open_version(version)
    crisis = CrisisPlan.objects.filter(version=version).first()
    if crisis is None:
        crisis = CrisisPlan(version=version, family_id=version.family_id, author=user)
    elif revision is not None and int(revision) != crisis.revision:
        raise StaleVersion(crisis)
    elif not policy.can_read_record(user, crisis):
        raise PermissionDenied
    for field, value in changes.items():
        if field not in CRISIS_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(crisis, field, (value or "").strip())
    if category is not None:
        crisis.category = category
    team = version.plan.family.team
    if contacts is not None and any(c.team_id != team.pk or not c.is_active for c in contacts):
        raise ValidationError({"contacts": _("Please choose people on the team.")})
    crisis.full_clean(exclude=["version", "family", "author"])
    if crisis.pk:
        crisis.revision += 1
    crisis.save()
    if contacts is not None:
        crisis.contacts.set(contacts)
    if lines is not None:
        crisis.lines.set(lines)
    touch(version)
    record(user, "plan.crisis_plan", crisis, family_id=version.family_id, request=request)
    return crisis


@transaction.atomic
def change_plan_settings(user, plan, *, seen_version, youth_agreement_age, request=None):
    policy.require(user, "change_plan_settings", plan)
    plan = lock_for_content_edit(Plan.objects, plan.pk, seen_version)
    if youth_agreement_age is None or not 10 <= int(youth_agreement_age) <= 18:
        raise ValidationError({"youth_agreement_age": _("Please give an age from 10 to 18.")})
    plan.youth_agreement_age = int(youth_agreement_age)
    save_new_version(plan, ["youth_agreement_age"])
    record(user, "plan.settings", plan, family_id=plan.family_id, request=request)
    return plan

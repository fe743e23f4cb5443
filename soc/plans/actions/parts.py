"""Adding, changing and removing the parts of a draft: strengths, needs, goals, strategies."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.consent.categories import DataCategory
from soc.teams import actions as team_actions
from soc.versioning import StaleVersion

from ..models import Goal, Need, Strategy, StrategyStep, Strength
from .base import (
    lock_open_version,
    refuse_if_agreed,
    refuse_null_characters,
    require_readable,
    touch,
)

PART_MODELS = {"strength": Strength, "need": Need, "goal": Goal, "strategy": Strategy}
# The fields each kind of part takes from a form or a request body (forms use these lists).
PART_FIELDS = {
    "strength": ["about", "description", "named_by", "category"],
    "need": ["rank", "description", "domain", "setting", "is_unmet", "barrier", "category"],
    "goal": [
        "description",
        "needs",
        "how_we_will_know",
        "target_date",
        "lifecycle_status",
        "achievement_status",
        "category",
    ],
    "strategy": [
        "goal",
        "description",
        "kind",
        "responsible",
        "start_date",
        "due_date",
        "status",
        "category",
    ],
}


def _clean_text(values, *names):
    refuse_null_characters(values)
    for name in names:
        if name in values and isinstance(values[name], str):
            values[name] = values[name].strip()


def _validate(part, version, needs=None):
    """The rules of each kind of part, with messages in the user's language."""
    errors = {}
    if not (part.description or "").strip():
        errors["description"] = {
            "strength": _("Please write the strength."),
            "need": _("Please write the need."),
            "goal": _("Please write the goal. An empty goal cannot be saved."),
            "strategy": _("Please say what will be done."),
        }[part._meta.model_name]
    if part.category not in DataCategory.values:
        errors["category"] = _("Please choose what kind of information this is.")
    if isinstance(part, Need):
        if part.is_unmet and not part.barrier:
            errors["barrier"] = _("Please say why no service can meet this need.")
        if not part.is_unmet:
            part.barrier = ""
    if isinstance(part, Goal):
        if not (part.how_we_will_know or "").strip():
            errors["how_we_will_know"] = _("Please say how the team will know the goal is reached.")
        if part.target_date and part.target_date < version.start_date:
            errors["target_date"] = _("The target date cannot be before the plan starts.")
        if needs and any(n.version_id != version.pk for n in needs):
            errors["needs"] = _("Please choose needs from this plan.")
    if isinstance(part, Strategy):
        goal = part.goal if part.goal_id else None
        if goal is None or goal.version_id != version.pk:
            errors["goal"] = _("Please choose a goal from this plan.")
        member = part.responsible if part.responsible_id else None
        team_id = version.plan.family.team.pk
        if member is None or member.team_id != team_id or not member.is_active:
            errors["responsible"] = _("Please choose someone who is on the team now.")
        elif (
            part.is_protected
            and not member.is_family
            and (member.user is None or not policy.can_read_record(member.user, part))
        ):
            errors["responsible"] = _(
                "%(name)s cannot see this kind of information. Choose someone else, or ask "
                "the family for consent to share it with them first."
            ) % {"name": member.name}
        if part.start_date and part.due_date and part.due_date < part.start_date:
            errors["due_date"] = _("The due date cannot be before the start date.")
    if errors:
        raise ValidationError(errors)
    part.full_clean(exclude=["version", "family", "author", "goal", "responsible", "key"])


@transaction.atomic
def add_part(user, version, kind, values, request=None):
    """Add a strength, need, goal or strategy to a draft; `values` uses PART_FIELDS[kind]."""
    policy.require(user, "edit_plan", version)
    version = lock_open_version(version)
    Model = PART_MODELS[kind]
    values = {k: v for k, v in values.items() if k in PART_FIELDS[kind]}
    _clean_text(values, "description", "named_by", "how_we_will_know")
    needs = values.pop("needs", None)
    values.setdefault("category", DataCategory.GENERAL)
    part = Model(version=version, family_id=version.family_id, author=user, **values)
    part.position = Model.objects.filter(version=version).count()
    _validate(part, version, needs)
    part.save()
    if needs is not None:
        part.needs.set(needs)
    touch(version)
    record(user, f"plan.{kind}_add", part, family_id=version.family_id, request=request)
    return part


@transaction.atomic
def change_part(user, part, *, revision, changes, request=None):
    """Change a part the user may read, on a draft; `revision` is the one they read (409)."""
    policy.require(user, "edit_plan", part)
    require_readable(user, part)
    version = lock_open_version(part.version)
    kind = part._meta.model_name
    part = type(part).objects.select_for_update().get(pk=part.pk)
    if revision is None or int(revision) != part.revision:
        raise StaleVersion(part)
    changes = dict(changes)
    _clean_text(changes, "description", "named_by", "how_we_will_know")
    needs = changes.pop("needs", None)
    changed = []
    for field, value in changes.items():
        if field not in PART_FIELDS[kind]:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if getattr(part, field) != value:
            setattr(part, field, value)
            changed.append(field)
    if needs is not None:
        changed.append("needs")
    if not changed:
        return part
    _validate(part, version, needs)
    part.revision += 1
    part.save()
    if needs is not None:
        part.needs.set(needs)
    touch(version)
    record(
        user,
        f"plan.{kind}_change",
        part,
        family_id=version.family_id,
        request=request,
        detail={"fields": changed},
    )
    return part


@transaction.atomic
def remove_part(user, part, *, revision, request=None):
    policy.require(user, "edit_plan", part)
    require_readable(user, part)
    version = lock_open_version(part.version)
    kind = part._meta.model_name
    if revision is None or int(revision) != type(part).objects.get(pk=part.pk).revision:
        raise StaleVersion(part)
    if isinstance(part, Goal) and part.ratings.exists():
        raise ValidationError(
            _("This goal has progress noted at meetings. Mark it cancelled instead."),
            code="has_ratings",
        )
    pk = part.pk
    part.delete()
    touch(version)
    record(
        user,
        f"plan.{kind}_remove",
        (part._meta.label_lower, str(pk)),
        family_id=version.family_id,
        request=request,
    )


@transaction.atomic
def add_strategy_step(user, strategy, *, description, responsible, due_date, request=None):
    """An action step for a strategy: a team next step (its own record, audited by teams),
    linked here. Steps are outside a version's agreed content, so a strategy in effect
    can get new steps; open ones carry forward into the next draft."""
    require_readable(user, strategy)
    if strategy.version.status == strategy.version.Status.SUPERSEDED:
        refuse_if_agreed(strategy.version)
    team = strategy.version.plan.family.team
    step = team_actions.add_next_step(
        user,
        team,
        description=description,
        responsible=responsible,
        due_date=due_date,
        category=strategy.category,
        request=request,
    )
    StrategyStep.objects.create(strategy=strategy, next_step=step)
    record(
        user,
        "plan.step_link",
        strategy,
        family_id=team.family_id,
        request=request,
        detail={"next_step": step.pk},
    )
    return step

"""Editing a draft: its vision, mission and dates, its parts, the crisis plan; proposing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.consent.doors import family_for, record_view, require
from soc.form_pages import submit
from soc.versioning import StaleVersion

from .. import actions
from ..forms import (
    PART_FORMS,
    CrisisForm,
    ProposeForm,
    RemoveForm,
    SettingsForm,
    StepForm,
    VersionForm,
)
from ..models import CrisisPlan, Goal, Need, Strategy
from .base import family_and_version, kind_or_404, plan_of

TITLES = {
    "strength": (_("Add a strength"), _("Change a strength")),
    "need": (_("Add a need"), _("Change a need")),
    "goal": (_("Add a goal"), _("Change a goal")),
    "strategy": (_("Add a strategy"), _("Change a strategy")),
}


def _refused(request, family, version):
    """A version in effect never changes: say so and offer a new draft (409)."""
    context = {"family": family, "version": version}
    return render(request, "plans/agreed_cannot_change.html", context, status=409)


def _back(family, version):
    return reverse("plan_version", args=[family.pk, version.pk])


@login_required
@require_POST
def plan_start(request, family_id):
    """Start the plan, or a new draft of it copied from the version in effect."""
    family = family_for(request, family_id, "edit_plan")
    draft = actions.start_draft(request.user, family, request=request)
    messages.success(request, _("You are working on a draft. The family will be asked to agree."))
    return redirect(_back(family, draft))


@login_required
def plan_edit(request, family_id, version_id):
    family, version = family_and_version(request, family_id, version_id, "edit_plan")
    if not version.is_editable:
        return _refused(request, family, version)
    form = VersionForm(request.POST or None, instance=version, initial={"version": version.version})
    return submit(
        request,
        "plans/edit_version.html",
        {"family": family, "version": version},
        form,
        lambda data: actions.change_version(
            request.user,
            version,
            seen_version=data["version"],
            changes={k: data[k] for k in actions.VERSION_FIELDS},
            request=request,
        ),
        success=_("Saved."),
        done=_back(family, version),
    )


def _form_for(kind, request, user, family, version, instance=None):
    Form = PART_FORMS[kind]
    kwargs = {}
    if kind == "goal":
        kwargs["needs"] = list(Need.objects.visible_to(user, family=family).filter(version=version))
    if kind == "strategy":
        kwargs["goals"] = list(Goal.objects.visible_to(user, family=family).filter(version=version))
        kwargs["members"] = list(family.team.memberships.active())
    initial = {}
    if instance is None and kind == "strategy" and request.GET.get("goal"):
        initial["goal"] = request.GET.get("goal")
    return Form(request.POST or None, instance=instance, initial=initial, **kwargs)


@login_required
def plan_part_add(request, family_id, version_id, kind):
    kind_or_404(kind)
    family, version = family_and_version(request, family_id, version_id, "edit_plan", audit=False)
    if not version.is_editable:
        return _refused(request, family, version)
    form = _form_for(kind, request, request.user, family, version)
    if request.method == "GET":
        record_view(request, "plan.part_form", version, family.pk)
    return submit(
        request,
        "plans/edit_part.html",
        {"family": family, "version": version, "kind": kind, "title": TITLES[kind][0]},
        form,
        lambda data: actions.add_part(request.user, version, kind, form.values(), request=request),
        success=_("Added to the draft."),
        done=_back(family, version),
    )


def _part(request, family, version, kind, part_id):
    Model = kind_or_404(kind)
    return get_object_or_404(
        Model.objects.visible_to(request.user, family=family).filter(version=version),
        pk=part_id,
    )


@login_required
def plan_part_edit(request, family_id, version_id, kind, part_id):
    family, version = family_and_version(request, family_id, version_id, audit=False)
    part = _part(request, family, version, kind, part_id)
    require(request, family, "edit_plan")
    if not version.is_editable:
        return _refused(request, family, version)
    if request.method == "GET":
        record_view(request, "plan.part_view", part, family.pk)
    form = _form_for(kind, request, request.user, family, version, instance=part)
    context = {
        "family": family,
        "version": version,
        "kind": kind,
        "part": part,
        "title": TITLES[kind][1],
        "remove_form": RemoveForm(initial={"revision": part.revision}),
        "reload_url": request.path,
    }
    return submit(
        request,
        "plans/edit_part.html",
        context,
        form,
        lambda data: actions.change_part(
            request.user,
            part,
            revision=data["revision"],
            changes=form.values(),
            request=request,
        ),
        success=_("Saved."),
        done=_back(family, version),
    )


@login_required
@require_POST
def plan_part_remove(request, family_id, version_id, kind, part_id):
    family, version = family_and_version(request, family_id, version_id)
    part = _part(request, family, version, kind, part_id)
    require(request, family, "edit_plan")
    form = RemoveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Please reload the page and try again."))
        actions.remove_part(
            request.user, part, revision=form.cleaned_data["revision"], request=request
        )
    except StaleVersion as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed from the draft."))
    return redirect(_back(family, version))


@login_required
def plan_crisis_edit(request, family_id, version_id):
    family, version = family_and_version(request, family_id, version_id, "edit_plan")
    if not version.is_editable:
        return _refused(request, family, version)
    crisis = (
        CrisisPlan.objects.visible_to(request.user, family=family).filter(version=version).first()
    )
    if crisis is None and CrisisPlan.objects.filter(version=version).exists():
        return render(
            request, "plans/protected_part.html", {"family": family, "version": version}, status=403
        )
    form = CrisisForm(
        request.POST or None,
        instance=crisis,
        members=list(family.team.memberships.active()),
        county_id=family.county_id,
    )
    return submit(
        request,
        "plans/edit_crisis.html",
        {"family": family, "version": version, "reload_url": request.path},
        form,
        lambda data: actions.save_crisis_plan(
            request.user,
            version,
            revision=data.get("revision"),
            changes={k: data[k] for k in actions.CRISIS_FIELDS},
            contacts=list(data["contacts"]),
            lines=list(data["lines"]),
            category=data["category"],
            request=request,
        ),
        success=_("The crisis and safety plan was saved."),
        done=_back(family, version) + "#crisis",
    )


@login_required
@require_POST
def plan_propose(request, family_id, version_id):
    family, version = family_and_version(request, family_id, version_id, "propose_plan")
    form = ProposeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Please reload the page and try again."))
        actions.propose_plan(
            request.user, version, seen_version=form.cleaned_data["version"], request=request
        )
    except StaleVersion as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The plan was sent to the family. Each caregiver (and youth) is asked to agree."),
        )
    return redirect(_back(family, version))


@login_required
def plan_settings(request, family_id):
    family = family_for(request, family_id, "change_plan_settings")
    plan = plan_of(family)
    if plan is None:
        return redirect("plan", family.pk)
    form = SettingsForm(
        request.POST or None,
        initial={"version": plan.version, "youth_agreement_age": plan.youth_agreement_age},
    )
    return submit(
        request,
        "plans/settings.html",
        {"family": family, "plan": plan},
        form,
        lambda data: actions.change_plan_settings(
            request.user,
            plan,
            seen_version=data["version"],
            youth_agreement_age=data["youth_agreement_age"],
            request=request,
        ),
        success=_("Saved."),
        done=reverse("plan", args=[family.pk]),
    )


@login_required
@require_POST
def plan_strategy_step(request, family_id, part_id):
    """Add an action step (a team next step) to a strategy."""
    family = family_for(request, family_id)
    strategy = get_object_or_404(
        Strategy.objects.visible_to(request.user, family=family).select_related("version__plan"),
        pk=part_id,
    )
    require(request, family, "add_next_step")
    form = StepForm(
        request.POST, prefix=f"s{strategy.pk}", members=list(family.team.memberships.active())
    )
    if form.is_valid():
        try:
            actions.add_strategy_step(request.user, strategy, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The step was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(_back(family, strategy.version) + f"#strategy-{strategy.pk}")

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.consent import policy
from soc.consent.doors import family_for
from soc.form_pages import run_and_return
from soc.versioning import StaleVersion

from .. import actions
from ..forms import (
    NextStepForm,
    NextStepStatusForm,
)
from ..models import Meeting, NextStep


@login_required
@require_POST
def next_step_add(request, family_id):
    family = family_for(request, family_id, "add_next_step")
    form = NextStepForm(request.POST, team=family.team)
    meeting_id = request.POST.get("meeting")
    meeting = get_object_or_404(Meeting, pk=meeting_id, family=family) if meeting_id else None
    back = (
        reverse("meeting", args=[family.pk, meeting.pk]) if meeting else family.get_absolute_url()
    )
    if form.is_valid():
        try:
            actions.add_next_step(
                request.user, family.team, meeting=meeting, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The next step was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(back)


@login_required
@require_POST
def next_step_update(request, family_id, step_id):
    """Mark a next step done, or undo that (status back to open): a whole page for plain
    forms, just the item for htmx. From My tasks, the item keeps its family's name and the
    plain form returns there."""
    family = family_for(request, family_id)
    step = get_object_or_404(
        NextStep.objects.visible_to(request.user, family=family).select_related(
            "team", "responsible"
        ),
        pk=step_id,
    )
    if not policy.can(request.user, "update_next_step", step):
        raise PermissionDenied
    from_my_tasks = request.POST.get("shown_in") == "my_tasks"
    back = reverse("my_tasks") if from_my_tasks else family.get_absolute_url()
    form = NextStepStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a status."))
        return redirect(back)
    status = form.cleaned_data["status"]
    change = lambda: actions.update_next_step(  # noqa: E731
        request.user,
        step,
        version=form.cleaned_data["version"],
        changes={"status": status},
        request=request,
    )
    if not request.htmx:
        done = _("Marked as done.") if status == NextStep.Status.DONE else _("Saved.")
        return run_and_return(request, back, change, done)
    problem = None
    try:
        step = change()
    except StaleVersion as conflict:
        problem = conflict.message
    except ValidationError as error:
        problem = " ".join(error.messages)
    if problem:
        step.refresh_from_db()
    step.can_update = policy.can(request.user, "update_next_step", step)
    context = {"step": step, "family": family, "problem": problem, "show_family": from_my_tasks}
    return render(request, "teams/_next_step.html", context)

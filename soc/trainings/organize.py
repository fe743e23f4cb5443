"""Organizers' pages: offer and change a training, its co-facilitators, who registered and who
came. Registrants' details are for organizers only: everyone else gets 404, and each look is
recorded in the audit log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.accounts.models import Organization
from soc.audit.log import record
from soc.collaboratives.models import Collaborative
from soc.form_pages import submit

from . import actions, rules
from .forms import AttendanceForm, CoFacilitatorForm, TrainingForm
from .models import Registration, Training


def organized_or_404(request, training_id):
    """A training the user organizes; 404 for anyone else (they may not learn who registered)."""
    training = get_object_or_404(
        Training.objects.select_related("collaborative", "organization", "county"),
        pk=training_id,
    )
    if not rules.can(request.user, "organize_training", training):
        raise Http404
    if request.method == "GET":
        record(request.user, f"{request.resolver_match.url_name}.view", training, request=request)
    return training


def _offer(request, host):
    if not rules.can(request.user, "offer_training", host):
        raise PermissionDenied
    if request.method == "GET":
        record(request.user, "training_new.view", request=request)
    form = TrainingForm(request.POST or None)
    return submit(
        request,
        "trainings/form.html",
        {"title": _("Offer a training or event"), "host": host},
        form,
        lambda data: actions.create_training(
            request.user, host, request=request, **_without_version(data)
        ),
        success=_("The training is saved."),
        done=lambda training: training.get_absolute_url(),
    )


def _without_version(data):
    return {k: v for k, v in data.items() if k != "version"}


@login_required
def training_new_for_body(request, slug):
    return _offer(request, get_object_or_404(Collaborative, slug=slug))


@login_required
def training_new_for_organization(request, organization_id):
    host = get_object_or_404(
        Organization, pk=organization_id, kind=Organization.Kind.FAMILY_ORGANIZATION
    )
    return _offer(request, host)


@login_required
def training_edit(request, training_id):
    training = organized_or_404(request, training_id)
    form = TrainingForm(request.POST or None, instance=training)
    return submit(
        request,
        "trainings/form.html",
        {"title": _("Change the training"), "host": training.host, "training": training},
        form,
        lambda data: actions.change_training(
            request.user,
            training,
            version=data.get("version"),
            request=request,
            **_without_version(data),
        ),
        success=_("Saved."),
        done=lambda saved: saved.get_absolute_url(),
    )


@login_required
def training_cofacilitator(request, training_id):
    training = organized_or_404(request, training_id)
    form = CoFacilitatorForm(request.POST or None)

    def add(data):
        user = data.pop("account_email")
        return actions.add_cofacilitator(request.user, training, user=user, request=request, **data)

    return submit(
        request,
        "trainings/form.html",
        {"title": _("Add a co-facilitator"), "host": training.host, "training": training},
        form,
        add,
        success=_("The co-facilitator is added."),
        done=training.get_absolute_url(),
    )


@login_required
@require_POST
def training_cofacilitator_remove(request, training_id, person_id):
    training = organized_or_404(request, training_id)
    person = get_object_or_404(training.facilitators, pk=person_id)
    actions.remove_cofacilitator(request.user, person, request=request)
    messages.success(request, _("The co-facilitator is taken off."))
    return redirect(training)


def _registrants(training):
    return list(training.registrations.filter(status__in=Registration.ACTIVE))


@login_required
def training_registrants(request, training_id):
    """Who registered, with what they need: organizers only, each look recorded."""
    training = organized_or_404(request, training_id)
    registrants = _registrants(training)
    context = {
        "training": training,
        "registered": [r for r in registrants if r.status == Registration.Status.REGISTERED],
        "waitlisted": [r for r in registrants if r.status == Registration.Status.WAITLISTED],
    }
    return render(request, "trainings/registrants.html", context)


@login_required
def training_attendance(request, training_id):
    """Tick who came; the training is then marked held."""
    training = organized_or_404(request, training_id)
    form = AttendanceForm(request.POST or None, registrations=_registrants(training))
    return submit(
        request,
        "trainings/form.html",
        {"title": _("Who came"), "host": training.host, "training": training},
        form,
        lambda data: actions.record_attendance(
            request.user, training, attended=data["attended"], request=request
        ),
        success=_("Attendance is saved."),
        done=training.get_absolute_url(),
    )

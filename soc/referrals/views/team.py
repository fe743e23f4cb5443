"""The team's referral pages: find a service, the capacity check, what to share, send; follow up."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.consent import policy
from soc.consent.doors import family_for, record_view
from soc.directory.models import Service, TaxonomyTerm
from soc.directory.search import search_services
from soc.form_pages import submit
from soc.plans.models import Strategy
from soc.versioning import StaleVersion

from .. import actions, queries, states
from ..forms import AnswerForm, FindServiceForm, NoServiceFitsForm, ShareForm, TransitionForm
from ..states import Reason


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _strategy(request, family):
    strategy_id = request.GET.get("strategy") or request.POST.get("strategy")
    if not strategy_id or not str(strategy_id).isdigit():
        return None
    return Strategy.objects.visible_to(request.user, family=family).filter(pk=strategy_id).first()


@login_required
def referral_new(request, family_id):
    """Choose a service: the directory's search when words are given, else the services for the
    need and county by name."""
    family = family_for(request, family_id, "refer_family")
    strategy = _strategy(request, family)
    asked = {"need", "county", "words"} & set(request.GET)
    data = request.GET if asked else None
    form = FindServiceForm(data, initial={"county": family.county_id})
    need_id = county_id = None
    words = ""
    if form.is_valid():
        need_id = getattr(form.cleaned_data["need"], "pk", None)
        county_id = getattr(form.cleaned_data["county"], "pk", None)
        words = form.cleaned_data["words"].strip()
    elif data is None:
        county_id = family.county_id
    if words:
        found = search_services(words, county=county_id, need=need_id, per_page=25)
        services = list(found.object_list)
        prefetch_related_objects(services, "capacities")
    else:
        services = list(queries.services_for(need_id, county_id)[:50])
    for service in services:
        service.check = queries.capacity_check(service)
    context = {
        "family": family,
        "strategy": strategy,
        "form": form,
        "services": services,
        "need_id": need_id or "",
        "no_fit_form": NoServiceFitsForm(initial={"need": need_id}),
    }
    return render(request, "referrals/new.html", context)


def _initial_share(family, need_term):
    """What the form starts with, for the family to check: codes, never words in one language."""
    caregiver = family.people.filter(role="caregiver").order_by("id").first()
    return {
        "person_name": f"{caregiver.first_name} {caregiver.last_name}".strip() if caregiver else "",
        "phone": caregiver.phone if caregiver else "",
        "email": caregiver.email if caregiver else "",
        "language": family.primary_language,
        "interpreter_needed": family.interpreter_needed,
        "need_term": need_term,
        "contact_by": "phone",
    }


@login_required
def referral_share(request, family_id, service_id):
    """The capacity check (nothing about the family is sent), then what the family shares."""
    family = family_for(request, family_id, "refer_family")
    service = get_object_or_404(Service.objects.select_related("organization"), pk=service_id)
    strategy = _strategy(request, family)
    need_id = request.GET.get("need")
    need_term = TaxonomyTerm.objects.filter(pk=need_id).first() if _is_uuid(need_id) else None
    form = ShareForm(
        request.POST if request.method == "POST" else None,
        initial=_initial_share(family, need_term),
    )
    context = {
        "family": family,
        "check": queries.capacity_check(service),
        "strategy": strategy,
    }

    def act(data):
        shared = {k: data[k] for k in actions.SHARED_FIELDS}
        return actions.create_referral(
            request.user,
            family,
            service=service,
            need=data["referral_need"],
            need_term=data["need_term"],
            strategy=strategy,
            category=data["category"],
            shared=shared,
            send=data["send"],
            note=data["note"],
            request=request,
        )

    def errors(form, error):
        for field, found in getattr(error, "message_dict", {"": error.messages}).items():
            name = field.removeprefix("shared.")
            name = "need_term" if name == "need" and field == "need" else name
            form.add_error(name if name in form.fields else None, found)

    return submit(
        request,
        "referrals/share.html",
        context,
        form,
        act,
        success=_("The referral is saved."),
        done=lambda referral: referral.get_absolute_url(),
        errors=errors,
    )


@login_required
@require_POST
def referral_no_fit(request, family_id):
    """No service fits: count the need as unmet (need, county, barrier, date; nobody named)."""
    family = family_for(request, family_id, "refer_family")
    form = NoServiceFitsForm(request.POST)
    if form.is_valid():
        actions.record_no_service_fits(
            request.user,
            family,
            need_term=form.cleaned_data["need"],
            barrier=form.cleaned_data["barrier"],
            request=request,
        )
        messages.success(request, _("Thank you: the need is counted for the community."))
    else:
        messages.error(request, _("Please choose why nothing fits."))
    return redirect("family", family.pk)


def _referral_or_404(request, family, referral_id):
    referral = queries.team_referral(request.user, family, referral_id)
    if referral is None:
        raise Http404
    return referral


@login_required
def referral(request, family_id, referral_id):
    """One referral for the team: where it stands, its history, and what the family says."""
    family = family_for(request, family_id, audit=False)
    referral = _referral_or_404(request, family, referral_id)
    record_view(request, "referral.view", referral, family.pk)
    queries.notices_seen(request.user, referral)
    context = {
        "family": family,
        "referral": referral,
        **change_choices(request.user, referral),
        "may_answer": actions.may_answer(request.user, referral),
        "answer_form": AnswerForm(
            initial={"answer": referral.family_answer, "note": referral.family_answer_note}
        ),
    }
    return render(request, "referrals/referral.html", context)


def change_choices(user, referral):
    """What the change form offers this user: the changes the rules allow, the reasons that
    fit them, and which changes need one (the reason list shows only for those)."""
    changes = actions.offered_changes(user, referral)
    reasons, needing_reason = actions.offered_reasons(changes)
    reopening = any(states.is_reopening(referral.status, to) for to, _label in changes)
    return {
        "changes": changes,
        "reasons": reasons,
        "needing_reason": "|".join(needing_reason),
        "note_needed_to_reopen": reopening,
        "note_needed_for_other": Reason.OTHER in dict(reasons),
        "form": TransitionForm(initial={"version": referral.version}),
    }


def change_from_form(request, referral, done):
    """Run a status change from a posted TransitionForm; a refusal comes back as a message."""
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please reload the page and try again."))
        return redirect(done)
    data = form.cleaned_data
    try:
        actions.transition(
            referral,
            data["to"],
            request.user,
            reason=data["reason"],
            note=data["note"],
            expected_version=data["version"],
            request=request,
        )
    except StaleVersion as conflict:
        messages.error(request, conflict.message)
    except actions.IllegalTransition as refused:
        messages.error(request, str(refused))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The referral is updated."))
    return redirect(done)


@login_required
@require_POST
def referral_change(request, family_id, referral_id):
    family = family_for(request, family_id)
    referral = _referral_or_404(request, family, referral_id)
    return change_from_form(request, referral, referral.get_absolute_url())


@login_required
@require_POST
def referral_answer(request, family_id, referral_id):
    """The family's answer: did you get the help you needed?"""
    family = family_for(request, family_id)
    referral = _referral_or_404(request, family, referral_id)  # 404 before 403: ids stay secret
    policy.require(request.user, "answer_referral", referral)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            actions.answer_referral(
                request.user,
                referral,
                answer=form.cleaned_data["answer"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for telling us."))
    else:
        messages.error(request, _("Please choose yes, partly or no."))
    return redirect(referral.get_absolute_url())

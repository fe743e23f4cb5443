"""The family agrees (or not) to the exact version it reads; professionals acknowledge it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.consent import policy
from soc.consent.doors import record_view
from soc.uswds import add_action_errors
from soc.versioning import StaleVersion

from .. import actions, queries
from ..forms import AcknowledgeForm, AgreeForm, RecordAgreementForm
from .base import family_and_version


@login_required
def plan_agree(request, family_id, version_id):
    family, version = family_and_version(
        request, family_id, version_id, "agree_to_plan", audit=False
    )
    me = policy.membership_for(request.user, family.pk)
    form = AgreeForm(request.POST or None, initial={"version": version.version, "answer": ""})
    conflict = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = actions.agree_to_plan(
                request.user,
                version,
                seen_version=data["version"],
                agrees=data["answer"] == "agree",
                typed_name=data["typed_name"],
                reason=data["reason"],
                request=request,
            )
        except StaleVersion as stale:
            conflict, status = stale, 409
            version.refresh_from_db()
            form = AgreeForm(initial={"version": version.version})
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            version.refresh_from_db()
            if not agreement.agrees:
                note = _("Thank you. The team will talk with you about what to change.")
            elif version.is_in_effect:
                note = _("Thank you. Everyone agreed: this plan is now in effect.")
            else:
                note = _(
                    "Thank you for agreeing. The plan starts when everyone in the family agrees."
                )
            messages.success(request, note)
            return redirect(reverse("plan_version", args=[family.pk, version.pk]))
    record_view(request, "plan.agree_page", version, family.pk)
    shown = queries.shown_to(request, family, version)
    status_ = queries.agreement_status(version)
    asked = me is not None and any(m.pk == me.pk for m in status_.needed)
    context = {
        "family": family,
        "version": version,
        "contents": shown,
        "form": form,
        "conflict": conflict,
        "asked": asked and version.is_proposed,
        "member": me,
        "status": status_,
        "reload_url": request.path,
    }
    return render(request, "plans/agree.html", context, status=status)


@login_required
@require_POST
def plan_acknowledge(request, family_id, version_id):
    family, version = family_and_version(request, family_id, version_id, "acknowledge_plan")
    form = AcknowledgeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Please reload the page and try again."))
        actions.acknowledge_plan(
            request.user, version, seen_version=form.cleaned_data["version"], request=request
        )
    except StaleVersion as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you. The team knows you have read the plan."))
    return redirect(reverse("plan_version", args=[family.pk, version.pk]))


@login_required
def plan_record_agreement(request, family_id, version_id):
    """The facilitator records an answer a family member gave in person, on paper or by phone."""
    family, version = family_and_version(
        request, family_id, version_id, "record_agreement_on_behalf"
    )
    status_ = queries.agreement_status(version)
    members = [m for m in status_.needed if not m.has_account]
    form = RecordAgreementForm(
        request.POST or None, members=members, initial={"version": version.version}
    )
    conflict = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = actions.record_agreement(
                request.user,
                version,
                seen_version=data["version"],
                member=data["member"],
                agrees=data["answer"] == "agree",
                method=data["method"],
                reason=data["reason"],
                request=request,
            )
        except StaleVersion as stale:
            conflict, status = stale, 409
            version.refresh_from_db()
            form = RecordAgreementForm(members=members, initial={"version": version.version})
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            version.refresh_from_db()
            name = agreement.membership.name
            if version.is_in_effect:
                note = _("%(name)s's answer is recorded. Everyone agreed: the plan is in effect.")
            else:
                note = _("%(name)s's answer is recorded.")
            messages.success(request, note % {"name": name})
            return redirect(reverse("plan_version", args=[family.pk, version.pk]))
    context = {
        "family": family,
        "version": version,
        "form": form,
        "conflict": conflict,
        "members": members,
        "own_accounts": [m for m in status_.needed if m.has_account],
        "status": status_,
    }
    return render(request, "plans/record_agreement.html", context, status=status)

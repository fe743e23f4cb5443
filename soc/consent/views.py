from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc import uswds
from soc.audit.log import record
from soc.consent.doors import family_for

from . import actions, pdf, policy
from .disclosures import PART2_NOTICE
from .forms import ConsentForm, EmergencyForm


@login_required
def consents(request, family_id):
    """Sharing: what the family agreed to share, with whom, and until when."""
    family = family_for(request, family_id, "see_consents", audit="consent.list")
    rows = list(
        family.consents.select_related("granted_by", "recipient_organization", "recipient_user")
    )
    can_give = family.can(request.user, "give_or_record_consent")
    return render(
        request, "consent/consents.html", {"family": family, "consents": rows, "can_give": can_give}
    )


@login_required
def consent_new(request, family_id):
    family = family_for(request, family_id)
    if not family.can(request.user, "give_or_record_consent"):
        raise PermissionDenied
    form = ConsentForm(request.POST or None, family=family)
    if request.method == "POST" and form.is_valid():
        try:
            consent = actions.give_consent(
                request.user, family, form.fields_for_action(), request=request
            )
        except ValidationError as error:
            uswds.add_action_errors(form, error)
        else:
            messages.success(request, _("The consent was saved. You can take it back at any time."))
            return redirect("consent", family.pk, consent.pk)
    return render(request, "consent/consent_form.html", {"form": form, "family": family})


def _consent(request, family_id, consent_id, audit):
    family = family_for(request, family_id, "see_consents", audit=False)
    consent = get_object_or_404(
        family.consents.select_related(
            "granted_by", "recipient_organization", "recipient_user", "recorded_by"
        ),
        pk=consent_id,
    )
    record(request.user, audit, consent, family_id=family.pk, request=request)
    return family, consent


@login_required
def consent_detail(request, family_id, consent_id):
    family, consent = _consent(request, family_id, consent_id, "consent.view")
    can_revoke = policy.can(request.user, "revoke_consent", consent)
    return render(
        request,
        "consent/consent.html",
        {
            "family": family,
            "consent": consent,
            "can_revoke": can_revoke and not consent.is_revoked,
            "part2_notice": PART2_NOTICE,
        },
    )


@login_required
@require_POST
def consent_revoke(request, family_id, consent_id):
    family = family_for(request, family_id)
    consent = get_object_or_404(family.consents, pk=consent_id)
    try:
        actions.revoke_consent(request.user, consent, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consent was taken back. It stopped working right away."))
    return redirect("consent", family.pk, consent.pk)


@login_required
def consent_pdf(request, family_id, consent_id):
    """The consent as a PDF, in the family's language."""
    family, consent = _consent(request, family_id, consent_id, "consent.pdf")
    language = family.primary_language if family.primary_language in ("en", "es") else "en"
    with translation.override(language):
        content = pdf.consent_pdf(consent)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="consent-{consent.pk}.pdf"'
    return response


@login_required
def emergency_open(request, family_id):
    """Break-glass. Only staff allowed to use it even learn that the page exists."""
    Family = apps.get_model("families", "Family")
    family = Family.objects.open().filter(pk=family_id).select_related("county").first()
    if family is not None and family.pk in policy.emergency_families(request.user):
        return redirect(family)  # already open: one grant at a time
    if family is None or not policy.can(request.user, "open_in_emergency", family):
        raise Http404
    if request.method == "GET":  # even considering it is on the record
        record(request.user, "emergency.form", family, family_id=family.pk, request=request)
    form = EmergencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = form.fields_for_action()
        try:
            grant = actions.open_in_emergency(
                request.user, family, fields["reason"], request=request, medical=fields["medical"]
            )
        except ValidationError as error:
            uswds.add_action_errors(form, error)
        else:
            if grant.opens_substance_use_records:
                told = _(
                    "Emergency access is open for 24 hours, substance use records included. "
                    "The family and facilitator were told."
                )
            else:
                told = _(
                    "Emergency access is open for 24 hours. Substance use records stay closed. "
                    "The family and facilitator were told."
                )
            messages.warning(request, told)
            return redirect(family)
    return render(request, "consent/emergency.html", {"form": form, "family_id": family_id})

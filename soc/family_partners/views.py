"""The family partner's inbox: requests for the counties their organization serves. A request
routed elsewhere answers 404, as one that does not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.consent import policy
from soc.consent.doors import refuse
from soc.paging import Paginator
from soc.teams.views.opening import intake_page
from soc.versioning import StaleVersion

from . import actions, queries
from .forms import CloseForm, ConsentForm, ContactAttemptForm, FindFamilyForm, LinkForm, VersionForm
from .models import FamilyRequest

ACTIONS = ("claim_family_request", "work_on_family_request")


@login_required
def inbox(request):
    status = request.GET.get("status", "")
    status = status if status in FamilyRequest.Status.values else ""
    page = Paginator(queries.inbox(request.user, status), 25).get_page(request.GET.get("page"))
    record(request.user, "family_request_inbox.view", request=request)
    context = {"page": page, "status": status, "statuses": FamilyRequest.Status.choices}
    return render(request, "family_partners/inbox.html", context)


def _request_or_404(request, request_id):
    found = queries.family_request(request.user, request_id)
    if found is None:
        refuse(request.user, request, "family_partners.familyrequest", request_id)
    return found


def _page(request, found, status=200, **forms):
    context = {
        "r": found,
        "can": policy.flags(request.user, found, ACTIONS),
        "claim_form": VersionForm(initial={"version": found.version}),
        "contact_form": ContactAttemptForm(),
        "close_form": CloseForm(initial={"version": found.version}),
        "consent_form": ConsentForm(initial={"version": found.version}),
        "find_form": FindFamilyForm(),
        **forms,
    }
    return render(request, "family_partners/request.html", context, status=status)


@login_required
def family_request(request, request_id):
    found = _request_or_404(request, request_id)
    # Every read of the family's details is audited; once linked, the family sees it.
    record(request.user, "family_request.view", found, family_id=found.family_id, request=request)
    queries.notices_seen(request.user, found)
    return _page(request, found)


def _run(request, found, act, success):
    try:
        act()
    except StaleVersion as conflict:
        fresh = queries.family_request(request.user, found.pk)
        return _page(request, fresh, status=409, conflict=conflict)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("family_request", request_id=found.pk)


def _version(request):
    form = VersionForm(request.POST)
    return form.cleaned_data["version"] if form.is_valid() else None


@login_required
@require_POST
def claim(request, request_id):
    found = _request_or_404(request, request_id)
    version = _version(request)
    return _run(
        request,
        found,
        lambda: actions.claim(request.user, found, version=version, request=request),
        _("You claimed this request. Please contact the family soon."),
    )


def _with_form(request, found, form_class, name, act, success):
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check what you entered."))
        return _page(request, found, status=400, **{name: form})
    return _run(request, found, lambda: act(form.cleaned_data), success)


@login_required
@require_POST
def contact(request, request_id):
    found = _request_or_404(request, request_id)

    def act(data):
        actions.add_contact_attempt(request.user, found, request=request, **data)

    return _with_form(request, found, ContactAttemptForm, "contact_form", act, _("Saved."))


@login_required
@require_POST
def close(request, request_id):
    found = _request_or_404(request, request_id)

    def act(data):
        actions.close(request.user, found, request=request, **data)

    return _with_form(request, found, CloseForm, "close_form", act, _("The request is closed."))


@login_required
@require_POST
def consent(request, request_id):
    found = _request_or_404(request, request_id)

    def act(data):
        actions.record_consent(request.user, found, request=request, **data)

    return _with_form(
        request, found, ConsentForm, "consent_form", act, _("Saved: the family agreed.")
    )


@login_required
@require_POST
def find_family(request, request_id):
    found = _request_or_404(request, request_id)
    form = FindFamilyForm(request.POST)
    if not form.is_valid():
        return _page(request, found, status=400, find_form=form)
    try:
        matches = actions.find_family(request.user, found, request=request, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("family_request", request_id=found.pk)
    for match in matches:  # as on the intake page: a name only for a family she already sees
        match.is_mine = policy.can(request.user, "view_family", match)
    return _page(request, found, find_form=form, matches=matches, searched=True)


@login_required
@require_POST
def link(request, request_id):
    found = _request_or_404(request, request_id)

    def act(data):
        actions.link_to_family(
            request.user, found, data["family"], version=data["version"], request=request
        )

    return _with_form(
        request,
        found,
        LinkForm,
        "link_form",
        act,
        _("Linked. If you are not on the family's team yet, the family is asked to approve you."),
    )


@login_required
def intake(request, request_id):
    """Open the family's record from its request (no record was found): the intake form, the
    partner facilitating the new team and the request linked."""
    found = _request_or_404(request, request_id)
    try:
        actions.check_intake(request.user, found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("family_request", request_id=found.pk)
    return intake_page(
        request,
        lambda **fields: actions.open_family_from_request(
            request.user, found, request=request, **fields
        ),
        success=_(
            "The family was opened and its team started. You are its facilitator, "
            "and the request is linked to the family's record."
        ),
        context={"from_request": found},
    )
